// Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity):
//   <sign><digits>[.<digits>]<suffix>, suffix one of
//   binary  Ki Mi Gi Ti Pi Ei          (powers of 1024)
//   decimal n u m "" k M G T P E       (powers of 1000)
//   exponent e<int> / E<int>           (1e3, 1.5E2)
// `512m` of memory is 0.512 bytes, not 512 MiB; `1GB` or `512mb` is not a quantity at all.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

export interface Quantity {
  value: number;
  suffix: string;
}

/** Parses a quantity (a YAML number or string); undefined when it is not a valid one. */
export function parseQuantity(raw: string | number): Quantity | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw, suffix: '' } : undefined;
  const m = QUANTITY.exec(raw.trim());
  if (!m) return undefined;
  const [, sign, digits, suffix = ''] = m;
  let factor: number;
  if (suffix in BINARY) factor = BINARY[suffix];
  else if (suffix in DECIMAL) factor = DECIMAL[suffix];
  else factor = 10 ** Number(suffix.slice(1));
  const value = Number(digits) * factor * (sign === '-' ? -1 : 1);
  return Number.isFinite(value) ? { value, suffix } : undefined;
}

/** a < b, tolerant of float rounding between equal quantities written differently (0.1 vs 100m). */
export function lessThan(a: Quantity, b: Quantity): boolean {
  return a.value < b.value && b.value - a.value > Math.abs(b.value) * 1e-9;
}
