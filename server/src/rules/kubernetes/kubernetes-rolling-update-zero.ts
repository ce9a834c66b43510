// What it does: flags a rolling update where neither maxSurge nor maxUnavailable allows any
//   step: both 0 (0, "0", "0%") in a Deployment; in a DaemonSet maxUnavailable 0 with maxSurge
//   0 or absent (a DaemonSet's maxSurge defaults to 0).
// Why: the notes (slurm-notes.md:298-300): RollingUpdate replaces replicas step by step,
//   maxSurge/maxUnavailable in pods or percent. With both 0 the rollout could neither add a new
//   pod nor remove an old one; the API server rejects it ("may not be 0 when maxSurge is 0").
// Example: `rollingUpdate: {maxSurge: 0, maxUnavailable: 0}` -> `maxSurge: 1`.
// Fix safety: suggestion: maxSurge 1 keeps full capacity during the rollout at the cost of one
//   extra pod (for a DaemonSet: one extra pod per node while it updates).
import { Node, YAMLMap } from 'yaml';
import { getIn, getNode, getPair, isMap, isScalar, scalarString } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { mayInject, templated } from './_template';
import { entriesOf, insertEntries, range, replaceScalar, toTextEdits } from './_yamlEdit';

/** 0, "0", "0%": true; absent: undefined; anything else (or templated): false. */
function zero(doc: import('../../documents/document').OpsDocument, node: unknown): boolean | undefined {
  if (node === undefined) return undefined;
  if (!isScalar(node) || templated(doc, node as Node)) return false;
  return /^0+%?$/.test(scalarString(node) ?? '');
}

export default defineRule({
  id: 'kubernetes-rolling-update-zero',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.Deployment.spec.strategy.rollingUpdate.maxSurge',
  docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-surge',
  fixSafety: 'suggestion',
  description: {
    en: 'maxSurge and maxUnavailable are both 0 (the rollout can never progress; rejected by the API)',
    ru: 'maxSurge и maxUnavailable оба равны 0 (обновление не сможет продвинуться; API отклонит манифест)',
  },
  messages: {
    bothZero: {
      en: 'maxSurge and maxUnavailable are both 0: the rollout could neither start a new pod nor stop an old one, so the API server rejects this. Allow one of them: maxSurge: 1 keeps full capacity during the update.',
      ru: 'maxSurge и maxUnavailable оба равны 0: обновление не сможет ни поднять новый под, ни остановить старый, поэтому API-сервер такой манифест отклонит. Разрешите хотя бы одно: maxSurge: 1 сохраняет полную мощность во время обновления.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Deployment', 'DaemonSet'],
  visit: {
    k8sObject(obj, ctx) {
      const daemon = obj.kind === 'DaemonSet';
      const strategy = getIn(obj.root, ['spec', daemon ? 'updateStrategy' : 'strategy']);
      const pair = getPair(strategy, 'rollingUpdate');
      const ru = pair?.value;
      if (!pair || !isMap(ru) || mayInject(ctx.doc, ru)) return;
      const type = scalarString(getNode(strategy, 'type'));
      if (type && type !== 'RollingUpdate') return;
      const surge = zero(ctx.doc, getNode(ru, 'maxSurge'));
      const unavailable = zero(ctx.doc, getNode(ru, 'maxUnavailable'));
      const stuck = daemon ? unavailable === true && surge !== false : unavailable === true && surge === true;
      if (!stuck) return;
      const r = range(pair.key as Node)!;
      ctx.report({
        messageId: 'bothZero',
        start: r[0],
        end: r[1],
        fix: () => {
          const surgeNode = getNode(ru, 'maxSurge');
          const edit = isScalar(surgeNode) ? replaceScalar(surgeNode, 1) : insertEntries(ctx.doc, ru as YAMLMap, entriesOf(['maxSurge', 1]), { before: (ru as YAMLMap).items[0] });
          return { title: { en: 'Set maxSurge: 1', ru: 'Установить maxSurge: 1' }, edits: toTextEdits(ctx.doc, [edit]) };
        },
      });
    },
  },
});
