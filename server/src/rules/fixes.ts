// Which fixes "fix all" applies together: the safe ones, without overlapping edits. LSP-free so
// the language server (source.fixAll) and the CLI (--fix) share it; codeActions.ts re-exports it.
import { Finding } from './engine';
import { Fix } from './types';
import { Range, rangesOverlap } from '../util/text';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function isEmpty(r: Range): boolean {
  return r.start.line === r.end.line && r.start.character === r.end.character;
}

/** Safe fixes of all findings, without overlaps (later overlapping ones are left for a next run). */
export function safeFixEdits(findings: readonly Finding[]): { edits: Fix['edits']; applied: Finding[] } {
  const edits: Fix['edits'] = [];
  const applied: Finding[] = [];
  for (const f of findings) {
    const fix = f.fixes().find((x) => x.safety === 'safe' && !x.createFiles?.length);
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((o) => rangesOverlap(o.range, e.range) || (sameRange(o.range, e.range) && isEmpty(e.range))))) continue;
    edits.push(...fix.edits);
    applied.push(f);
  }
  return { edits, applied };
}
