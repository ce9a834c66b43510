// Assertions over what --fix changed.
import * as assert from 'assert';
import { JsonFinding } from './run';

/** 0-based lines the safe fixes of these findings edit. */
export function fixedLines(findings: JsonFinding[]): Set<number> {
  const lines = new Set<number>();
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safety === 'safe');
    if (!fix) continue;
    for (const e of fix.edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) lines.add(l);
  }
  return lines;
}

function splitKeepingEol(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The new text is the old one with only `lines` (0-based) replaced: every run of other lines is
 * still there, byte for byte, in order, and the text starts and ends the same way.
 */
export function assertOnlyLinesChanged(before: string, after: string, lines: Set<number>, name: string): void {
  const old = splitKeepingEol(before);
  const runs: { text: string; first: boolean; last: boolean }[] = [];
  let current: string[] = [];
  let start = 0;
  old.forEach((line, i) => {
    if (lines.has(i)) {
      if (current.length) runs.push({ text: current.join(''), first: start === 0, last: false });
      current = [];
      start = i + 1;
    } else current.push(line);
  });
  if (current.length) runs.push({ text: current.join(''), first: start === 0, last: true });
  let at = 0;
  for (const run of runs) {
    const found = run.first ? (after.startsWith(run.text) ? 0 : -1) : run.last ? (after.endsWith(run.text) && after.length - run.text.length >= at ? after.length - run.text.length : -1) : after.indexOf(run.text, at);
    assert.ok(found >= 0, `${name}: unfixed lines changed or moved: ${JSON.stringify(run.text.slice(0, 120))}`);
    at = found + run.text.length;
  }
}
