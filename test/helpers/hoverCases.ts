// Hover cases: tables of cursor positions in real-looking fixture files (no hard-coded line or
// column: the cursor is a `|` inside a text that is searched in the file) with the key the
// hover must resolve to and a phrase of the note in each display language.
//
//   - file: docker/Dockerfile        # relative to test/fixtures
//     at: "|ADD app.py"              # `|` = cursor; `occurrence: 2` for a later match
//     key: dockerfile.ADD            # most specific vocabulary key of the hover
//     ru: "разархивировать архив"    # phrase of the hover with opsnotes.language = ru
//     en: "unpack an archive"        # phrase with opsnotes.language = en
//   - file: generic/mkdocs.yml
//     at: "nav|:"
//     none: true                     # no hover at all
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { FIXTURES } from './ruleFixtures';

export const HOVER_CASES = path.join(FIXTURES, 'hover');

export interface HoverCase {
  file: string;
  at: string;
  occurrence?: number;
  key?: string;
  ru?: string;
  en?: string;
  none?: boolean;
  /** The table file and index, for messages. */
  source: string;
}

export function loadHoverCases(): HoverCase[] {
  const out: HoverCase[] = [];
  if (!fs.existsSync(HOVER_CASES)) return out;
  for (const f of fs.readdirSync(HOVER_CASES).filter((x) => x.endsWith('.cases.yaml')).sort()) {
    const data = parse(fs.readFileSync(path.join(HOVER_CASES, f), 'utf8')) as Omit<HoverCase, 'source'>[];
    (data ?? []).forEach((c, i) => out.push({ ...c, source: `${f}#${i + 1}` }));
  }
  return out;
}

/** Offset of the cursor for a case in its file's text. */
export function cursorOffset(text: string, c: HoverCase): number {
  const bar = c.at.indexOf('|');
  if (bar < 0) throw new Error(`${c.source}: "at" needs a | cursor`);
  const needle = c.at.slice(0, bar) + c.at.slice(bar + 1);
  let at = -1;
  for (let n = 0; n < (c.occurrence ?? 1); n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${c.source}: "${needle}" not found in ${c.file}`);
  }
  return at + bar;
}
