// Colour only for a person at a terminal: stdout is a TTY, NO_COLOR (https://no-color.org) is
// not set, TERM is not dumb; --color=always|never overrides, FORCE_COLOR=1 forces it.
export type ColorMode = 'auto' | 'always' | 'never';

export function useColor(stream: { isTTY?: boolean }, mode: ColorMode = 'auto', env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function paint(on: boolean): Paint {
  if (!on) return { red: plain, yellow: plain, blue: plain, green: plain, dim: plain, bold: plain };
  return { red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}
