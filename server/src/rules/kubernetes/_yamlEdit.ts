// Indentation-aware YAML edits for the Kubernetes and Helm fixes. Edits are computed on the
// parsed nodes' offsets and written in the style the user wrote: block maps get lines at the
// keys' column (CRLF kept), flow maps `{a: 1}` get `, key: value`; comments on untouched lines
// stay where they are. No fix re-serialises a whole document (that would drop comments and
// Helm template lines).
import { isMap, isScalar, isSeq, Node, Pair, parse as parseYamlValue, Scalar, YAMLMap } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { TextEdit } from '../../util/text';

/** A text replacement by offsets; converted to a TextEdit when the fix is built. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Verbatim text for a scalar (e.g. a Helm expression copied from the user's file). */
export class Raw {
  constructor(readonly text: string) {}
}

export type YValue = string | number | boolean | Raw | YEntries | YValue[];
/** An ordered list of map entries. */
export type YEntries = { entries: [string, YValue][] };

export function entriesOf(...entries: [string, YValue][]): YEntries {
  return { entries };
}

export function toTextEdits(doc: OpsDocument, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: doc.rangeOf(e.start, e.end), newText: e.text }));
}

/**
 * Where an offset of the original text lands after applying `edits` (non-overlapping). Edits
 * entirely before it move it; an insertion exactly at it does not (its text comes after).
 */
export function shiftOffset(edits: readonly Edit[], offset: number): number {
  let delta = 0;
  for (const e of edits) if (e.end <= offset && e.start < offset) delta += e.text.length - (e.end - e.start);
  return offset + delta;
}

// ---- rendering -------------------------------------------------------------------------

// Characters that keep a plain scalar a plain string in block and flow context alike.
const PLAIN_SAFE = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/;
// YAML 1.1 booleans some tools (and older kubectl) still read as booleans.
const RESERVED = /^(?:yes|no|on|off|y|n)$/i;

export function scalarText(v: string | number | boolean | Raw): string {
  if (v instanceof Raw) return v.text;
  if (typeof v !== 'string') return String(v);
  // Plain only when it reads back as the same string (not 80, 1e3, true, null, 0x1F).
  const plain = PLAIN_SAFE.test(v) && !v.endsWith(' ') && !RESERVED.test(v) && parseYamlValue(v) === v;
  return plain ? v : JSON.stringify(v);
}

function isEntries(v: YValue): v is YEntries {
  return typeof v === 'object' && v !== null && !(v instanceof Raw) && !Array.isArray(v);
}

/** Flow rendering: `{a: 1, b: {c: d}}`, `[x, y]`. */
export function renderFlow(v: YValue): string {
  if (isEntries(v)) return `{${v.entries.map(([k, x]) => `${scalarText(k)}: ${renderFlow(x)}`).join(', ')}}`;
  if (Array.isArray(v)) return `[${v.map(renderFlow).join(', ')}]`;
  return scalarText(v);
}

/**
 * Block rendering of entries, one per line, each line prefixed with `indent` except the first
 * (the caller places it). Nested maps indent by `step`.
 */
export function renderBlock(entries: YEntries, indent: string, eol: string, step = '  '): string {
  const lines: string[] = [];
  const put = (e: YEntries, ind: string) => {
    for (const [k, v] of e.entries) {
      if (isEntries(v) && v.entries.length) {
        lines.push(`${ind}${scalarText(k)}:`);
        put(v, ind + step);
      } else if (Array.isArray(v) && v.length) {
        lines.push(`${ind}${scalarText(k)}:`);
        for (const item of v) {
          if (isEntries(item) && item.entries.length) {
            const sub: string[] = [];
            const save = lines.length;
            put(item, ind + step + '  ');
            sub.push(...lines.splice(save));
            sub[0] = `${ind}${step}- ${sub[0].trimStart()}`;
            lines.push(...sub);
          } else lines.push(`${ind}${step}- ${renderFlow(item)}`);
        }
      } else lines.push(`${ind}${scalarText(k)}: ${renderFlow(v)}`);
    }
  };
  put(entries, indent);
  if (lines.length) lines[0] = lines[0].slice(indent.length);
  return lines.join(eol);
}

// ---- positions -------------------------------------------------------------------------

export function range(node: Node | null | undefined): [number, number, number] | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range ?? undefined;
}

export function column(doc: OpsDocument, offset: number): number {
  return offset - doc.lines.lineStart(doc.lines.positionAt(offset).line);
}

/** The end of the last non-blank character at or before `end` (block scalars end after a newline). */
export function contentEnd(doc: OpsDocument, end: number): number {
  // The YAML text: blanked Helm lines count as blank here.
  const t = doc.yamlText;
  let i = end;
  while (i > 0 && (t[i - 1] === ' ' || t[i - 1] === '\t' || t[i - 1] === '\n' || t[i - 1] === '\r')) i--;
  return i;
}

/** End of the line (before its break) holding the character before `offset`. */
export function lineEndOf(doc: OpsDocument, offset: number): number {
  return doc.lines.lineEnd(doc.lines.positionAt(Math.max(0, offset - 1)).line);
}

/** Offset just after the line break of the line holding the character before `offset`. */
function nextLineStart(doc: OpsDocument, offset: number): number {
  const line = doc.lines.positionAt(Math.max(0, offset - 1)).line;
  return doc.lines.lineStart(line + 1);
}

function lineStartOf(doc: OpsDocument, offset: number): number {
  return doc.lines.lineStart(doc.lines.positionAt(offset).line);
}

/** Whether only spaces precede `offset` on its line. */
function firstOnLine(doc: OpsDocument, offset: number): boolean {
  const s = lineStartOf(doc, offset);
  return doc.yamlText.slice(s, offset).trim() === '';
}

function pairStart(pair: Pair): number {
  return range(pair.key as Node)![0];
}

/** End of a pair's value (or key when the value is empty), before trailing comments. */
export function pairEnd(doc: OpsDocument, pair: Pair): number {
  const v = range(pair.value as Node);
  const k = range(pair.key as Node)!;
  return contentEnd(doc, v ? v[1] : k[1] + 1);
}

export function keyIndent(doc: OpsDocument, map: YAMLMap): string {
  const first = map.items[0];
  const col = first ? column(doc, pairStart(first)) : column(doc, range(map)![0]);
  return ' '.repeat(col);
}

/** Indentation step used in the document (2 unless the map's children say otherwise). */
export function indentStep(doc: OpsDocument, map: YAMLMap): string {
  for (const p of map.items) {
    if (isMap(p.value) && !p.value.flow && p.value.items.length) {
      const d = column(doc, pairStart(p.value.items[0])) - column(doc, pairStart(p));
      if (d > 0 && d <= 8) return ' '.repeat(d);
    }
  }
  return '  ';
}

// ---- edits -----------------------------------------------------------------------------

/**
 * Insert entries into a map: after `after` (default: after the last pair), or before `before`.
 * Block maps get new lines at the keys' column; flow maps get `, key: value`.
 */
export function insertEntries(doc: OpsDocument, map: YAMLMap, entries: YEntries, where: { after?: Pair; before?: Pair } = {}): Edit {
  const eol = doc.lines.eol;
  if (map.flow) {
    const r = range(map)!;
    const flowText = entries.entries.map(([k, v]) => `${scalarText(k)}: ${renderFlow(v)}`).join(', ');
    if (!map.items.length) {
      const close = doc.text.lastIndexOf('}', r[1]);
      return { start: close, end: close, text: flowText };
    }
    if (where.before) {
      const s = pairStart(where.before);
      return { start: s, end: s, text: flowText + ', ' };
    }
    const anchor = where.after ?? map.items[map.items.length - 1];
    const e = pairEnd(doc, anchor);
    return { start: e, end: e, text: ', ' + flowText };
  }
  const indent = keyIndent(doc, map);
  const step = indentStep(doc, map);
  const body = renderBlock(entries, indent, eol, step);
  if (where.before) {
    const s = pairStart(where.before);
    return { start: s, end: s, text: body + eol + indent };
  }
  const anchor = where.after ?? map.items[map.items.length - 1];
  const at = lineEndOf(doc, pairEnd(doc, anchor));
  return { start: at, end: at, text: eol + indent + body };
}

/** Remove a pair with its lines (block) or its `key: value,` (flow). */
export function removePair(doc: OpsDocument, map: YAMLMap, pair: Pair): Edit {
  const i = map.items.indexOf(pair);
  const start = pairStart(pair);
  const next = map.items[i + 1];
  if (map.flow) {
    if (next) return { start, end: pairStart(next), text: '' };
    const prev = map.items[i - 1];
    if (prev) return { start: pairEnd(doc, prev), end: pairEnd(doc, pair), text: '' };
    return { start, end: pairEnd(doc, pair), text: '' };
  }
  if (!firstOnLine(doc, start)) {
    // `- key: v` (first pair of a sequence item): keep the dash, the next pair moves up.
    if (next) return { start, end: pairStart(next), text: '' };
    return { start, end: lineEndOf(doc, pairEnd(doc, pair)), text: '{}' };
  }
  return { start: lineStartOf(doc, start), end: nextLineStart(doc, pairEnd(doc, pair)), text: '' };
}

/** Replace a whole pair (key and value) by entries, in the map's style. */
export function replacePair(doc: OpsDocument, map: YAMLMap, pair: Pair, entries: YEntries): Edit {
  const start = pairStart(pair);
  const end = pairEnd(doc, pair);
  if (map.flow) return { start, end, text: entries.entries.map(([k, v]) => `${scalarText(k)}: ${renderFlow(v)}`).join(', ') };
  // A trailing `# comment` on the value's line stays after the new text.
  const indent = ' '.repeat(column(doc, start));
  return { start, end, text: renderBlock(entries, indent, doc.lines.eol, indentStep(doc, map)) };
}

/** Replace a scalar node's text. */
export function replaceScalar(node: Scalar, value: string | number | boolean | Raw): Edit {
  const r = range(node)!;
  // `key:` with nothing after it is an empty scalar right after the colon.
  return { start: r[0], end: r[1], text: (r[0] === r[1] ? ' ' : '') + scalarText(value) };
}

/** `key:` with no value (yaml gives an empty null scalar), or no node at all. */
export function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || (isScalar(v) && v.value === null && !(v as Scalar).source);
}

/** Insert a sequence item (a scalar) at the end of a sequence, in its style. */
export function appendSeqScalar(doc: OpsDocument, seq: Node, value: string): Edit | undefined {
  if (!isSeq(seq)) return undefined;
  const items = seq.items as Node[];
  const text = scalarText(value);
  if (seq.flow) {
    const r = range(seq)!;
    if (!items.length) {
      const close = doc.text.lastIndexOf(']', r[1]);
      return { start: close, end: close, text };
    }
    const e = contentEnd(doc, range(items[items.length - 1])![1]);
    return { start: e, end: e, text: ', ' + text };
  }
  const last = items[items.length - 1];
  if (!last) return undefined;
  const lr = range(last)!;
  // The dash sits two columns before the item in `- x`.
  const dash = doc.text.lastIndexOf('-', lr[0]);
  const indent = ' '.repeat(column(doc, dash));
  const at = lineEndOf(doc, contentEnd(doc, lr[1]));
  return { start: at, end: at, text: `${doc.lines.eol}${indent}- ${text}` };
}

/** Remove one item of a block or flow sequence (with its lines). */
export function removeSeqItem(doc: OpsDocument, seq: Node, item: Node): Edit | undefined {
  if (!isSeq(seq)) return undefined;
  const items = seq.items as Node[];
  const i = items.indexOf(item);
  const r = range(item);
  if (i < 0 || !r) return undefined;
  if (seq.flow) {
    const next = items[i + 1];
    if (next) return { start: r[0], end: range(next)![0], text: '' };
    const prev = items[i - 1];
    return prev ? { start: contentEnd(doc, range(prev)![1]), end: contentEnd(doc, r[1]), text: '' } : { start: r[0], end: contentEnd(doc, r[1]), text: '' };
  }
  const dash = doc.text.lastIndexOf('-', r[0]);
  if (items.length === 1) return undefined; // an empty sequence would change the parent's meaning; callers decide
  return { start: lineStartOf(doc, dash), end: nextLineStart(doc, contentEnd(doc, r[1])), text: '' };
}

/** The pair of a map whose key is `key`, with its map (for edits). */
export function pairOf(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) if (isScalar(item.key) && String(item.key.value) === key) return item as Pair<Scalar, Node | null>;
  return undefined;
}

/**
 * Set `key` in `map` to a scalar: replaces the value when present, inserts the pair otherwise
 * (after `after` when given).
 */
export function setScalar(doc: OpsDocument, map: YAMLMap, key: string, value: string | number | boolean | Raw, after?: Pair): Edit {
  const p = pairOf(map, key);
  if (p && isScalar(p.value)) return replaceScalar(p.value, value);
  if (p) return replacePair(doc, map, p, entriesOf([key, value]));
  return insertEntries(doc, map, entriesOf([key, value]), after ? { after } : {});
}
