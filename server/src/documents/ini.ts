// INI reader for ansible.cfg and INI inventories, with offsets. INI is a line format, so a
// line reader is its real parser; the `ini` package on npm returns values without positions,
// which ranges and fixes need. Follows Python's configparser as Ansible uses it: `key = value`
// or `key: value`, `#`/`;` comments, indented lines continue the previous value.
import { LineIndex } from '../util/text';

export interface IniEntry {
  key: string;
  value: string;
  line: number;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface IniSection {
  name: string;
  line: number;
  /** Offsets of the name between the brackets. */
  nameStart: number;
  nameEnd: number;
  entries: IniEntry[];
}

export interface IniModel {
  /** Entries before any section header are in a section named ''. */
  sections: IniSection[];
}

export function parseIni(lines: LineIndex): IniModel {
  const sections: IniSection[] = [{ name: '', line: 0, nameStart: 0, nameEnd: 0, entries: [] }];
  let current = sections[0];
  let last: IniEntry | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const raw = lines.lineText(line);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) {
      last = trimmed === '' ? undefined : last;
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    if (trimmed.startsWith('[')) {
      const close = raw.indexOf(']');
      const open = raw.indexOf('[');
      const nameStart = start + open + 1;
      const nameEnd = start + (close > open ? close : raw.length);
      current = { name: raw.slice(open + 1, close > open ? close : raw.length).trim(), line, nameStart, nameEnd, entries: [] };
      sections.push(current);
      last = undefined;
      continue;
    }
    if (indent > 0 && last) {
      last.value += '\n' + trimmed;
      last.valueEnd = start + raw.length;
      continue;
    }
    const sep = firstSeparator(raw);
    const keyText = sep < 0 ? raw : raw.slice(0, sep);
    const key = keyText.trim();
    const keyStart = start + raw.indexOf(key);
    let valueText = sep < 0 ? '' : raw.slice(sep + 1);
    // Inline comments need a space before `;` or `#` (configparser inline_comment_prefixes).
    const comment = valueText.search(/\s[#;]/);
    if (comment >= 0) valueText = valueText.slice(0, comment);
    const value = valueText.trim();
    const valueStart = sep < 0 ? keyStart + key.length : start + sep + 1 + (valueText.length - valueText.trimStart().length);
    last = { key, value, line, keyStart, keyEnd: keyStart + key.length, valueStart, valueEnd: valueStart + value.length };
    current.entries.push(last);
  }
  return { sections };
}

function firstSeparator(raw: string): number {
  const eq = raw.indexOf('=');
  const colon = raw.indexOf(':');
  if (eq < 0) return colon;
  if (colon < 0) return eq;
  return Math.min(eq, colon);
}

export function findEntry(model: IniModel, section: string, key: string): IniEntry | undefined {
  for (const s of model.sections) if (s.name === section) for (const e of s.entries) if (e.key === key) return e;
  return undefined;
}
