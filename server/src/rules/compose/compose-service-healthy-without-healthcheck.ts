// What it does: flags `depends_on: {X: {condition: service_healthy}}` where X defines no
//   healthcheck (in this file, through `<<` merges and same-file `extends`), or disables it.
// Why: service_healthy waits for X's healthcheck, the command that must return exit code 0
//   (slurm-notes.md:90-96). Without one, `docker compose up` stops with "dependency failed to
//   start: container … has no healthcheck configured" — unless X's image declares its own
//   HEALTHCHECK, which this file does not show.
// Silent when the healthcheck may come from elsewhere: `extends` from another file, another
//   Compose file of the same folder (base / override), or the Dockerfile X builds.
// Example: web -> db (service_healthy), db has only `image: postgres:16`.
// Fix safety: suggestion. Adds a healthcheck skeleton (test, interval, timeout, retries) to X;
//   the test is the image's own readiness command when known, otherwise a failing placeholder.
import { composeModel, dependenciesOf, healthcheckState } from '../../documents/compose';
import { nodeRange } from '../../documents/yaml';
import { defineRule } from '../types';
import { addHealthcheckFix, healthcheckElsewhere } from './_healthcheck';

interface Args {
  dependency: string;
  dependent: string;
}

export default defineRule({
  id: 'compose-service-healthy-without-healthcheck',
  family: 'compose',
  severity: 'warning',
  key: 'compose.service.depends_on',
  docs: 'https://docs.docker.com/compose/how-tos/startup-order/',
  fixSafety: 'suggestion',
  crossDocument: true,
  description: {
    en: '`condition: service_healthy` on a service without a healthcheck',
    ru: '`condition: service_healthy` для сервиса без healthcheck',
  },
  messages: {
    noHealthcheck: {
      en: (a: Args) =>
        `\`${a.dependency}\` has no healthcheck in this file, so \`${a.dependent}\` waits for a health status that never comes: \`docker compose up\` fails with "container … has no healthcheck configured" unless the \`${a.dependency}\` image declares its own HEALTHCHECK (this file does not show the image's). Add a healthcheck: a command that returns exit code 0 when the service is ready.`,
      ru: (a: Args) =>
        `У \`${a.dependency}\` в этом файле нет healthcheck, и \`${a.dependent}\` ждёт статуса, которого не будет: \`docker compose up\` завершится ошибкой «container … has no healthcheck configured», если только образ \`${a.dependency}\` не объявляет свой HEALTHCHECK (по этому файлу этого не видно). Добавьте healthcheck — команду, которая возвращает нулевой exit-код, когда сервис готов.`,
    },
    disabled: {
      en: (a: Args) =>
        `The healthcheck of \`${a.dependency}\` is disabled (\`disable: true\` or \`test: ["NONE"]\`), so \`condition: service_healthy\` of \`${a.dependent}\` can never be met: Compose fails with "container … has no healthcheck configured".`,
      ru: (a: Args) =>
        `Healthcheck сервиса \`${a.dependency}\` отключён (\`disable: true\` или \`test: ["NONE"]\`), поэтому \`condition: service_healthy\` у \`${a.dependent}\` не выполнится никогда: Compose завершится ошибкой «container … has no healthcheck configured».`,
    },
  },
  kinds: ['compose'],
  visit: {
    composeFile(_root, ctx) {
      const model = composeModel(ctx.doc);
      if (!model) return;
      const reported = new Set<unknown>();
      for (const [dependent, s] of model.services) {
        for (const dep of dependenciesOf(model, s.node)) {
          if (dep.condition !== 'service_healthy' || !dep.conditionNode || reported.has(dep.conditionNode)) continue;
          const target = model.services.get(dep.name);
          if (!target) continue;
          const state = healthcheckState(model, target.node);
          if (state === 'present' || state === 'unknown') continue;
          if (state === 'absent' && healthcheckElsewhere(ctx, model, dep.name, target.node)) continue;
          const r = nodeRange(dep.conditionNode);
          if (!r) continue;
          reported.add(dep.conditionNode);
          const args = { dependency: dep.name, dependent };
          if (state === 'disabled') ctx.report({ messageId: 'disabled', args, start: r[0], end: r[1] });
          else ctx.report({ messageId: 'noHealthcheck', args, start: r[0], end: r[1], fix: () => addHealthcheckFix(ctx.doc, model, dep.name) });
        }
      }
    },
  },
});
