// Where in a YAML document the cursor would insert: a new key of some mapping, a new item of
// some sequence, or the top of an empty document. While typing, the cursor's line is
// incomplete (`    liv`, `  - `, an empty line below `livenessProbe:`), so the cursor's own
// line is never trusted to the parser: the lines above it decide by indentation which mapping
// or sequence the cursor continues, and the parse (of those complete lines) confirms that a
// line really is a key and gives its logical path. Block scalars, flow collections and Helm
// template lines (blanked in yamlText) thus never pass for keys.
import { Node } from 'yaml';
import { OpsDocument } from '../documents/document';
import { YamlDocKind } from '../documents/kinds';
import { getIn, isMap, isScalar, isSeq, nodeRange, pathAt, YamlDocument } from '../documents/yaml';

/** The typed word at the cursor and what precedes it on its line. */
export interface CursorWord {
  line: number;
  lineStart: number;
  /** The completion replaces [wordStart, offset]. */
  wordStart: number;
  offset: number;
  /** Column of the word. */
  column: number;
  /** Column of a `- ` typed before the word on the same line. */
  dash?: number;
}

export type Steps = (string | number)[];

export type YamlSlot =
  /** An empty document (apart from the typed word); `dash` when `- ` is typed at column 0. */
  | { kind: 'top'; dash?: number }
  /** A new key of the mapping at `path` (null when the key holds nothing yet), keys at `column`. */
  | { kind: 'map'; path: Steps; node: Node | null; column: number }
  /** A new item of the sequence at `path`, dashes at `column`; `dash` when `- ` is typed. */
  | { kind: 'seq'; path: Steps; node: Node | null; column: number; dash: boolean };

export interface YamlPlace {
  document?: YamlDocument;
  docKind: YamlDocKind | 'empty';
  root: Node | null;
  cursor: CursorWord;
  slots: YamlSlot[];
}

const WORD_LINE = /^( *)(?:(-)( +))?([A-Za-z0-9_./-]*)$/;

/** The word before the cursor when the line holds only indentation, an optional `- ` and that word. */
export function cursorWord(doc: OpsDocument, offset: number): CursorWord | undefined {
  const { line } = doc.lines.positionAt(offset);
  const lineStart = doc.lines.lineStart(line);
  const before = doc.text.slice(lineStart, offset);
  const after = doc.text.slice(offset, doc.lines.lineEnd(line));
  if (after.trim() !== '') return undefined;
  const m = WORD_LINE.exec(before);
  if (!m) return undefined;
  const column = before.length - m[4].length;
  return { line, lineStart, wordStart: lineStart + column, offset, column, dash: m[2] ? m[1].length : undefined };
}

interface LineShape {
  indent: number;
  /** Column of a leading `- `. */
  dashCol?: number;
  /** Column where the line's content (after any dash) starts; undefined for a lone `-`. */
  keyCol?: number;
}

function shapeOf(text: string): LineShape | 'skip' | 'boundary' | 'bad' {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return 'skip';
  if (/^(?:---|\.\.\.)(?:\s|$)/.test(text)) return 'boundary';
  const indent = text.length - text.trimStart().length;
  if (text.slice(0, indent).includes('\t')) return 'bad';
  if (text[indent] === '-' && (indent + 1 === text.length || text[indent + 1] === ' ')) {
    const rest = text.slice(indent + 1);
    const pad = rest.length - rest.trimStart().length;
    return { indent, dashCol: indent, keyCol: rest.trim() === '' ? undefined : indent + 1 + pad };
  }
  return { indent, keyCol: indent };
}

/** The key starting exactly at `offset`: its path and pair. */
function keyAt(root: Node | null, offset: number) {
  const p = pathAt(root, offset);
  if (!p || !p.onKey || p.tokenStart !== offset) return undefined;
  const last = p.path[p.path.length - 1];
  return { steps: p.path.map((s) => s.key), pair: last.pair!, value: last.node };
}

/** Column of the key holding the node at `path` (undefined for the root or an item). */
function keyColumn(doc: OpsDocument, root: Node | null, path: Steps): number | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = getIn(root, path.slice(0, -1)) ?? (path.length === 1 ? root : undefined);
  if (!isMap(parent)) return undefined;
  for (const item of parent.items) {
    if (isScalar(item.key) && String(item.key.value) === last) {
      const r = nodeRange(item.key as Node);
      return r ? doc.lines.positionAt(r[0]).character : undefined;
    }
  }
  return undefined;
}

/** The sequence item starting at `offset` (the content after a dash): the sequence's path. */
function itemAt(root: Node | null, offset: number): Steps | undefined {
  const p = pathAt(root, offset);
  if (!p) return undefined;
  for (let i = p.path.length - 1; i >= 0; i--) {
    const s = p.path[i];
    if (typeof s.key === 'number' && nodeRange(s.node)?.[0] === offset) return p.path.slice(0, i).map((x) => x.key);
  }
  return undefined;
}

export function yamlPlace(doc: OpsDocument, offset: number): YamlPlace | undefined {
  const cursor = cursorWord(doc, offset);
  if (!cursor) return undefined;
  // Trailing blank lines (the cursor's among them) lie after the last document's range.
  let located = doc.yamlDocumentAt(offset);
  if (!located) for (const d of doc.yamlDocuments()) if (d.document.start <= offset) located = d;
  const root = (located?.document.doc.contents ?? null) as Node | null;
  const place: YamlPlace = { document: located?.document, docKind: located?.kind ?? 'empty', root, cursor, slots: [] };
  // A half-typed item of a root sequence (`- ` below the plays of a playbook) can make the
  // whole document read as generic YAML. Root structure is all classification looks at, so
  // only then is this document read again with the typed text blanked (offsets hold).
  if (place.docKind === 'generic' && isSeq(root) && (cursor.column === 0 || cursor.dash === 0) && offset > cursor.lineStart) {
    const blanked = new OpsDocument({ uri: doc.uri, path: doc.path, languageId: doc.languageId, text: onlyThisDocument(doc, cursor) });
    const again = blanked.yamlDocumentAt(offset) ?? blanked.yamlDocuments().filter((d) => d.document.start <= offset).pop();
    if (again && again.kind !== 'generic') {
      place.document = again.document;
      place.docKind = again.kind;
      place.root = (again.document.doc.contents ?? null) as Node | null;
      place.slots = slotsAt(blanked, place.root, cursor);
      return place;
    }
  }
  place.slots = slotsAt(doc, root, cursor);
  return place;
}

function slotsAt(doc: OpsDocument, root: Node | null, cursor: CursorWord): YamlSlot[] {
  const text = doc.yamlText;
  const lines = doc.lines;
  const D = cursor.dash;
  const K = cursor.column;
  const lineOffset = (l: number, col: number) => lines.lineStart(l) + col;
  for (let l = cursor.line - 1; l >= 0; l--) {
    const shape = shapeOf(text.slice(lines.lineStart(l), lines.lineEnd(l)));
    if (shape === 'skip') continue;
    if (shape === 'bad') return [];
    if (shape === 'boundary') break;
    const seqCol = D ?? K;
    // A sibling item: the cursor starts another item of the same sequence.
    if (shape.dashCol === seqCol) {
      if (shape.keyCol === undefined) return [];
      const path = itemAt(root, lineOffset(l, shape.keyCol));
      if (!path) return [];
      const seq: YamlSlot = { kind: 'seq', path, node: getIn(root, path) ?? (path.length ? null : root), column: seqCol, dash: D !== undefined };
      // A compact sequence (`containers:` and its dashes in one column): without a dash typed,
      // the cursor may as well add a key beside `containers`.
      const holder = keyColumn(doc, root, path);
      if (D === undefined && holder === K) {
        const parent = path.slice(0, -1);
        return [{ kind: 'map', path: parent, node: getIn(root, parent) ?? (parent.length ? null : root), column: K }, seq];
      }
      return [seq];
    }
    if (shape.keyCol === undefined) {
      if (shape.dashCol! < seqCol) return [];
      continue;
    }
    if (D === undefined && shape.keyCol === K) {
      // A sibling key: the cursor adds a key to the same mapping.
      const key = keyAt(root, lineOffset(l, K));
      if (!key) return [];
      const path = key.steps.slice(0, -1);
      return [{ kind: 'map', path, node: getIn(root, path) ?? (path.length ? null : root), column: K }];
    }
    // The nearest line above that is less indented: the key whose value the cursor is in.
    // With a dash typed, `key:` may stand in the dash's own column (a compact sequence).
    if (D === undefined ? shape.keyCol < K : shape.keyCol <= D) return parentSlots(doc, root, cursor, lineOffset(l, shape.keyCol), l);
    // The cursor would fall between a dash above and that item's content.
    if (shape.dashCol !== undefined && shape.dashCol < seqCol) return [];
  }
  // Nothing above in this document.
  if (K === 0 || D === 0) {
    if (documentIsEmpty(doc, cursor)) return [{ kind: 'top', dash: D }];
    if (D === undefined && isMap(root)) return [{ kind: 'map', path: [], node: root, column: 0 }];
    if (isSeq(root) && (D === 0 || K === 0)) return [{ kind: 'seq', path: [], node: root, column: 0, dash: D === 0 }];
  }
  return [];
}

/** The cursor is below `key:` (at `keyOffset`, line `l`) and deeper than it: inside its value. */
function parentSlots(doc: OpsDocument, root: Node | null, cursor: CursorWord, keyOffset: number, l: number): YamlSlot[] {
  const key = keyAt(root, keyOffset);
  if (!key) return [];
  const value = key.value;
  const valueStart = nodeRange(value)?.[0];
  // `key:` alone parses as an empty scalar; the typed word on the cursor's line may parse as
  // the key's value. Both leave the value empty.
  const nothing = !value || valueStart === undefined || (isScalar(value) && (value.value === null || valueStart >= cursor.lineStart));
  // `key: value` (or a flow collection, a block scalar) on the key's own line: the cursor's
  // line continues that value.
  if (!nothing && valueStart! <= doc.lines.lineEnd(l)) return [];
  const empty = nothing || ((isMap(value) || isSeq(value)) && value.items.length === 0);
  const col = !nothing ? doc.lines.positionAt(valueStart!).character : undefined;
  const D = cursor.dash;
  const K = cursor.column;
  if (D !== undefined) {
    if (empty) return [{ kind: 'seq', path: key.steps, node: null, column: D, dash: true }];
    if (isSeq(value) && col === D) return [{ kind: 'seq', path: key.steps, node: value, column: D, dash: true }];
    return [];
  }
  if (empty) {
    return [
      { kind: 'map', path: key.steps, node: isMap(value) ? value : null, column: K },
      { kind: 'seq', path: key.steps, node: null, column: K, dash: false },
    ];
  }
  // The cursor sits above the first entry of an existing value, at its column.
  if (isMap(value) && col === K) return [{ kind: 'map', path: key.steps, node: value, column: K }];
  if (isSeq(value) && col === K) return [{ kind: 'seq', path: key.steps, node: value, column: K, dash: false }];
  return [];
}

/**
 * The text with the typed word blanked and every other YAML document blanked too (spaces,
 * line breaks kept): the same offsets, and only this document for the parser to read.
 */
function onlyThisDocument(doc: OpsDocument, cursor: CursorWord): string {
  const text = doc.text;
  const lines = doc.lines;
  const isBoundary = (l: number) => /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(lines.lineStart(l), lines.lineEnd(l)));
  let first = cursor.line;
  while (first > 0 && !isBoundary(first - 1)) first--;
  let last = cursor.line;
  while (last + 1 < lines.lineCount && !isBoundary(last + 1)) last++;
  const start = lines.lineStart(first);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : text.length;
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, cursor.lineStart) + ' '.repeat(cursor.offset - cursor.lineStart) + text.slice(cursor.offset, end) + blank(text.slice(end));
}

/** Whether the cursor's YAML document holds nothing but the typed word, comments and `---`. */
function documentIsEmpty(doc: OpsDocument, cursor: CursorWord): boolean {
  const text = doc.yamlText;
  const lines = doc.lines;
  for (const dir of [-1, 1]) {
    for (let l = cursor.line + dir; l >= 0 && l < lines.lineCount; l += dir) {
      const t = text.slice(lines.lineStart(l), lines.lineEnd(l));
      if (/^(?:---|\.\.\.)(?:\s|$)/.test(t)) break;
      const trimmed = t.trim();
      if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('%')) return false;
    }
  }
  return true;
}
