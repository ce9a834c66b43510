// Helm templates: which parts of a manifest are unknown until `helm template` runs. Template
// actions are blanked before parsing (documents/helm.ts), so a line like
//   {{- toYaml .Values.resources | nindent 12 }}
// vanishes from the parsed map; a rule that reports a *missing* key must not trust such a map.
import { Node } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { column, contentEnd, range } from './_yamlEdit';

const templatedDocs = new WeakMap<OpsDocument, boolean>();

export function hasTemplateSyntax(doc: OpsDocument): boolean {
  let v = templatedDocs.get(doc);
  if (v === undefined) {
    v = doc.text.includes('{{') || doc.text.includes('{%');
    templatedDocs.set(doc, v);
  }
  return v;
}

// Actions that print nothing: control flow, definitions, comments, variable assignments.
const CONTROL = /^(?:if|else|end|with|range|define|break|continue|block)\b|^\/\*|^\$[A-Za-z0-9_]*\s*:?=/;

/** Whether a line holds only template actions, at least one of which prints text. */
function outputTemplateLine(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('{{') && !t.startsWith('{%')) return false;
  if (t.startsWith('{%')) return /^\{%-?\s*include\b/.test(t);
  let printed = false;
  let i = 0;
  while (i < t.length) {
    const open = t.indexOf('{{', i);
    if (open < 0) break;
    if (t.slice(i, open).trim()) return false; // text between actions: a YAML line, not a template-only one
    const close = t.indexOf('}}', open + 2);
    if (close < 0) return true; // a multi-line action: treat as printing
    const body = t.slice(open + 2, close).replace(/^-/, '').trim();
    if (!CONTROL.test(body)) printed = true;
    i = close + 2;
  }
  if (t.slice(i).trim()) return false;
  return printed;
}

/** The column a template line's output starts at: `nindent N` -> N, `indent N` -> line indent + N. */
function targetColumn(text: string): number {
  const lineIndent = text.length - text.trimStart().length;
  const m = /\b(n?)indent\s+(\d+)/.exec(text);
  if (!m) return lineIndent;
  return m[1] ? Number(m[2]) : lineIndent + Number(m[2]);
}

/**
 * Whether template lines may add entries to a block map or sequence: a template-only line that
 * prints text, inside the node or right after it, whose output starts at the node's column
 * (`nindent 12` puts it at column 12 wherever the action stands).
 */
export function mayInject(doc: OpsDocument, node: Node | null | undefined): boolean {
  if (!node || !hasTemplateSyntax(doc)) return false;
  const r = range(node);
  if (!r) return false;
  const col = column(doc, r[0]);
  const lines = doc.lines;
  const first = lines.positionAt(r[0]).line;
  let last = lines.positionAt(Math.max(r[0], contentEnd(doc, r[1]) - 1)).line;
  // Blank (in the parsed text) lines after the node may be template lines that belong to it.
  while (last + 1 < lines.lineCount && doc.yamlText.slice(lines.lineStart(last + 1), lines.lineEnd(last + 1)).trim() === '') last++;
  for (let l = first; l <= last; l++) {
    const text = lines.lineText(l);
    if (!text.includes('{{') && !text.includes('{%')) continue;
    if (!outputTemplateLine(text)) continue;
    if (targetColumn(text) === col) return true;
  }
  return false;
}

/** Whether the user's text of a node contains template syntax (its value is unknown). */
export function templated(doc: OpsDocument, node: Node | null | undefined): boolean {
  const r = range(node);
  return !!r && hasTemplateSyntax(doc) && doc.isTemplated(r[0], r[1]);
}
