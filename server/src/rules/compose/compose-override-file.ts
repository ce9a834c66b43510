// What it does: an information note on the first key of docker-compose.override.yml
//   (compose.override.yaml, …) saying how the file is applied.
// Why: the notes (slurm-notes.md:98-99): the override file is applied automatically by
//   `docker-compose up` when no other files are given; it is the place for ports and host
//   volumes of local development. With -f, Compose reads only the files listed.
// Fix safety: none (a note, nothing to change).
import { composeFileRole } from '../../documents/compose';
import { nodeRange } from '../../documents/yaml';
import { defineRule } from '../types';
import { mainFileFor } from './_files';

export default defineRule({
  id: 'compose-override-file',
  family: 'compose',
  severity: 'information',
  key: 'compose.file.override',
  docs: 'https://docs.docker.com/compose/how-tos/multiple-compose-files/merge/',
  fixSafety: 'none',
  description: {
    en: 'How an override file is applied',
    ru: 'Как применяется override-файл',
  },
  messages: {
    applied: {
      en: (a: { file: string; main: string }) =>
        `${a.file} is applied automatically: \`docker compose up\` without -f reads ${a.main} and then this file over it (typical content: ports and host volumes for local development). With -f Compose reads only the files listed, so this one is skipped unless you list it.`,
      ru: (a: { file: string; main: string }) =>
        `${a.file} применяется автоматически: \`docker compose up\` без -f читает ${a.main}, а поверх него этот файл (обычно здесь пробрасываемые порты и тома с локального хоста для разработки). С -f Compose читает только перечисленные файлы, и этот пропускается, если его не указать.`,
    },
  },
  kinds: ['compose'],
  visit: {
    composeFile(root, ctx) {
      if (composeFileRole(ctx.doc.path) !== 'override') return;
      const r = nodeRange(root.items[0]?.key as never);
      if (!r) return;
      const { file, main } = mainFileFor(ctx.doc.path);
      ctx.report({ messageId: 'applied', args: { file, main }, start: r[0], end: r[1] });
    },
  },
});
