// What it does: an information note on the first key of docker-compose.test.yml
//   (compose.test.yaml, …) saying how the file is applied.
// Why: the notes (slurm-notes.md:100-101): the test file is never read by itself; it has to be
//   named with -f, and then the override file is not applied automatically. -f is an option of
//   `docker compose` itself (`docker compose -f a.yml -f b.yml up`), not of `up`.
// Fix safety: none (a note, nothing to change).
import { composeFileRole } from '../../documents/compose';
import { nodeRange } from '../../documents/yaml';
import { defineRule } from '../types';
import { mainFileFor } from './_files';

export default defineRule({
  id: 'compose-test-file',
  family: 'compose',
  severity: 'information',
  key: 'compose.file.test',
  docs: 'https://docs.docker.com/compose/how-tos/multiple-compose-files/merge/#how-to-merge-multiple-compose-files',
  fixSafety: 'none',
  description: {
    en: 'How a test Compose file is applied',
    ru: 'Как применяется тестовый Compose-файл',
  },
  messages: {
    applied: {
      en: (a: { file: string; main: string; override: string }) =>
        `${a.file} is not read automatically: name it with -f, e.g. \`docker compose -f ${a.main} -f ${a.file} up\`. Once -f is given, ${a.override} is no longer applied automatically.`,
      ru: (a: { file: string; main: string; override: string }) =>
        `${a.file} сам не подхватывается: его нужно указать через -f, например \`docker compose -f ${a.main} -f ${a.file} up\`. Когда задан -f, ${a.override} автоматически уже не применяется.`,
    },
  },
  kinds: ['compose'],
  visit: {
    composeFile(root, ctx) {
      if (composeFileRole(ctx.doc.path) !== 'test') return;
      const r = nodeRange(root.items[0]?.key as never);
      if (!r) return;
      ctx.report({ messageId: 'applied', args: mainFileFor(ctx.doc.path), start: r[0], end: r[1] });
    },
  },
});
