// What it does: flags `pip install` without `--no-cache-dir`.
// Why: slurm-notes.md:8 and :126 — caches of package managers and of builders like pip are
//   turned off and not carried into the image; pip keeps every downloaded wheel in
//   ~/.cache/pip otherwise (hadolint DL3042).
// Example: `RUN pip install -r requirements.txt` -> `RUN pip install --no-cache-dir -r requirements.txt`.
// Fix safety: safe: the flag only stops pip from writing its cache.
// Not reported: PIP_NO_CACHE_DIR set by ENV/ARG, a RUN with a cache mount (the cache then
//   lives outside the layer, which is the point of the mount), and stages that do not ship.
import { analyzeCommand, hasOption } from '../../documents/dockerCommands';
import { defineRule } from '../types';
import { insertAt, wordCommands } from './_run';
import { definesVariable, hasCacheMount, shippedRuns } from './_stages';

export default defineRule({
  id: 'dockerfile-pip-no-cache-dir',
  family: 'dockerfile',
  severity: 'warning',
  key: 'dockerfile.run.pip.no-cache',
  docs: 'https://pip.pypa.io/en/stable/cli/pip/#cmdoption-no-cache-dir',
  fixSafety: 'safe',
  description: {
    en: 'pip install without --no-cache-dir',
    ru: 'pip install без --no-cache-dir',
  },
  messages: {
    noCacheDir: {
      en: 'pip keeps its download cache in the image: add `--no-cache-dir` (or set PIP_NO_CACHE_DIR=1).',
      ru: 'pip оставляет в образе кэш скачанных пакетов: добавьте `--no-cache-dir` (или задайте PIP_NO_CACHE_DIR=1).',
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      for (const { stage, ins } of shippedRuns(model)) {
        if (hasCacheMount(ins)) continue;
        for (const cmd of wordCommands(ins)) {
          const info = analyzeCommand(cmd);
          if (info.tool !== 'pip' || info.sub !== 'install') continue;
          if (hasOption(info, (o) => o.startsWith('--no-cache'))) continue;
          if (cmd.words.some((w) => w.value.startsWith('PIP_NO_CACHE_DIR='))) continue;
          if (definesVariable(model, stage, ins, 'PIP_NO_CACHE_DIR')) continue;
          const head = info.head;
          const install = head[head.length - 1];
          ctx.report({
            messageId: 'noCacheDir',
            start: head[0].start,
            end: install.end,
            fix: () => ({ title: { en: 'Add --no-cache-dir', ru: 'Добавить --no-cache-dir' }, edits: [insertAt(ctx.doc, install.end, ' --no-cache-dir')] }),
          });
        }
      }
    },
  },
});
