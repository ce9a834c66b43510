// What it does: points at `logging.driver: journald`.
// Why: the notes on log drivers (slurm-notes.md:67): journald's default limits on accepting
//   logs are modest and need tuning, and above its hard limits it cannot be tuned, so better
//   not use it; the recommendation is to stay on the JSON-file driver and ship logs with
//   fluentd (line 77). journald rate-limits every unit (RateLimitIntervalSec / RateLimitBurst
//   in journald.conf) and drops what exceeds the limit.
// Example: `logging: {driver: journald}`.
// Fix safety: none. Which driver and which log shipper to use is the operator's choice.
import { composeModel, fieldOf } from '../../documents/compose';
import { isMap, isScalar, nodeRange } from '../../documents/yaml';
import { defineRule } from '../types';

export default defineRule({
  id: 'compose-logging-journald',
  family: 'compose',
  severity: 'information',
  key: 'compose.service.logging.driver',
  docs: 'https://docs.docker.com/engine/logging/drivers/journald/',
  fixSafety: 'none',
  description: {
    en: 'journald logging driver: modest default limits, hard limits that cannot be tuned',
    ru: 'Лог-драйвер journald: скромные лимиты по умолчанию и хард-лимиты, которые не затюнить',
  },
  messages: {
    journald: {
      en: (a: { service: string }) =>
        `\`${a.service}\` logs to journald: journald's default limits on accepting logs are modest and need tuning (RateLimitIntervalSec / RateLimitBurst in journald.conf; messages over the limit are dropped), and it has hard limits that cannot be tuned further. The notes advise against it: stay on the json-file driver and ship logs with fluentd.`,
      ru: (a: { service: string }) =>
        `\`${a.service}\` пишет логи в journald: лимиты journald на приём логов по умолчанию скромные и требуют тюнинга (RateLimitIntervalSec / RateLimitBurst в journald.conf; всё сверх лимита отбрасывается), а выше хард-лимитов его не затюнить. По заметкам лучше его не использовать: остаться на драйвере json-file и собирать логи через fluentd.`,
    },
  },
  kinds: ['compose'],
  visit: {
    composeFile(_root, ctx) {
      const model = composeModel(ctx.doc);
      if (!model) return;
      const seen = new Set<unknown>();
      for (const [name, s] of model.services) {
        const logging = fieldOf(model, s.node, 'logging');
        if (!logging || logging === 'unknown' || !isMap(logging.value)) continue;
        const driver = fieldOf(model, logging.value, 'driver');
        if (!driver || driver === 'unknown' || !isScalar(driver.value) || driver.value.value !== 'journald' || seen.has(driver.value)) continue;
        seen.add(driver.value);
        const r = nodeRange(driver.value);
        if (r) ctx.report({ messageId: 'journald', args: { service: name }, start: r[0], end: r[1] });
      }
    },
  },
});
