// TextMate snippet syntax as VS Code reads it (vscode snippetParser.ts): `$1`, `${1}`,
// `${1:default}` (nested), `${1|a,b|}`, `$0`, variables `$NAME` / `${NAME:default}`, and the
// escapes `\$`, `\}`, `\\` (plus `\,` and `\|` inside choices). Any other `\x` is literal.
// Used to expand a snippet with its defaults (documentation previews, tests) and to check
// that re-indenting a body line by line never cuts a placeholder.

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children: SnippetNode[]; choices?: string[] }
  | { type: 'variable'; name: string; children: SnippetNode[] };

class Reader {
  pos = 0;
  constructor(readonly s: string) {}
  peek(n = 0): string {
    return this.s[this.pos + n] ?? '';
  }
  done(): boolean {
    return this.pos >= this.s.length;
  }
}

export function parseSnippet(body: string): SnippetNode[] {
  const r = new Reader(body);
  return parseUntil(r, false);
}

/** Parses nodes until the end, or until an unescaped `}` when `inPlaceholder`. */
function parseUntil(r: Reader, inPlaceholder: boolean): SnippetNode[] {
  const nodes: SnippetNode[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ type: 'text', value: text });
    text = '';
  };
  while (!r.done()) {
    const c = r.peek();
    if (c === '\\' && '$}\\'.includes(r.peek(1)) && r.peek(1) !== '') {
      text += r.peek(1);
      r.pos += 2;
      continue;
    }
    if (c === '}' && inPlaceholder) {
      flush();
      return nodes;
    }
    if (c === '$') {
      const node = parseDollar(r);
      if (node) {
        flush();
        nodes.push(node);
        continue;
      }
    }
    text += c;
    r.pos++;
  }
  flush();
  return nodes;
}

const DIGITS = /^\d+/;
const NAME = /^[A-Za-z_][A-Za-z_0-9]*/;

/** `$…` at the reader; undefined (reader unchanged) when it is a literal dollar. */
function parseDollar(r: Reader): SnippetNode | undefined {
  const start = r.pos;
  const rest = r.s.slice(r.pos + 1);
  let m = DIGITS.exec(rest);
  if (m) {
    r.pos += 1 + m[0].length;
    return { type: 'tabstop', index: Number(m[0]), children: [] };
  }
  m = NAME.exec(rest);
  if (m) {
    r.pos += 1 + m[0].length;
    return { type: 'variable', name: m[0], children: [] };
  }
  if (rest[0] !== '{') return undefined;
  r.pos += 2;
  const inner = r.s.slice(r.pos);
  const num = DIGITS.exec(inner);
  const name = num ? null : NAME.exec(inner);
  if (!num && !name) {
    r.pos = start;
    return undefined;
  }
  r.pos += (num ?? name)![0].length;
  const next = r.peek();
  if (next === '}') {
    r.pos++;
    return num ? { type: 'tabstop', index: Number(num[0]), children: [] } : { type: 'variable', name: name![0], children: [] };
  }
  if (next === ':') {
    r.pos++;
    const children = parseUntil(r, true);
    if (r.peek() !== '}') {
      r.pos = start;
      return undefined;
    }
    r.pos++;
    return num ? { type: 'tabstop', index: Number(num[0]), children } : { type: 'variable', name: name![0], children };
  }
  if (next === '|' && num) {
    r.pos++;
    const choices: string[] = [];
    let cur = '';
    while (!r.done()) {
      const c = r.peek();
      if (c === '\\' && ',|\\$}'.includes(r.peek(1)) && r.peek(1) !== '') {
        cur += r.peek(1);
        r.pos += 2;
      } else if (c === ',') {
        choices.push(cur);
        cur = '';
        r.pos++;
      } else if (c === '|' && r.peek(1) === '}') {
        choices.push(cur);
        r.pos += 2;
        return { type: 'tabstop', index: Number(num[0]), children: [{ type: 'text', value: choices[0] }], choices };
      } else {
        cur += c;
        r.pos++;
      }
    }
  }
  r.pos = start;
  return undefined;
}

/**
 * The text a snippet inserts when every placeholder keeps its default: a choice takes its
 * first option, a mirror (`$1` or a second `${1:…}`) the value of the first placeholder of its
 * number that has one, a variable its default (we use none).
 */
export function expandSnippet(body: string | SnippetNode[]): string {
  const nodes = typeof body === 'string' ? parseSnippet(body) : body;
  const defaults = new Map<number, SnippetNode[]>();
  const collect = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.type === 'text') continue;
      if (n.type === 'tabstop' && n.children.length && !defaults.has(n.index)) defaults.set(n.index, n.children);
      collect(n.children);
    }
  };
  collect(nodes);
  const render = (list: SnippetNode[], depth: number): string =>
    list
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (depth > 20) return '';
        if (n.type === 'variable') return render(n.children, depth + 1);
        return render(defaults.get(n.index) ?? [], depth + 1);
      })
      .join('');
  return render(nodes, 0);
}

/** Whether some placeholder's text spans a line break (then lines cannot be re-indented one by one). */
export function placeholderSpansLines(nodes: SnippetNode[]): boolean {
  const text = (list: SnippetNode[]): string => list.map((n) => (n.type === 'text' ? n.value : text(n.children) + (n.type === 'tabstop' ? (n.choices ?? []).join('') : ''))).join('');
  return nodes.some((n) => n.type !== 'text' && (text(n.children).includes('\n') || (n.type === 'tabstop' && (n.choices ?? []).some((c) => c.includes('\n')))));
}

/** Escapes text for use as literal snippet text. */
export function escapeSnippetText(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}
