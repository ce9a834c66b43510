// What it does: flags a Job, or the job template of a CronJob, without activeDeadlineSeconds.
// Why: the notes (slurm-notes.md:582-585): a Job restarts its pods until it succeeds or hits a
//   limit: activeDeadlineSeconds (time for the whole Job) or backoffLimit (how many failures).
//   backoffLimit defaults to 6, but nothing bounds time: a pod that hangs without failing runs
//   forever. In a CronJob that is worse: with Forbid the hung run blocks every later one, with
//   Allow they pile up, so CronJob templates are checked too.
// Severity: information.
// Example: `kind: Job` ... `spec: {template: ...}` -> `activeDeadlineSeconds: 3600`.
// Fix safety: suggestion: inserts the CronJob's interval (runs then never overlap) or one hour
//   for a Job, selected for editing.
import { Node, YAMLMap } from 'yaml';
import { getNode, getPair, isMap, scalarString } from '../../documents/yaml';
import { defineRule } from '../types';
import { kindSpan, MANIFEST_KINDS } from './_k8s';
import { cronIntervalSeconds } from './_cron';
import { mayInject, templated } from './_template';
import { entriesOf, insertEntries, range, shiftOffset, toTextEdits } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-job-deadline-missing',
  family: 'kubernetes',
  severity: 'information',
  key: 'k8s.Job.spec.activeDeadlineSeconds',
  docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#job-termination-and-cleanup',
  fixSafety: 'suggestion',
  description: {
    en: 'A Job has no activeDeadlineSeconds: nothing bounds how long it runs',
    ru: 'У Job нет activeDeadlineSeconds: время его работы ничем не ограничено',
  },
  messages: {
    noLimits: {
      en: 'Neither activeDeadlineSeconds nor backoffLimit is set: failures are retried 6 times (the default), and a pod that hangs without failing runs forever. Set activeDeadlineSeconds to bound the whole Job.',
      ru: 'Не заданы ни activeDeadlineSeconds, ни backoffLimit: упавший под перезапустится 6 раз (по умолчанию), а зависший, но не упавший будет работать вечно. Задайте activeDeadlineSeconds, чтобы ограничить время всего Job.',
    },
    noDeadline: {
      en: 'No activeDeadlineSeconds: backoffLimit bounds the retries, but a pod that hangs without failing runs forever. Set activeDeadlineSeconds to bound the whole Job.',
      ru: 'Не задан activeDeadlineSeconds: backoffLimit ограничивает число перезапусков, но зависший, но не упавший под будет работать вечно. Задайте activeDeadlineSeconds, чтобы ограничить время всего Job.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Job', 'CronJob'],
  visit: {
    k8sObject(obj, ctx) {
      const cron = obj.kind === 'CronJob';
      const outer = getNode(obj.root, 'spec');
      const jobTemplate = cron ? getPair(outer, 'jobTemplate') : undefined;
      const spec = cron ? getNode(jobTemplate?.value, 'spec') : outer;
      if (!isMap(spec) || mayInject(ctx.doc, spec) || getPair(spec, 'activeDeadlineSeconds')) return;
      let seconds = 3600;
      if (cron) {
        const schedule = getNode(outer, 'schedule') as Node | undefined;
        const interval = schedule && !templated(ctx.doc, schedule) ? cronIntervalSeconds(scalarString(schedule) ?? '') : undefined;
        if (interval) seconds = interval;
      }
      const anchor = jobTemplate ? range(jobTemplate.key as Node) : range(getPair(obj.root, 'spec')?.key as Node);
      const [start, end] = anchor ? [anchor[0], anchor[1]] : kindSpan(obj);
      ctx.report({
        messageId: getPair(spec, 'backoffLimit') ? 'noDeadline' : 'noLimits',
        start,
        end,
        fix: () => {
          const backoff = getPair(spec, 'backoffLimit');
          const edit = insertEntries(ctx.doc, spec as YAMLMap, entriesOf(['activeDeadlineSeconds', seconds]), backoff ? { after: backoff } : { before: (spec as YAMLMap).items[0] });
          const at = shiftOffset([edit], edit.start) + edit.text.indexOf(String(seconds), edit.text.indexOf('activeDeadlineSeconds'));
          return {
            title: { en: `Set activeDeadlineSeconds: ${seconds}`, ru: `Установить activeDeadlineSeconds: ${seconds}` },
            edits: toTextEdits(ctx.doc, [edit]),
            select: { start: at, end: at + String(seconds).length },
          };
        },
      });
    },
  },
});
