// The closest name of a list to a misspelled one (handler names, strategies).

/** The candidate within `max` edits (case-insensitive), the unique nearest, if any. */
export function closest(name: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  const n = name.toLowerCase();
  for (const c of candidates) {
    const d = distance(n, c.toLowerCase(), max + 1);
    if (d < bestD) [best, bestD, tie] = [c, d, false];
    else if (d === bestD && c !== best) tie = true;
  }
  return tie ? undefined : best;
}

/** Levenshtein distance, stopping at `cap` (names are short; the table is length² at most). */
export function distance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(prev[b.length], cap);
}
