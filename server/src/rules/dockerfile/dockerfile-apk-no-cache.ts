// What it does: flags `apk add` without `--no-cache`.
// Why: slurm-notes.md:8 and :126 — package manager caches are turned off and not carried into
//   the image. Without --no-cache apk keeps the package index in /var/cache/apk (hadolint DL3019).
// Example: `RUN apk add curl` -> `RUN apk add --no-cache curl`.
// Fix safety: safe: --no-cache fetches the index for this command and keeps nothing.
// Not reported: the same RUN removes /var/cache/apk or runs `apk cache clean`, a RUN with a
//   cache mount, stages that do not ship.
import { analyzeCommand, cleansCache, hasOption, removesApkCache } from '../../documents/dockerCommands';
import { defineRule } from '../types';
import { insertAt, wordCommands } from './_run';
import { hasCacheMount, shippedRuns } from './_stages';

export default defineRule({
  id: 'dockerfile-apk-no-cache',
  family: 'dockerfile',
  severity: 'warning',
  key: 'dockerfile.run.apk.no-cache',
  docs: 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper',
  fixSafety: 'safe',
  description: {
    en: 'apk add without --no-cache',
    ru: 'apk add без --no-cache',
  },
  messages: {
    noCache: {
      en: 'apk keeps its package index in /var/cache/apk in the image: use `apk add --no-cache`.',
      ru: 'apk оставляет индекс пакетов в /var/cache/apk внутри образа: используйте `apk add --no-cache`.',
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      for (const { ins } of shippedRuns(model)) {
        if (hasCacheMount(ins)) continue;
        const infos = wordCommands(ins).map(analyzeCommand);
        if (infos.some((i) => removesApkCache(i) || (i.tool === 'apk' && cleansCache(i)))) continue;
        for (const info of infos) {
          if (info.tool !== 'apk' || info.sub !== 'add' || hasOption(info, (o) => o === '--no-cache')) continue;
          const add = info.head[info.head.length - 1];
          ctx.report({
            messageId: 'noCache',
            start: info.head[0].start,
            end: add.end,
            fix: () => ({ title: { en: 'Add --no-cache', ru: 'Добавить --no-cache' }, edits: [insertAt(ctx.doc, add.end, ' --no-cache')] }),
          });
        }
      }
    },
  },
});
