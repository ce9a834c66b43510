// What it does: flags build tools and -dev/-devel packages (build-essential, gcc, g++, make,
// linux-headers, libpq-dev, python3-devel...) installed in the final stage.
// Why: slurm-notes.md:124 — dev packages needed to build dependencies do not belong in the
//   image the application runs in; build in another image. Today that is a multi-stage build:
//   compile in a builder stage and `COPY --from` only the result.
// Fix safety: none: what the build produces and where it goes is the author's call.
// Not reported: builder stages, and a RUN that removes the packages it added (`apt-get purge`,
//   `apk del .build-deps`): the official images build that way in one layer.
import { finalStage } from '../../documents/dockerfile';
import { analyzeCommand, isDevPackage, isSystemPackageInstall } from '../../documents/dockerCommands';
import { defineRule } from '../types';
import { wordCommands } from './_run';

const REMOVERS = new Set(['purge', 'remove', 'autoremove', 'del', 'erase']);

export default defineRule({
  id: 'dockerfile-dev-packages-in-final-stage',
  family: 'dockerfile',
  severity: 'information',
  key: 'dockerfile.practice.no-dev-packages',
  docs: 'https://docs.docker.com/build/building/multi-stage/',
  fixSafety: 'none',
  description: {
    en: 'Build tools or -dev packages installed in the image that runs the application',
    ru: 'Инструменты сборки или dev-пакеты в образе, в котором работает приложение',
  },
  messages: {
    devPackages: {
      en: (a: { packages: string }) => `${a.packages}: build tools stay in the runtime image. Build in a separate stage and copy only the result (multi-stage build).`,
      ru: (a: { packages: string }) => `${a.packages}: инструменты сборки остаются в образе приложения. Собирайте в отдельной стадии и копируйте только результат (multi-stage build).`,
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      const stage = finalStage(model);
      if (!stage) return;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'RUN' || !ins.commands) continue;
        const infos = wordCommands(ins).map(analyzeCommand);
        if (infos.some((i) => (i.tool === 'apt-get' || i.tool === 'apk' || i.tool === 'yum') && REMOVERS.has(i.sub))) continue;
        for (const info of infos) {
          if (!isSystemPackageInstall(info)) continue;
          const dev = info.operands.filter((w) => !w.value.includes('$') && isDevPackage(w.value));
          if (!dev.length) continue;
          const names = dev.map((w) => w.value);
          ctx.report({
            messageId: 'devPackages',
            args: { packages: names.length > 4 ? `${names.slice(0, 4).join(', ')}…` : names.join(', ') },
            start: dev[0].start,
            end: dev[0].end,
          });
        }
      }
    },
  },
});
