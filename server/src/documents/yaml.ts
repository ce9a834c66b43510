// YAML model: every document of a file parsed once with `yaml` (ranges, comments, anchors,
// multi-document), plus the helpers rules and locators share to walk it by logical path.
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, parseAllDocuments, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export type YamlNode = Node;
export { isMap, isScalar, isSeq, isPair, isAlias };
export type { YAMLMap, YAMLSeq, Scalar, Pair, Alias };

export interface YamlDocument {
  /** The parsed document (of the neutralised text when the file has templates). */
  doc: Document.Parsed;
  /** Index of this document in its file (0-based). */
  index: number;
  /** Offsets of the whole document (including its `---`). */
  start: number;
  end: number;
}

export interface YamlFile {
  documents: YamlDocument[];
  /** Syntax errors, with offsets, as reported by the parser. */
  errors: { message: string; start: number; end: number }[];
  /** The text split at `---` lines, each part parsed on its own (see parseYaml). */
  chunks: YamlChunk[];
}

interface YamlChunk {
  text: string;
  start: number;
  documents: YamlDocument[];
  errors: YamlFile['errors'];
}

/** Nesting bound: deeper documents are not walked (issue 9: no stack overflow on hostile input). */
export const MAX_YAML_DEPTH = 200;

const PARSE_OPTIONS = { prettyErrors: false, strict: false, uniqueKeys: false, keepSourceTokens: false } as const;

/**
 * Offsets where documents start: lines beginning with `---` at column 0. YAML forbids such
 * lines inside document content, so splitting there is exact. Files with directives (`%YAML`)
 * are not split.
 */
function chunkBounds(text: string): number[] {
  const starts = [0];
  if (text.startsWith('%') || text.includes('\n%')) return starts;
  for (let i = text.indexOf('\n---'); i >= 0; i = text.indexOf('\n---', i + 1)) {
    const c = text.charCodeAt(i + 4);
    if (Number.isNaN(c) || c === 10 || c === 13 || c === 32 || c === 9) starts.push(i + 1);
  }
  return starts;
}

function parseChunk(text: string, start: number): YamlChunk {
  const documents: YamlDocument[] = [];
  const errors: YamlFile['errors'] = [];
  let parsed: Document.Parsed[] = [];
  try {
    const r = parseAllDocuments(text, PARSE_OPTIONS);
    parsed = Array.isArray(r) ? r : [];
  } catch (e) {
    // The parser recurses on nested flow collections; absurd nesting ends here, not in a crash.
    errors.push({ message: `YAML not readable: ${(e as Error).message}`, start, end: start + text.length });
  }
  for (const doc of parsed) {
    if (start) shiftDocument(doc, start);
    documents.push({ doc, index: 0, start: doc.range[0], end: doc.range[2] });
    for (const e of doc.errors) errors.push({ message: e.message, start: e.pos[0], end: e.pos[1] });
  }
  return { text, start, documents, errors };
}

/** Move every range of a parsed document by `delta` (a part parsed alone, or reused). */
function shiftDocument(doc: Document.Parsed, delta: number): void {
  const stack: { n: unknown; depth: number }[] = [{ n: doc.contents, depth: 0 }];
  const seen = new Set<unknown>();
  while (stack.length) {
    const { n, depth } = stack.pop()!;
    if (!n || typeof n !== 'object' || seen.has(n)) continue;
    seen.add(n);
    const r = (n as { range?: number[] }).range;
    if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
    if (isMap(n) || isSeq(n)) for (const item of n.items as unknown[]) stack.push({ n: item, depth: depth + 1 });
    else if (isPair(n)) {
      stack.push({ n: n.key, depth: depth + 1 });
      stack.push({ n: n.value, depth: depth + 1 });
    }
  }
  const dr = doc.range as unknown as number[];
  for (let i = 0; i < dr.length; i++) dr[i] += delta;
  for (const e of [...doc.errors, ...doc.warnings]) {
    e.pos[0] += delta;
    e.pos[1] += delta;
  }
}

/**
 * Parse every document of a file. Multi-document files are split at `---` lines and each part
 * parsed alone; with `previous` (the last version's parse), parts whose text did not change are
 * reused (their ranges moved), so a one-character edit in a 10,000-line manifest re-parses one
 * document. The previous version's nodes are taken over: it must not be used afterwards.
 */
export function parseYaml(text: string, previous?: YamlFile): YamlFile {
  const bounds = chunkBounds(text);
  const reusable = new Map<string, YamlChunk[]>();
  if (previous && bounds.length > 1) {
    for (const c of previous.chunks) {
      const list = reusable.get(c.text);
      if (list) list.push(c);
      else reusable.set(c.text, [c]);
    }
  }
  const chunks: YamlChunk[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const start = bounds[i];
    const end = i + 1 < bounds.length ? bounds[i + 1] : text.length;
    const part = text.slice(start, end);
    const old = reusable.get(part)?.shift();
    if (!old) {
      chunks.push(parseChunk(part, start));
      continue;
    }
    const delta = start - old.start;
    if (delta) {
      for (const d of old.documents) {
        shiftDocument(d.doc, delta);
        d.start += delta;
        d.end += delta;
      }
    }
    chunks.push({ text: part, start, documents: old.documents, errors: old.errors.map((e) => ({ message: e.message, start: e.start + delta, end: e.end + delta })) });
  }
  const documents = chunks.flatMap((c) => c.documents);
  documents.forEach((d, index) => (d.index = index));
  return { documents, errors: chunks.flatMap((c) => c.errors), chunks };
}

/** Offsets of a node: [start, end of value]. */
export function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** The value of a map entry by key (scalar keys only), without resolving aliases. */
export function getNode(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isScalar(item.key) && String(item.key.value) === key) return (item.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

/** The pair of a map entry by key. */
export function getPair(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isScalar(item.key) && String(item.key.value) === key) return item as Pair<Scalar, Node | null>;
  }
  return undefined;
}

/** Walk a logical path of keys (string) and sequence indices (number). */
export function getIn(node: unknown, path: readonly (string | number)[]): Node | undefined {
  let cur: unknown = node;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!isSeq(cur)) return undefined;
      cur = cur.items[step];
    } else {
      cur = getNode(cur, step);
    }
    if (cur == null) return undefined;
  }
  return cur as Node;
}

/** A scalar's value as a string (numbers and booleans stringified), or undefined. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? v : String(v);
}

export function stringAt(map: unknown, key: string): string | undefined {
  return scalarString(getNode(map, key));
}

/** Map entries as [key string, pair]. Non-scalar keys are skipped. */
export function entries(map: unknown): [string, Pair<Scalar, Node | null>][] {
  if (!isMap(map)) return [];
  const out: [string, Pair<Scalar, Node | null>][] = [];
  for (const item of map.items) {
    if (isScalar(item.key) && item.key.value != null) out.push([String(item.key.value), item as Pair<Scalar, Node | null>]);
  }
  return out;
}

export function seqItems(node: unknown): Node[] {
  return isSeq(node) ? (node.items.filter((i) => i != null) as Node[]) : [];
}

/** One step of the path from a document's root down to the cursor. */
export interface PathStep {
  /** Map key (string) or sequence index (number). */
  key: string | number;
  /** The pair for map steps. */
  pair?: Pair<Scalar, Node | null>;
  /** The node the step leads to (the pair's value or the sequence item). */
  node: Node | null;
}

export interface YamlPosition {
  /** Steps from the root to the innermost node holding the offset. */
  path: PathStep[];
  /** Whether the offset is on the last step's key (true) or inside its value (false). */
  onKey: boolean;
  /** Whether the offset is on a scalar value of the last step. */
  onValue: boolean;
  /** Offsets of the token under the cursor (key or scalar value). */
  tokenStart: number;
  tokenEnd: number;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return !!r && r[0] <= offset && offset <= r[1];
}

/**
 * The logical path at an offset (compose-language-service `getPositionInfo`, ansible language
 * server `getPathAt`). Walks only the nodes that contain the offset, bounded by MAX_YAML_DEPTH.
 */
export function pathAt(root: Node | null | undefined, offset: number): YamlPosition | undefined {
  const path: PathStep[] = [];
  let cur: Node | null | undefined = root;
  let onKey = false;
  let onValue = false;
  let tokenStart = -1;
  let tokenEnd = -1;
  for (let depth = 0; cur && depth < MAX_YAML_DEPTH; depth++) {
    if (isMap(cur)) {
      let next: Node | null | undefined;
      // Keys first: a nested block value's range ends at the start of the next key's line,
      // so a cursor on that key's first character is "in" the previous value too.
      for (const item of cur.items) {
        const key = item.key as Node | null;
        if (isScalar(key) && contains(key, offset)) {
          path.push({ key: String(key.value), pair: item as Pair<Scalar, Node | null>, node: (item.value ?? null) as Node | null });
          onKey = true;
          [tokenStart, tokenEnd] = nodeRange(key)!;
          return { path, onKey, onValue, tokenStart, tokenEnd };
        }
      }
      for (const item of cur.items) {
        const key = item.key as Node | null;
        const value = item.value as Node | null;
        if (isScalar(key) && value && contains(value, offset)) {
          path.push({ key: String(key.value), pair: item as Pair<Scalar, Node | null>, node: value });
          next = value;
          break;
        }
      }
      if (!next) break;
      cur = next;
    } else if (isSeq(cur)) {
      let next: Node | null | undefined;
      cur.items.forEach((item, i) => {
        if (!next && contains(item as Node, offset)) {
          path.push({ key: i, node: item as Node });
          next = item as Node;
        }
      });
      if (!next) break;
      cur = next;
    } else {
      if (isScalar(cur) || isAlias(cur)) {
        const r = nodeRange(cur);
        if (r && r[0] <= offset && offset <= r[1]) {
          onValue = true;
          [tokenStart, tokenEnd] = r;
        }
      }
      break;
    }
  }
  if (path.length === 0) return undefined;
  return { path, onKey, onValue, tokenStart, tokenEnd };
}

/** Keys of a path, without sequence indices: `spec.template.spec.containers.livenessProbe`. */
export function logicalKeys(path: readonly PathStep[]): string[] {
  return path.filter((s) => typeof s.key === 'string').map((s) => s.key as string);
}
