// What it does: flags `apt-get upgrade` / `dist-upgrade` / `full-upgrade` and `apk upgrade`.
// Why: slurm-notes.md:122 — update is fine, upgrade is not: every build upgrades whatever
//   changed upstream, and something may break. Disputed today (knowledge/today.yaml
//   `no-apt-upgrade`): Docker dropped that advice and advises rebuilding often for security
//   fixes, so the rule is information and its message carries the remark.
// Example: `RUN apt-get update && apt-get upgrade -y && apt-get install -y curl` ->
//   `RUN apt-get update && apt-get install -y curl`.
// Fix safety: suggestion. Removing the upgrade changes which package versions the image gets.
import { analyzeCommand, isUpgrade } from '../../documents/dockerCommands';
import { defineRule } from '../types';
import { removeFromChain, wordCommands } from './_run';

export default defineRule({
  id: 'dockerfile-package-upgrade',
  family: 'dockerfile',
  severity: 'information',
  key: 'dockerfile.run.apt-get.upgrade',
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  fixSafety: 'suggestion',
  today: 'no-apt-upgrade',
  description: {
    en: 'apt-get upgrade / dist-upgrade or apk upgrade in a Dockerfile',
    ru: 'apt-get upgrade / dist-upgrade или apk upgrade в Dockerfile',
  },
  messages: {
    upgrade: {
      en: (a: { command: string }) => `\`${a.command}\` upgrades every package on each build, so images change unpredictably; the notes advise update without upgrade.`,
      ru: (a: { command: string }) => `\`${a.command}\` при каждой сборке обновляет все пакеты, и образ меняется непредсказуемо; по заметкам — update делать, upgrade нет.`,
    },
  },
  kinds: ['dockerfile'],
  instructions: ['RUN'],
  visit: {
    instruction(ins, ctx) {
      for (const cmd of wordCommands(ins)) {
        const info = analyzeCommand(cmd);
        if (!isUpgrade(info)) continue;
        const head = info.head;
        ctx.report({
          messageId: 'upgrade',
          args: { command: head.map((w) => w.value).join(' ') },
          start: head[0].start,
          end: head[head.length - 1].end,
          fix: () => {
            const edit = removeFromChain(ctx.doc, ins, cmd);
            return edit ? { title: { en: 'Remove the upgrade', ru: 'Убрать upgrade' }, edits: [edit] } : undefined;
          },
        });
      }
    },
  },
});
