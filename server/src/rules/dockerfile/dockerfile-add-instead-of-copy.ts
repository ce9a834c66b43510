// What it does: flags ADD of local files that are neither URLs nor archives to unpack.
// Why: the notes (COPY vs ADD): ADD can fetch remote files and unpack archives; to copy a file
//   from the host into the image COPY is simpler and says what it does.
// Example: `ADD requirements.txt /app/` -> `COPY requirements.txt /app/`.
// Fix safety: safe. COPY copies local files exactly like ADD does when there is nothing to
//   fetch or unpack; ADD-only flags (--checksum, --unpack, --keep-git-dir) make it not apply.
import { defineRule } from '../types';

const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|gz|bz2|xz|zst)$/i;
const REMOTE = /^(?:https?:\/\/|git@|git:\/\/)/i;
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  id: 'dockerfile-add-instead-of-copy',
  family: 'dockerfile',
  severity: 'warning',
  key: 'dockerfile.ADD',
  docs: 'https://docs.docker.com/build/building/best-practices/#add-or-copy',
  fixSafety: 'safe',
  description: {
    en: 'ADD used to copy local files: use COPY',
    ru: 'ADD для копирования локальных файлов: используйте COPY',
  },
  messages: {
    useCopy: {
      en: 'ADD copies local files here; use COPY: ADD is for remote sources and archives to unpack.',
      ru: 'ADD здесь просто копирует локальные файлы — используйте COPY: ADD нужен для удалённых источников и распаковки архивов.',
    },
  },
  kinds: ['dockerfile'],
  instructions: ['ADD'],
  visit: {
    instruction(ins, ctx) {
      if (ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))) return;
      const args = ins.execForm ?? ins.arguments.map((a) => a.value);
      const sources = args.slice(0, -1);
      if (sources.length === 0) return;
      if (sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s) || s.includes('$'))) return;
      ctx.report({
        messageId: 'useCopy',
        start: ins.keywordStart,
        end: ins.keywordEnd,
        fix: () => ({
          title: { en: 'Replace ADD with COPY', ru: 'Заменить ADD на COPY' },
          edits: [{ range: ctx.doc.rangeOf(ins.keywordStart, ins.keywordEnd), newText: ctx.doc.text.slice(ins.keywordStart, ins.keywordEnd) === 'add' ? 'copy' : 'COPY' }],
        }),
      });
    },
  },
});
