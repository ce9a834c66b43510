// Text edits in task mappings that keep the file's line breaks (CRLF stays CRLF), its
// indentation and the comments around the edited lines.
import { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { nodeRange } from '../../documents/yaml';
import { TextEdit } from '../../util/text';

/** Column of an offset on its line. */
export function columnOf(doc: OpsDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

/** End offset of a pair's value without trailing line breaks and spaces (block scalars keep them). */
export function pairEnd(doc: OpsDocument, pair: Pair<Scalar, Node | null>): number {
  const key = nodeRange(pair.key)!;
  const r = nodeRange(pair.value ?? undefined);
  let end = r ? r[1] : key[1] + 1;
  while (end > key[1] && /\s/.test(doc.text[end - 1])) end--;
  return end;
}

/** The last pair of a mapping (to insert a sibling after it). */
export function lastPair(map: YAMLMap): Pair<Scalar, Node | null> | undefined {
  return map.items[map.items.length - 1] as Pair<Scalar, Node | null> | undefined;
}

/** Insert `key: value` lines after a pair, at the pair's key column. */
export function insertAfterPair(doc: OpsDocument, pair: Pair<Scalar, Node | null>, lines: string[]): TextEdit {
  const end = pairEnd(doc, pair);
  const indent = ' '.repeat(columnOf(doc, nodeRange(pair.key)![0]));
  const eol = doc.lines.eol;
  // After the end of the pair's last line, so a trailing comment stays with its line.
  const line = doc.lines.positionAt(end).line;
  const at = doc.lines.lineEnd(line);
  return { range: doc.rangeOf(at, at), newText: lines.map((l) => eol + indent + l).join('') };
}

const PLAIN = /^[A-Za-z0-9_./@%+-][A-Za-z0-9_./@%+:=-]*$/;
const RESERVED = /^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?[0-9][0-9_.]*(?:e[-+]?[0-9]+)?)$/i;

/** A YAML scalar for a value (quoted when plain style would change its meaning). */
export function yamlScalar(value: string): string {
  if (PLAIN.test(value) && !RESERVED.test(value) && !value.includes(': ') && !value.startsWith('-')) return value;
  return JSON.stringify(value);
}
