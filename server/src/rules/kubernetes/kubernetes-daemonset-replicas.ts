// What it does: flags spec.replicas in a DaemonSet.
// Why: the notes (slurm-notes.md:513): a DaemonSet has no replicas field: it runs one pod on
//   every (matching) node. The field is unknown to the API (strict decoding rejects it; older
//   kubectl drops it silently), and it usually means a Deployment was turned into a DaemonSet
//   expecting the count to still matter.
// Example: `kind: DaemonSet` ... `spec: {replicas: 3, ...}` -> the line is removed.
// Fix safety: safe: the field has no effect on a DaemonSet.
import { Node, YAMLMap } from 'yaml';
import { getNode, getPair, isMap } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { range, removePair, toTextEdits } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-daemonset-replicas',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.DaemonSet',
  docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
  fixSafety: 'safe',
  description: {
    en: 'A DaemonSet has spec.replicas (it runs one pod per node; there is no such field)',
    ru: 'У DaemonSet указан spec.replicas (он запускает по поду на узел, такого поля нет)',
  },
  messages: {
    replicas: {
      en: 'A DaemonSet has no replicas field: it runs one pod on every matching node. Remove replicas; to limit the nodes, use a nodeSelector, affinity or taints and tolerations.',
      ru: 'У DaemonSet нет поля replicas: он запускает по одному поду на каждом подходящем узле. Уберите replicas; чтобы ограничить узлы, используйте nodeSelector, affinity или taints и tolerations.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['DaemonSet'],
  visit: {
    k8sObject(obj, ctx) {
      const spec = getNode(obj.root, 'spec');
      const pair = getPair(spec, 'replicas');
      if (!pair || !isMap(spec)) return;
      const r = range(pair.key as Node)!;
      ctx.report({
        messageId: 'replicas',
        start: r[0],
        end: r[1],
        fix: () => ({ title: { en: 'Remove replicas', ru: 'Удалить replicas' }, edits: toTextEdits(ctx.doc, [removePair(ctx.doc, spec as YAMLMap, pair)]) }),
      });
    },
  },
});
