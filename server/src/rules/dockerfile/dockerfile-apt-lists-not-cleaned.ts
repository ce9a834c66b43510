// What it does: flags `apt-get install` in a RUN that does not remove /var/lib/apt/lists/*.
// Why: slurm-notes.md:8-11 — caches of package managers stay out of the image:
//   `RUN apt-get update && apt-get install ... && rm -rf /var/lib/apt/lists/*`. A later RUN
//   cannot shrink the layer that already holds the lists (hadolint DL3009).
// Example: `RUN apt-get update && apt-get install -y curl` -> `... && rm -rf /var/lib/apt/lists/*`.
// Fix safety: safe. The lists are only needed by the next `apt-get install`, and a RUN that
//   installs again runs `apt-get update` first (dockerfile-apt-update-separate checks that).
// Scope: stages that ship in the final image; a builder stage whose files are only copied
//   out with `COPY --from` leaves its lists behind. A cache mount on /var/lib/apt keeps the
//   lists out of the layer, so such a RUN is fine.
import { analyzeCommand, removesAptLists } from '../../documents/dockerCommands';
import { defineRule } from '../types';
import { appendToChain, wordCommands } from './_run';
import { shippedRuns } from './_stages';

export const CLEAN_LISTS = 'rm -rf /var/lib/apt/lists/*';

export default defineRule({
  id: 'dockerfile-apt-lists-not-cleaned',
  family: 'dockerfile',
  severity: 'warning',
  key: 'dockerfile.run.apt-get.lists',
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  fixSafety: 'safe',
  description: {
    en: 'apt-get install without removing /var/lib/apt/lists/* in the same RUN',
    ru: 'apt-get install без удаления /var/lib/apt/lists/* в том же RUN',
  },
  messages: {
    listsKept: {
      en: 'The apt package lists stay in this layer: end the same RUN with `rm -rf /var/lib/apt/lists/*`.',
      ru: 'Списки пакетов apt остаются в слое образа: завершите этот же RUN командой `rm -rf /var/lib/apt/lists/*`.',
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      for (const { ins } of shippedRuns(model)) {
        if (ins.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? '') && /target=\/var\/lib\/apt(?:[/,]|$)/.test(f.value ?? ''))) continue;
        const infos = wordCommands(ins).map((cmd) => ({ cmd, info: analyzeCommand(cmd) }));
        if (infos.some(({ info }) => removesAptLists(info))) continue;
        const install = infos.find(({ info }) => info.tool === 'apt-get' && info.sub === 'install');
        if (!install) continue;
        const head = install.info.head;
        ctx.report({
          messageId: 'listsKept',
          start: head[0].start,
          end: head[head.length - 1].end,
          fix: () => {
            const edit = appendToChain(ctx.doc, ins, CLEAN_LISTS, model.escapeChar);
            return edit ? { title: { en: 'Remove the apt lists in the same RUN', ru: 'Удалить списки apt в этом же RUN' }, edits: [edit] } : undefined;
          },
        });
      }
    },
  },
});
