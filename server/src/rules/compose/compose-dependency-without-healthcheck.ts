// What it does: points at a service other services depend on (either depends_on syntax) that
//   has no healthcheck.
// Why: depends_on alone only waits until the dependency's container has started, not until it
//   accepts connections. A healthcheck is the command that returns exit code 0 once the service
//   works (slurm-notes.md:90-96); with it dependents can wait with `condition: service_healthy`.
// Silent when a dependent asks for service_healthy (compose-service-healthy-without-healthcheck
//   reports that), for one-shot jobs (service_completed_successfully), and when the healthcheck
//   may be defined elsewhere (another Compose file of the folder, the Dockerfile the service
//   builds, `extends` from another file).
// Example: `web: {depends_on: [db]}`, `db: {image: postgres:16}`.
// Fix safety: suggestion. Adds a healthcheck skeleton (test, interval, timeout, retries).
import { composeModel, dependenciesOf, healthcheckState } from '../../documents/compose';
import { nodeRange } from '../../documents/yaml';
import { defineRule } from '../types';
import { addHealthcheckFix, healthcheckElsewhere } from './_healthcheck';

interface Args {
  service: string;
  dependents: string;
}

export default defineRule({
  id: 'compose-dependency-without-healthcheck',
  family: 'compose',
  severity: 'information',
  key: 'compose.service.healthcheck',
  docs: 'https://docs.docker.com/compose/how-tos/startup-order/',
  fixSafety: 'suggestion',
  crossDocument: true,
  description: {
    en: 'A service others depend on has no healthcheck',
    ru: 'У сервиса, от которого зависят другие, нет healthcheck',
  },
  messages: {
    noHealthcheck: {
      en: (a: Args) =>
        `${a.dependents} depend${a.dependents.includes(',') ? '' : 's'} on \`${a.service}\`, which has no healthcheck in this file: depends_on only waits for its container to start, not for \`${a.service}\` to be ready. A healthcheck is a command that returns exit code 0 when the service works; with one, dependents can wait with \`condition: service_healthy\`.`,
      ru: (a: Args) =>
        `От \`${a.service}\` ${a.dependents.includes(',') ? 'зависят' : 'зависит'} ${a.dependents}, но у него в этом файле нет healthcheck: depends_on ждёт только запуска контейнера, а не готовности \`${a.service}\`. Healthcheck — команда, которая возвращает нулевой exit-код, когда сервис работает; с ним зависимые сервисы могут ждать через \`condition: service_healthy\`.`,
    },
  },
  kinds: ['compose'],
  visit: {
    composeFile(_root, ctx) {
      const model = composeModel(ctx.doc);
      if (!model) return;
      const dependents = new Map<string, string[]>();
      const excluded = new Set<string>();
      for (const [name, s] of model.services) {
        for (const dep of dependenciesOf(model, s.node)) {
          // service_healthy has its own rule; a one-shot job (service_completed_successfully)
          // needs no healthcheck.
          if (dep.condition === 'service_healthy' || dep.condition === 'service_completed_successfully') {
            excluded.add(dep.name);
            continue;
          }
          const list = dependents.get(dep.name) ?? [];
          if (!list.includes(name)) list.push(name);
          dependents.set(dep.name, list);
        }
      }
      for (const [name, list] of dependents) {
        if (excluded.has(name)) continue;
        const target = model.services.get(name);
        if (!target || healthcheckState(model, target.node) !== 'absent') continue;
        if (healthcheckElsewhere(ctx, model, name, target.node)) continue;
        const r = nodeRange(target.pair.key);
        if (!r) continue;
        ctx.report({
          messageId: 'noHealthcheck',
          args: { service: name, dependents: list.map((d) => `\`${d}\``).join(', ') },
          start: r[0],
          end: r[1],
          fix: () => addHealthcheckFix(ctx.doc, model, name),
        });
      }
    },
  },
});
