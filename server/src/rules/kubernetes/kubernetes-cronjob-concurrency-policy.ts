// What it does: flags a CronJob without concurrencyPolicy (the default is Allow) or with Allow.
// Why: the notes (slurm-notes.md:589-591): Allow, concurrent runs of the job, is not
//   recommended; a CronJob sometimes creates two jobs for one time or none, so jobs must be
//   idempotent. A run that takes longer than the interval starts piling up parallel copies.
// Severity: information: Allow is right for jobs that are built to overlap.
// Example: `spec: {schedule: "*/5 * * * *", jobTemplate: ...}` -> `concurrencyPolicy: Forbid`.
// Fix safety: suggestion: with Forbid a run that is still going makes the next one skip.
import { Node, YAMLMap } from 'yaml';
import { getNode, getPair, isMap, isScalar, scalarString } from '../../documents/yaml';
import { defineRule } from '../types';
import { kindSpan, MANIFEST_KINDS } from './_k8s';
import { mayInject, templated } from './_template';
import { entriesOf, insertEntries, range, replaceScalar, toTextEdits } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-cronjob-concurrency-policy',
  family: 'kubernetes',
  severity: 'information',
  key: 'k8s.CronJob.spec.concurrencyPolicy',
  docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy',
  fixSafety: 'suggestion',
  description: {
    en: 'A CronJob allows concurrent runs (concurrencyPolicy absent or Allow)',
    ru: 'CronJob разрешает одновременные запуски (concurrencyPolicy не задан или Allow)',
  },
  messages: {
    missing: {
      en: 'No concurrencyPolicy: the default, Allow, starts the next run even while the previous one is still going, and slow runs pile up. Set Forbid (skip the run) or Replace (stop the old one), unless the job is built to run in parallel.',
      ru: 'concurrencyPolicy не задан: по умолчанию (Allow) следующий запуск стартует, даже если предыдущий ещё идёт, и медленные запуски накапливаются. Укажите Forbid (пропустить запуск) или Replace (остановить старый), если джоба не рассчитана на параллельную работу.',
    },
    allow: {
      en: 'concurrencyPolicy: Allow starts the next run even while the previous one is still going; the notes advise against it. Forbid skips the run, Replace stops the old one.',
      ru: 'concurrencyPolicy: Allow запускает следующую джобу, даже если предыдущая ещё работает; в заметках так делать не рекомендуется. Forbid пропустит запуск, Replace остановит старую джобу.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['CronJob'],
  visit: {
    k8sObject(obj, ctx) {
      const spec = getNode(obj.root, 'spec');
      if (!isMap(spec) || mayInject(ctx.doc, spec)) return;
      const policy = getPair(spec, 'concurrencyPolicy');
      const title = { en: 'Set concurrencyPolicy: Forbid', ru: 'Установить concurrencyPolicy: Forbid' };
      if (policy) {
        const v = policy.value;
        if (!isScalar(v) || templated(ctx.doc, v as Node) || scalarString(v) !== 'Allow') return;
        const r = range(v)!;
        ctx.report({ messageId: 'allow', start: r[0], end: r[1], fix: () => ({ title, edits: toTextEdits(ctx.doc, [replaceScalar(v, 'Forbid')]) }) });
        return;
      }
      const schedule = getPair(spec, 'schedule');
      const [start, end] = schedule ? range(schedule.key as Node)!.slice(0, 2) : kindSpan(obj);
      ctx.report({
        messageId: 'missing',
        start,
        end,
        fix: () => ({ title, edits: toTextEdits(ctx.doc, [insertEntries(ctx.doc, spec as YAMLMap, entriesOf(['concurrencyPolicy', 'Forbid']), schedule ? { after: schedule } : {})]) }),
      });
    },
  },
});
