// YAML model: every document of a file parsed once with `yaml` (ranges, comments, anchors,
// multi-document), plus the helpers rules and locators share to walk it by logical path.
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, Pair, parseAllDocuments, Scalar, YAMLMap, YAMLSeq } from 'yaml';

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
}

/** Nesting bound: deeper documents are not walked (issue 9: no stack overflow on hostile input). */
export const MAX_YAML_DEPTH = 200;

export function parseYaml(text: string): YamlFile {
  const documents: YamlDocument[] = [];
  const errors: YamlFile['errors'] = [];
  const parsed = parseAllDocuments(text, {
    lineCounter: new LineCounter(),
    prettyErrors: false,
    strict: false,
    uniqueKeys: false,
    keepSourceTokens: false,
  });
  const list = Array.isArray(parsed) ? parsed : [];
  list.forEach((doc, index) => {
    const [start, , end] = doc.range;
    documents.push({ doc, index, start, end });
    for (const e of doc.errors) errors.push({ message: e.message, start: e.pos[0], end: e.pos[1] });
  });
  return { documents, errors };
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
      for (const item of cur.items) {
        const key = item.key as Node | null;
        if (isScalar(key) && contains(key, offset)) {
          path.push({ key: String(key.value), pair: item as Pair<Scalar, Node | null>, node: (item.value ?? null) as Node | null });
          onKey = true;
          [tokenStart, tokenEnd] = nodeRange(key)!;
          return { path, onKey, onValue, tokenStart, tokenEnd };
        }
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
