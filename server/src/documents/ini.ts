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

// --- INI inventories -------------------------------------------------------------------------
// Ansible's INI inventory is not configparser: a host line is `name var=value var='a b'`
// (split like shlex, `#` starts a comment), `[group:vars]` holds `key=value` lines and
// `[group:children]` lists group names (ansible/plugins/inventory/ini.py).

export interface InventoryToken {
  text: string;
  start: number;
  end: number;
}

export interface InventoryVar {
  key: string;
  value: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface InventoryEntry {
  /** A host name (or a group name in `:children`), or the variable's key in `:vars`. */
  name: InventoryToken;
  vars: InventoryVar[];
  line: number;
  /** Words after the name that are not `key=value` (not valid inventory syntax). */
  stray: number;
}

export interface InventorySection {
  /** The group name (`all` for lines before any header). */
  group: string;
  suffix: '' | 'vars' | 'children';
  header?: { groupStart: number; groupEnd: number; suffixStart: number; suffixEnd: number; line: number };
  entries: InventoryEntry[];
}

export interface InventoryModel {
  sections: InventorySection[];
}

export function parseInventory(lines: LineIndex): InventoryModel {
  const sections: InventorySection[] = [{ group: 'all', suffix: '', entries: [] }];
  let current = sections[0];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const raw = lines.lineText(line);
    const lead = raw.length - raw.trimStart().length;
    const first = raw[lead];
    if (first === undefined || first === '#' || first === ';') continue;
    if (first === '[') {
      const close = raw.indexOf(']', lead);
      const inner = raw.slice(lead + 1, close > lead ? close : raw.length);
      const colon = inner.indexOf(':');
      const group = (colon >= 0 ? inner.slice(0, colon) : inner).trim();
      const suffix = colon >= 0 ? inner.slice(colon + 1).trim() : '';
      const groupStart = start + lead + 1 + (inner.length - inner.trimStart().length);
      const suffixStart = colon >= 0 ? start + lead + 2 + colon + (inner.slice(colon + 1).length - inner.slice(colon + 1).trimStart().length) : groupStart + group.length;
      current = {
        group,
        suffix: suffix === 'vars' || suffix === 'children' ? suffix : '',
        header: { groupStart, groupEnd: groupStart + group.length, suffixStart, suffixEnd: suffixStart + suffix.length, line },
        entries: [],
      };
      sections.push(current);
      continue;
    }
    const words = splitInventoryLine(raw, start);
    if (!words.length) continue;
    if (current.suffix === 'vars') {
      // `key=value` or `key = value`: the first '=' splits.
      const eq = raw.indexOf('=');
      if (eq < 0) {
        current.entries.push({ name: words[0], vars: [], line, stray: 1 });
        continue;
      }
      const key = raw.slice(0, eq).trim();
      const keyStart = start + raw.indexOf(key);
      const after = raw.slice(eq + 1);
      const value = after.trim();
      const valueStart = start + eq + 1 + (after.length - after.trimStart().length);
      const v: InventoryVar = { key, value, keyStart, keyEnd: keyStart + key.length, valueStart, valueEnd: valueStart + value.length };
      current.entries.push({ name: { text: key, start: keyStart, end: keyStart + key.length }, vars: [v], line, stray: 0 });
      continue;
    }
    const entry: InventoryEntry = { name: words[0], vars: [], line, stray: 0 };
    for (const w of words.slice(1)) {
      const eq = w.text.indexOf('=');
      if (eq <= 0) {
        entry.stray++;
        continue;
      }
      entry.vars.push({ key: w.text.slice(0, eq), value: w.text.slice(eq + 1), keyStart: w.start, keyEnd: w.start + eq, valueStart: w.start + eq + 1, valueEnd: w.end });
    }
    current.entries.push(entry);
  }
  return { sections };
}

/** Words of a host line with offsets; quotes group, `#` after a space starts a comment. Linear. */
function splitInventoryLine(raw: string, base: number): InventoryToken[] {
  const out: InventoryToken[] = [];
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && (raw[i] === ' ' || raw[i] === '\t')) i++;
    if (i >= raw.length || raw[i] === '#') break;
    const s = i;
    while (i < raw.length && raw[i] !== ' ' && raw[i] !== '\t') {
      if (raw[i] === '"' || raw[i] === "'") {
        const close = raw.indexOf(raw[i], i + 1);
        i = close < 0 ? raw.length : close + 1;
      } else i++;
    }
    out.push({ text: raw.slice(s, i), start: base + s, end: base + i });
  }
  return out;
}

/**
 * Whether the text reads as an INI inventory: a `[group]` header, or host lines whose extra
 * words are all `key=value`. A file named `hosts` may be an /etc/hosts copy
 * (`127.0.0.1 localhost`), which is not an inventory.
 */
export function isInventory(model: InventoryModel): boolean {
  let entries = 0;
  for (const s of model.sections) {
    for (const e of s.entries) {
      entries++;
      if (e.stray > 0) return false;
    }
  }
  return entries > 0 || model.sections.length > 1;
}
