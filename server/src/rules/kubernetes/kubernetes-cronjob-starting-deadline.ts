// What it does: flags a CronJob without startingDeadlineSeconds.
// Why: the notes (slurm-notes.md:588) recommend setting it to half the schedule's interval.
//   Without it a run missed during a controller outage or a suspend starts whenever the
//   controller catches up, however late (a nightly backup at noon); before 1.21 the old
//   controller gave up on a CronJob after 100 missed starts. The deadline bounds how late a
//   run may start.
// Severity: information.
// Example: `schedule: "0 * * * *"` -> `startingDeadlineSeconds: 1800`.
// Fix safety: suggestion, offered when the interval is regular (every N minutes, hourly, daily,
//   weekly); the number is half of it, selected for editing. Not below 10 s: the controller
//   checks every 10 s and may then never start the job.
import { Node, YAMLMap } from 'yaml';
import { getNode, getPair, isMap, scalarString } from '../../documents/yaml';
import { defineRule } from '../types';
import { kindSpan, MANIFEST_KINDS } from './_k8s';
import { cronIntervalSeconds } from './_cron';
import { mayInject, templated } from './_template';
import { entriesOf, insertEntries, range, shiftOffset, toTextEdits } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-cronjob-starting-deadline',
  family: 'kubernetes',
  severity: 'information',
  key: 'k8s.CronJob.spec.startingDeadlineSeconds',
  docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#job-creation',
  fixSafety: 'suggestion',
  description: {
    en: 'A CronJob has no startingDeadlineSeconds',
    ru: 'У CronJob не задан startingDeadlineSeconds',
  },
  messages: {
    missing: {
      en: 'No startingDeadlineSeconds: a run missed while the controller was down or the CronJob was suspended starts whenever the controller catches up, however late (and before Kubernetes 1.21, more than 100 missed runs stopped the CronJob altogether). The notes advise half the schedule interval.',
      ru: 'startingDeadlineSeconds не задан: запуск, пропущенный, пока контроллер не работал или CronJob был приостановлен, стартует, как только контроллер до него доберётся, сколь угодно поздно (а до Kubernetes 1.21 после 100 пропусков CronJob переставал запускаться совсем). В заметках советуют половину интервала расписания.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['CronJob'],
  visit: {
    k8sObject(obj, ctx) {
      const spec = getNode(obj.root, 'spec');
      if (!isMap(spec) || mayInject(ctx.doc, spec) || getPair(spec, 'startingDeadlineSeconds')) return;
      const schedule = getPair(spec, 'schedule');
      const [start, end] = schedule ? range(schedule.key as Node)!.slice(0, 2) : kindSpan(obj);
      const text = schedule && !templated(ctx.doc, schedule.value as Node) ? scalarString(schedule.value) : undefined;
      const interval = text ? cronIntervalSeconds(text) : undefined;
      const deadline = interval ? Math.max(10, Math.floor(interval / 2)) : undefined;
      ctx.report({
        messageId: 'missing',
        start,
        end,
        fix: deadline
          ? () => {
              const edit = insertEntries(ctx.doc, spec as YAMLMap, entriesOf(['startingDeadlineSeconds', deadline]), schedule ? { after: schedule } : {});
              const at = shiftOffset([edit], edit.start) + edit.text.indexOf(String(deadline), edit.text.indexOf('startingDeadlineSeconds'));
              return {
                title: { en: `Set startingDeadlineSeconds: ${deadline} (half the interval)`, ru: `Установить startingDeadlineSeconds: ${deadline} (половина интервала)` },
                edits: toTextEdits(ctx.doc, [edit]),
                select: { start: at, end: at + String(deadline).length },
              };
            }
          : undefined,
      });
    },
  },
});
