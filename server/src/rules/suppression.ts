// Suppression comments, applied after all rules ran (hadolint Pragma.hs):
//   # opsnotes-disable-next-line RULE[,RULE]   the next line that is not a comment
//   # opsnotes-disable RULE[,RULE]             the whole file
// Without rule ids, every rule is suppressed. `;` comments work in ansible.cfg too.
import { OpsDocument } from '../documents/document';
import type { Finding } from './engine';

const PRAGMA = /^\s*(?:#|;)\s*opsnotes-(disable-next-line|disable)\b([^\n]*)$/;

export interface Suppressions {
  /** Rule ids disabled for the whole file ('*' = all). */
  file: Set<string>;
  /** Line -> rule ids disabled on that line ('*' = all). */
  lines: Map<number, Set<string>>;
}

export function readSuppressions(doc: OpsDocument): Suppressions {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  if (!doc.text.includes('opsnotes-disable')) return { file, lines };
  const count = doc.lines.lineCount;
  for (let line = 0; line < count; line++) {
    const text = doc.lines.lineText(line);
    if (!text.includes('opsnotes-disable')) continue;
    const m = PRAGMA.exec(text);
    if (!m) continue;
    const ids = parseIds(m[2]);
    if (m[1] === 'disable') {
      ids.forEach((id) => file.add(id));
      continue;
    }
    let target = line + 1;
    while (target < count && /^\s*(?:#|;)/.test(doc.lines.lineText(target))) target++;
    let set = lines.get(target);
    if (!set) lines.set(target, (set = new Set()));
    ids.forEach((id) => set!.add(id));
  }
  return { file, lines };
}

function parseIds(rest: string): string[] {
  // Anything after ` -- ` is a free-text reason.
  const ids = rest.split('--')[0].split(/[\s,]+/).filter(Boolean);
  return ids.length ? ids : ['*'];
}

export function isSuppressed(s: Suppressions, ruleId: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(ruleId)) return true;
  const set = s.lines.get(line);
  return !!set && (set.has('*') || set.has(ruleId));
}

export function applySuppressions(doc: OpsDocument, findings: Finding[]): Finding[] {
  const s = readSuppressions(doc);
  if (!s.file.size && !s.lines.size) return findings;
  return findings.filter((f) => !isSuppressed(s, f.ruleId, f.range.start.line));
}

/** The comment text that suppresses a rule on a line, in the file's comment syntax. */
export function suppressionComment(doc: OpsDocument, ruleId: string): string {
  return `${doc.kind === 'ansible-cfg' ? ';' : '#'} opsnotes-disable-next-line ${ruleId}`;
}
