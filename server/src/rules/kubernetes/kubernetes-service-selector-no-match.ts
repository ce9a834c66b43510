// What it does: flags a Service whose selector matches no pod template of this file or the
//   workspace (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, bare Pods), in a
//   compatible namespace. Only when the workspace has workloads at all; pod templates whose
//   labels come from Helm templates may match anything and silence the check.
// Why: the notes (slurm-notes.md:352-354): a Service finds its pods by labels, like a
//   Deployment does; a selector nobody carries gives a Service with no endpoints.
// Severity: warning when workloads live in the same folder (or chart) as the Service;
//   information when none do: the pods are then probably deployed from elsewhere (another
//   repository, an operator, a Helm release), which the message says.
// Example: `selector: {app: web}` while the Deployment's template says `app: webapp`.
// Fix safety: none.
import { getNode, getPair, scalarString } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { formatLabels, namespaceOf, readSelector, sameNamespace, selects, workspaceIndex } from './_workspace';
import { range } from './_yamlEdit';
import { Node } from 'yaml';

export default defineRule({
  id: 'kubernetes-service-selector-no-match',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.Service.spec.selector',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service',
  fixSafety: 'none',
  crossDocument: true,
  description: {
    en: "A Service's selector matches no pod template in the file or the workspace",
    ru: 'Селектор сервиса не совпадает ни с одним шаблоном пода в файле и рабочей области',
  },
  messages: {
    noMatch: {
      en: (a: { labels: string }) =>
        `No pod template in this folder or elsewhere in the workspace has the labels ${a.labels}: this Service would get no endpoints. If its pods are deployed from elsewhere (another repository, an operator), ignore this.`,
      ru: (a: { labels: string }) =>
        `Ни у одного шаблона пода в этой папке и во всей рабочей области нет меток ${a.labels}: у сервиса не будет эндпойнтов. Если его поды разворачиваются откуда-то ещё (другой репозиторий, оператор), не обращайте внимания.`,
    },
    noMatchFar: {
      en: (a: { labels: string }) =>
        `No pod template in the workspace has the labels ${a.labels}, and there are no workloads in this folder: the pods are probably deployed from elsewhere. If not, this Service gets no endpoints.`,
      ru: (a: { labels: string }) =>
        `Ни у одного шаблона пода в рабочей области нет меток ${a.labels}, а в этой папке рабочих нагрузок нет: вероятно, поды разворачиваются откуда-то ещё. Если нет — у сервиса не будет эндпойнтов.`,
    },
    otherNamespace: {
      en: (a: { labels: string; namespaces: string }) =>
        `Pods with the labels ${a.labels} are only in namespace ${a.namespaces}: a Service selects pods of its own namespace only, so this one would get no endpoints.`,
      ru: (a: { labels: string; namespaces: string }) =>
        `Поды с метками ${a.labels} есть только в неймспейсе ${a.namespaces}: сервис выбирает поды лишь своего неймспейса, так что у этого не будет эндпойнтов.`,
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Service'],
  visit: {
    k8sObject(obj, ctx) {
      const spec = getNode(obj.root, 'spec');
      const pair = getPair(spec, 'selector');
      if (!pair || scalarString(getNode(spec, 'type')) === 'ExternalName') return;
      const sel = readSelector(ctx.doc, pair.value as Node, true);
      if (sel.unknown || !sel.matchLabels.size) return;
      const idx = workspaceIndex(ctx);
      if (!idx.pods.length) return;
      const ns = namespaceOf(ctx.doc, obj);
      const candidates = idx.pods.filter((p) => sameNamespace(ns, p.namespace));
      if (candidates.some((p) => p.labels.unknown || selects(sel, p.labels.map))) return;
      const r = range(pair.key as Node)!;
      const labels = formatLabels(sel.matchLabels);
      const elsewhere = [...new Set(idx.pods.filter((p) => !p.labels.unknown && selects(sel, p.labels.map)).map((p) => p.namespace ?? ''))].filter(Boolean);
      if (elsewhere.length) {
        ctx.report({ messageId: 'otherNamespace', args: { labels, namespaces: elsewhere.join(', ') }, start: r[0], end: r[1] });
        return;
      }
      const near = idx.pods.some((p) => p.near);
      ctx.report({ messageId: near ? 'noMatch' : 'noMatchFar', args: { labels }, start: r[0], end: r[1], severity: near ? 'warning' : 'information' });
    },
  },
});
