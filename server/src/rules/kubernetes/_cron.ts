// The interval between runs of a cron schedule, for the regular schedules people write
// (`*/15 * * * *`, `0 * * * *`, `30 2 * * *`, `0 3 * * 0`, @hourly...). Irregular ones
// (ranges with steps, day-of-month lists, @monthly) give undefined: no advice is better than a
// wrong number.

const MACROS: Record<string, number> = { '@hourly': 3600, '@daily': 86400, '@midnight': 86400, '@weekly': 604800 };

function fixedNumber(f: string): boolean {
  return /^\d+$/.test(f);
}

/** Smallest gap between listed values on a cycle of `size` (`0,30` on 60 -> 30). */
function listGap(f: string, size: number): number | undefined {
  if (!/^\d+(?:,\d+)+$/.test(f)) return undefined;
  const v = [...new Set(f.split(',').map(Number))].sort((a, b) => a - b);
  if (v.some((x) => x >= size)) return undefined;
  let gap = v[0] + size - v[v.length - 1];
  for (let i = 1; i < v.length; i++) gap = Math.min(gap, v[i] - v[i - 1]);
  return gap;
}

function step(f: string, size: number): number | undefined {
  const m = /^\*\/(\d+)$/.exec(f);
  const n = m ? Number(m[1]) : undefined;
  return n && size % n === 0 ? n : undefined;
}

export function cronIntervalSeconds(schedule: string): number | undefined {
  const s = schedule.trim();
  if (s in MACROS) return MACROS[s];
  const f = s.split(/\s+/);
  if (f.length !== 5) return undefined;
  const [min, hour, dom, mon, dow] = f;
  if (dom !== '*' || mon !== '*') return undefined;
  const daily = dow === '*' || /^\d-\d$/.test(dow) || /^\d(?:,\d)+$/.test(dow);
  if (min === '*' && hour === '*' && dow === '*') return 60;
  const minStep = step(min, 60);
  if (minStep && hour === '*' && dow === '*') return minStep * 60;
  const minGap = listGap(min, 60);
  if (minGap && hour === '*' && dow === '*') return minGap * 60;
  if (!fixedNumber(min)) return undefined;
  if (hour === '*' && dow === '*') return 3600;
  const hourStep = step(hour, 24);
  if (hourStep && dow === '*') return hourStep * 3600;
  const hourGap = listGap(hour, 24);
  if (hourGap && dow === '*') return hourGap * 3600;
  if (!fixedNumber(hour)) return undefined;
  if (daily) return 86400;
  if (fixedNumber(dow)) return 604800;
  return undefined;
}
