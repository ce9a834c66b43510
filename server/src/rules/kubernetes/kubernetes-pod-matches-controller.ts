// What it does: flags a bare Pod (no ownerReferences) whose labels match the selector of a
//   ReplicaSet, ReplicationController or Deployment in this file or the workspace, in a
//   compatible namespace.
// Why: the notes (slurm-notes.md:294-296): a ReplicaSet counts its pods by labels; give a
//   standalone pod the same labels and the ReplicaSet wins: it adopts the pod, finds one
//   replica too many and deletes one. A Deployment's own ReplicaSets also select on
//   pod-template-hash, so they do not adopt it, but everything that selects the Deployment's
//   pods (its Services, `kubectl` by label) then includes a pod nobody manages.
// Example: `kind: Pod` with `labels: {app: web}` next to a ReplicaSet selecting `app: web`.
// Fix safety: none (give the pod distinct labels, or run it from the controller).
import { Node } from 'yaml';
import { getIn, getNode, getPair } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { formatLabels, labelsOf, namespaceOf, readSelector, sameNamespace, selects, workspaceIndex } from './_workspace';
import { range } from './_yamlEdit';

const CONTROLLERS = new Set(['ReplicaSet', 'ReplicationController', 'Deployment']);

export default defineRule({
  id: 'kubernetes-pod-matches-controller',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.ReplicaSet.spec.selector',
  docs: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#non-template-pod-acquisitions',
  fixSafety: 'none',
  crossDocument: true,
  description: {
    en: "A bare Pod's labels match a ReplicaSet or Deployment selector",
    ru: 'Метки отдельного пода совпадают с селектором ReplicaSet или Deployment',
  },
  messages: {
    replicaSet: {
      en: (a: { kind: string; name: string; labels: string }) =>
        `This Pod's labels (${a.labels}) match the selector of ${a.kind} "${a.name}": the ${a.kind} adopts the Pod, counts one replica too many and deletes a pod. Give this Pod labels of its own.`,
      ru: (a: { kind: string; name: string; labels: string }) =>
        `Метки этого пода (${a.labels}) совпадают с селектором ${a.kind} «${a.name}»: ${a.kind} заберёт под себе, насчитает лишнюю реплику и удалит один из подов. Дайте этому поду собственные метки.`,
    },
    deployment: {
      en: (a: { kind: string; name: string; labels: string }) =>
        `This Pod's labels (${a.labels}) match the selector of Deployment "${a.name}": its ReplicaSets will not adopt the Pod (they also select pod-template-hash), but its Services and label queries will treat this unmanaged Pod as one of its replicas. Give this Pod labels of its own.`,
      ru: (a: { kind: string; name: string; labels: string }) =>
        `Метки этого пода (${a.labels}) совпадают с селектором Deployment «${a.name}»: его ReplicaSet под не заберут (они выбирают ещё и по pod-template-hash), но сервисы Deployment и выборки по меткам будут считать этот никем не управляемый под одной из его реплик. Дайте этому поду собственные метки.`,
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Pod'],
  visit: {
    k8sObject(obj, ctx) {
      const metadata = getNode(obj.root, 'metadata');
      if (getNode(metadata, 'ownerReferences')) return;
      const labels = labelsOf(ctx.doc, metadata);
      if (labels.unknown || !labels.map.size) return;
      const ns = namespaceOf(ctx.doc, obj);
      for (const o of workspaceIndex(ctx).objects) {
        if (!CONTROLLERS.has(o.object.kind) || !sameNamespace(ns, o.namespace)) continue;
        // A ReplicationController's selector is a plain map (defaulting to the template's labels).
        const rc = o.object.kind === 'ReplicationController';
        const selNode = getIn(o.object.root, ['spec', 'selector']) ?? (rc ? getIn(o.object.root, ['spec', 'template', 'metadata', 'labels']) : undefined);
        if (!selNode) continue;
        const sel = readSelector(o.doc, selNode, rc);
        if (sel.unknown || !selects(sel, labels.map)) continue;
        const key = getPair(metadata, 'labels')!.key as Node;
        const r = range(key)!;
        const args = { kind: o.object.kind, name: o.object.name ?? '', labels: formatLabels(labels.map) };
        ctx.report({ messageId: o.object.kind === 'Deployment' ? 'deployment' : 'replicaSet', args, start: r[0], end: r[1] });
        return;
      }
    },
  },
});
