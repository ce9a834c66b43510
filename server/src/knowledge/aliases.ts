// Finding the vocabulary's aliases in note text: every occurrence on word boundaries (Unicode
// aware: Cyrillic letters are word characters), case-sensitive where the entry says so
// (instruction names: `ADD`, not the word "add"). One pass over the text, whatever the number
// of aliases: candidates are bucketed by their first two lower-case characters, and aliases
// that start with a letter are only tried at word starts.
import { VocabularyEntry } from './vocabulary';

const WORD = /[\p{L}\p{N}_]/u;

interface AliasCandidate {
  key: string;
  alias: string;
  lower: string;
  caseSensitive: boolean;
}

export class AliasMatcher {
  /** Keyed by the first two lower-case UTF-16 units (c0 * 65536 + c1; one-character aliases c0 * 65536). */
  private readonly wordStart = new Map<number, AliasCandidate[]>();
  private readonly anywhere = new Map<number, AliasCandidate[]>();
  /** Lower-case code units some alias starts with. */
  private readonly firstChars = new Uint8Array(65536);

  constructor(entries: Iterable<VocabularyEntry>) {
    for (const entry of entries) {
      for (const alias of entry.aliases) {
        const lower = lowerSameLength(alias);
        const c: AliasCandidate = { key: entry.key, alias, lower, caseSensitive: entry.caseSensitive };
        const map = isWordCode(alias.charCodeAt(0)) ? this.wordStart : this.anywhere;
        const bucket = lower.charCodeAt(0) * 65536 + (lower.charCodeAt(1) || 0);
        this.firstChars[lower.charCodeAt(0)] = 1;
        const list = map.get(bucket);
        if (list) list.push(c);
        else map.set(bucket, [c]);
      }
    }
  }

  /** Calls `found(key, offset)` for every alias occurrence in `text`. */
  scan(text: string, found: (key: string, at: number) => void): void {
    const lower = lowerSameLength(text);
    const tryAt = (at: number, list: AliasCandidate[] | undefined) => {
      if (!list) return;
      for (const c of list) {
        if (!(c.caseSensitive ? text.startsWith(c.alias, at) : lower.startsWith(c.lower, at))) continue;
        if (boundaryOk(text, at, c.alias.length, c.alias)) found(c.key, at);
      }
    };
    let previousIsWord = false;
    for (let i = 0; i < text.length; i++) {
      const c0 = lower.charCodeAt(i);
      const isWord = isWordCode(text.charCodeAt(i));
      // Most characters start no alias at all: one array look-up skips them.
      if (this.firstChars[c0]) {
        const two = c0 * 65536 + (lower.charCodeAt(i + 1) || 0);
        tryAt(i, this.anywhere.get(two));
        if (isWord && !previousIsWord) {
          tryAt(i, this.wordStart.get(two));
          tryAt(i, this.wordStart.get(c0 * 65536));
        }
      }
      previousIsWord = isWord;
    }
  }
}

/** Lower case without changing the length (offsets in both strings must agree). */
function lowerSameLength(s: string): string {
  const l = s.toLowerCase();
  if (l.length === s.length) return l;
  let out = '';
  for (const ch of s) {
    const lc = ch.toLowerCase();
    out += lc.length === ch.length ? lc : ch;
  }
  return out;
}

/**
 * Whether only indentation, a list marker (`-`, `*`, `+`, `1.`, `1)`) and an opening backtick
 * stand between a line start and `at` (the alias opens the line).
 */
export function startsLine(text: string, lineStart: number, at: number): boolean {
  let i = lineStart;
  while (i < at && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i < at && (text[i] === '-' || text[i] === '*' || text[i] === '+')) i++;
  else {
    let d = i;
    while (d < at && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
    if (d > i && d < at && (text[d] === '.' || text[d] === ')')) i = d + 1;
  }
  while (i < at && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i < at && text[i] === '`') i++;
  return i === at;
}

/** Letters, digits and `_` (Unicode letters too), by code unit; the regex only for rare scripts. */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  if (c >= 0x400 && c <= 0x52f) return true; // Cyrillic
  return WORD.test(String.fromCharCode(c));
}

function boundaryOk(text: string, at: number, length: number, alias: string): boolean {
  if (isWordCode(alias.charCodeAt(0)) && at > 0 && isWordCode(text.charCodeAt(at - 1))) return false;
  if (isWordCode(alias.charCodeAt(alias.length - 1)) && at + length < text.length && isWordCode(text.charCodeAt(at + length))) return false;
  return true;
}
