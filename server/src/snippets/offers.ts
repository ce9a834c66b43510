// The snippets offered at a cursor, with their text shaped for the insertion point: descended
// into the key the cursor is under, the first dash dropped when `- ` is typed, and every line
// after the first indented to the target column (the client inserts the text as is).
import { OpsDocument } from '../documents/document';
import { loadSnippets, Snippet } from './catalog';
import { insertTargets, InsertTarget } from './contexts';

export interface SnippetOffer {
  snippet: Snippet;
  /** Snippet syntax text to insert, already indented for the position. */
  text: string;
  /** Offsets replaced (the typed word). */
  start: number;
  end: number;
}

export function snippetOffers(doc: OpsDocument, offset: number, snippets: readonly Snippet[] = loadSnippets().snippets): SnippetOffer[] {
  const out: SnippetOffer[] = [];
  // Clients insert the text as sent; keep the file's line breaks.
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  for (const target of insertTargets(doc, offset)) {
    for (const s of snippets) {
      if (!s.contexts.includes(target.context) || out.some((o) => o.snippet === s)) continue;
      const text = shapeBody(s.body, target);
      if (text !== undefined) out.push({ snippet: s, text: eol === '\n' ? text : text.split('\n').join(eol), start: target.start, end: target.end });
    }
  }
  return out;
}

/** The body as inserted at a target, or undefined when it does not fit there. */
export function shapeBody(body: string, target: InsertTarget): string | undefined {
  let lines = body.split('\n');
  for (const key of target.descend) {
    const inner = descendInto(lines, key);
    if (!inner) return undefined;
    lines = inner;
  }
  if (target.shape !== 'any') {
    const list = isList(lines);
    if (list !== (target.shape === 'list')) return undefined;
    if (!list && topKeys(lines).some((k) => target.existingKeys.has(k))) return undefined;
  }
  if (target.stripDash) {
    if (!lines[0].startsWith('- ')) return undefined;
    lines = [lines[0].slice(2), ...lines.slice(1)];
  }
  const pad = ' '.repeat(target.column);
  return lines.map((l, i) => (i === 0 || l === '' ? l : pad + l)).join('\n');
}

/** `key:` as the body's only top-level line: the lines of its value, dedented. */
function descendInto(lines: string[], key: string): string[] | undefined {
  if (lines[0].trimEnd() !== `${key}:`) return undefined;
  const rest = lines.slice(1);
  const indents = rest.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  if (!indents.length || Math.min(...indents) === 0) return undefined;
  const cut = Math.min(...indents);
  return rest.map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length)));
}

function isList(lines: string[]): boolean {
  return lines.find((l) => l.trim() !== '')?.startsWith('- ') ?? false;
}

/** Literal top-level keys of a mapping body (keys that are placeholders are left out). */
function topKeys(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const m = /^([^\s#$-][^:]*):(?:\s|$)/.exec(l);
    if (m) out.push(m[1]);
  }
  return out;
}
