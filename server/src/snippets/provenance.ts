// Where a snippet comes from, as its static description names it: the heading path of the
// note in the notes (as written) and in their line-parallel English rendering when it exists.
// scripts/snippets.mjs writes the descriptions from this; a unit test checks they agree.
import * as fs from 'fs';
import * as path from 'path';
import { knowledgeDir } from '../knowledge/data';
import { buildOutline, Outline } from '../knowledge/outline';
import { composeDescription, Snippet } from './catalog';

export interface NotesText {
  lines: string[];
  /** The English rendering, line by line, when it exists. */
  en?: string[];
  outline: Outline;
}

const notesCache = new Map<string, NotesText | undefined>();

/** A bundled notes file and its English rendering (knowledge/notes, knowledge/translations). */
export function bundledNotes(file: string, dir = knowledgeDir()): NotesText | undefined {
  const key = path.join(dir, file);
  if (notesCache.has(key)) return notesCache.get(key);
  let notes: NotesText | undefined;
  try {
    const text = fs.readFileSync(path.join(dir, 'notes', file), 'utf8');
    const lines = text.split(/\r\n|\r|\n/);
    let en: string[] | undefined;
    const enFile = path.join(dir, 'translations', file.replace(/\.md$/, '.en.md'));
    if (fs.existsSync(enFile)) {
      const enLines = fs.readFileSync(enFile, 'utf8').split(/\r\n|\r|\n/);
      if (enLines.length === lines.length) en = enLines;
    }
    notes = { lines, en, outline: buildOutline(text) };
  } catch {
    notes = undefined;
  }
  notesCache.set(key, notes);
  return notes;
}

/** Heading path of the section holding a 1-based line, in both languages. */
export function headingPath(notes: NotesText, line: number): { ru: string; en: string } {
  const stack: { level: number; line: number; text: string }[] = [];
  for (const s of notes.outline.sections) {
    if (s.line > line - 1) break;
    while (stack.length && stack[stack.length - 1].level >= s.level) stack.pop();
    stack.push({ level: s.level, line: s.line, text: s.headings[s.headings.length - 1] ?? '' });
  }
  const ru = stack.map((h) => h.text);
  const en = stack.map((h) => cleanHeading(notes.en?.[h.line]) || h.text);
  return { ru: ru.join(' › '), en: en.join(' › ') };
}

function cleanHeading(line: string | undefined): string {
  // Closing #s stripped by hand: /\s*#*\s*$/ is quadratic on a long run of spaces.
  let t = (line ?? '').replace(/^\s*#+\s*/, '').trimEnd();
  while (t.endsWith('#')) t = t.slice(0, -1);
  return t.trimEnd().replace(/\.$/, '').trim();
}

/** The description a snippet's static entry must carry. */
export function expectedDescription(s: Snippet, dir = knowledgeDir()): string | undefined {
  const notes = bundledNotes(s.note.file, dir);
  if (!notes || s.note.line < 1 || s.note.line > notes.lines.length) return undefined;
  return composeDescription(s.name, s.nameRu, headingPath(notes, s.note.line));
}
