// What it does: flags successThreshold other than 1 on a livenessProbe or startupProbe.
// Why: the notes (slurm-notes.md:312) explain successThreshold as the number of consecutive
//   successes needed; for liveness and startup probes the API server accepts only 1
//   ("must be 1"), so the manifest is rejected. Only readiness probes may require more.
// Example: `livenessProbe: {httpGet: ..., successThreshold: 3}` -> `successThreshold: 1`.
// Fix safety: safe: 1 is the only value the API accepts there.
import { Node } from 'yaml';
import { getNode, isScalar } from '../../documents/yaml';
import { defineRule } from '../types';
import { containerLabel, MANIFEST_KINDS } from './_k8s';
import { templated } from './_template';
import { replaceScalar, toTextEdits, range } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-probe-success-threshold',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.probe.successThreshold',
  docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes',
  fixSafety: 'safe',
  description: {
    en: 'successThreshold other than 1 on a liveness or startup probe (rejected by the API)',
    ru: 'successThreshold не равен 1 у liveness- или startup-пробы (API отклонит манифест)',
  },
  messages: {
    notOne: {
      en: (a: { probe: string; container: string }) => `${a.probe} of container "${a.container}": successThreshold must be 1 for liveness and startup probes; the API server rejects other values.`,
      ru: (a: { probe: string; container: string }) => `${a.probe} контейнера «${a.container}»: у liveness- и startup-проб successThreshold должен быть равен 1, другие значения API-сервер отклоняет.`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    container(c, ctx) {
      for (const probe of ['livenessProbe', 'startupProbe']) {
        const node = getNode(getNode(c.node, probe), 'successThreshold');
        if (!isScalar(node) || templated(ctx.doc, node as Node)) continue;
        if (typeof node.value !== 'number' || node.value === 1) continue;
        const r = range(node)!;
        ctx.report({
          messageId: 'notOne',
          args: { probe, container: containerLabel(c) },
          start: r[0],
          end: r[1],
          fix: () => ({ title: { en: 'Set successThreshold to 1', ru: 'Установить successThreshold: 1' }, edits: toTextEdits(ctx.doc, [replaceScalar(node, 1)]) }),
        });
      }
    },
  },
});
