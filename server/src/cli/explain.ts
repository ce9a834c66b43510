// `opsnotes explain FILE:LINE[:COL]`: the hover of that position as terminal text (hoverText:
// title and key, note text with its heading path, notes file and line, "today" remarks, the
// documentation link). Without COL, the first thing on the line the notes know about.
// Exit 0 with a hover, 1 when the notes say nothing there, 2 on a bad argument or unreadable file.
import * as path from 'path';
import { Language, pick } from '../i18n/language';
import { hoverText } from '../features/hover';
import { t } from '../i18n/ui';
import { COMMON_OPTIONS, oneOf, parseCommand, usage } from './args';
import { makeDocument } from './fix';
import { CLI } from './messages';
import { readTextFile } from './read';
import { Sessions } from './sessions';
import type { Io } from './lint';

const TARGET = /^(.+?):(\d+)(?::(\d+))?$/;
const MAX_TOKENS_TRIED = 200;

export function parseTarget(arg: string): { file: string; line: number; column?: number } {
  const m = TARGET.exec(arg);
  if (!m) throw usage(`explain: expected FILE:LINE[:COL], got ${JSON.stringify(arg)}`, `explain: нужно ФАЙЛ:СТРОКА[:СТОЛБЕЦ], а указано ${JSON.stringify(arg)}`);
  const line = Number(m[2]);
  const column = m[3] === undefined ? undefined : Number(m[3]);
  if (line < 1 || (column !== undefined && column < 1)) throw usage('explain: LINE and COL start at 1', 'explain: СТРОКА и СТОЛБЕЦ считаются с 1');
  return { file: m[1], line, column };
}

export async function explainCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, COMMON_OPTIONS);
  if (positionals.length !== 1) throw usage('explain: expected exactly one FILE:LINE[:COL]', 'explain: нужен ровно один аргумент ФАЙЛ:СТРОКА[:СТОЛБЕЦ]');
  const language = oneOf<Language>(values.language, ['ru', 'en'], '--language');
  const target = parseTarget(positionals[0]);
  const file = path.resolve(io.cwd, target.file);
  const session = new Sessions({ cwd: io.cwd, language, configFile: values.config, roots: [path.dirname(file)], log: () => undefined }).forPath(file);
  const lang = session.language;
  const read = readTextFile(file, session.settings.maxFileBytes);
  if (!read.ok) {
    io.stderr(`${target.file}: ${pick(read.reason, lang)}\n`);
    return 2;
  }
  const doc = makeDocument(session, file, read.file.text);
  const lines = doc.lines.lineCount;
  if (target.line > lines) {
    io.stderr(t(CLI.pastEnd, lang, { file: target.file, lines, line: target.line }) + '\n');
    return 2;
  }
  const line = target.line - 1;
  const start = doc.lines.lineStart(line);
  const end = doc.lines.lineEnd(line);
  const offsets: number[] = [];
  if (target.column !== undefined) offsets.push(Math.min(start + target.column - 1, end));
  else {
    // Each word start on the line, left to right: `- name: x` has nothing under `-`.
    const text = doc.text;
    for (let i = start; i < end && offsets.length < MAX_TOKENS_TRIED; i++) {
      const c = text.charCodeAt(i);
      const prev = i === start ? 32 : text.charCodeAt(i - 1);
      const isWord = (x: number) => x !== 32 && x !== 9 && x !== 45 /* - */ && x !== 58 /* : */;
      if (isWord(c) && !isWord(prev)) offsets.push(i);
    }
  }
  for (const offset of offsets) {
    const h = session.hover(doc, offset);
    if (h) {
      io.stdout(hoverText(h, lang) + '\n');
      return 0;
    }
  }
  const where = `${target.file}:${target.line}${target.column !== undefined ? `:${target.column}` : ''}`;
  io.stderr(t(CLI.nothingHere, lang, { where }) + '\n');
  return 1;
}
