// What it does: flags apiVersion/kind pairs that Kubernetes no longer serves (extensions/v1beta1
//   workloads and Ingress, apps/v1beta1-2, networking.k8s.io/v1beta1 Ingress, batch/v1beta1
//   CronJob, policy/v1beta1, rbac v1beta1/v1alpha1, autoscaling/v2beta1-2, storage v1beta1...),
//   naming the release that removed each (table in _removedApis.ts).
// Why: the notes were written for Kubernetes 1.18 and use APIs of that time
//   (slurm-notes.md:236, 643: networking.k8s.io/v1beta1); the API server of any supported release
//   rejects these manifests ("no matches for kind").
// Fix: the current version; for Ingress also backend serviceName/servicePort -> service.name /
//   service.port.number|name, spec.backend -> spec.defaultBackend and pathType:
//   ImplementationSpecific (what v1beta1 did without one); for apps/v1 workloads a
//   spec.selector.matchLabels from the template's labels; for HPA v2beta1 Resource metrics the
//   `target` form. Kinds whose new version changes more (CRDs, webhooks) get no fix.
// Fix safety: suggestion: defaults changed between versions (e.g. DaemonSet updateStrategy,
//   Deployment revisionHistoryLimit), which the author should review.
import { Node } from 'yaml';
import { entries } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { convertHpa, convertIngress, convertWorkload } from './_apiConvert';
import { KINDS_WITH_REMOVED_VERSIONS, removedApi } from './_removedApis';
import { templated } from './_template';
import { Edit, range, toTextEdits } from './_yamlEdit';
import { getNode } from '../../documents/yaml';

type Args = { apiVersion: string; kind: string; release: string; to: string };
type NoteArgs = Args & { noteEn: string; noteRu: string };

export default defineRule({
  id: 'kubernetes-removed-api-version',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.apiVersion',
  docs: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
  fixSafety: 'suggestion',
  today: 'k8s-removed-apis',
  description: {
    en: 'An API version Kubernetes no longer serves',
    ru: 'Версия API, которую Kubernetes больше не обслуживает',
  },
  messages: {
    removed: {
      en: (a: Args) => `${a.kind} in ${a.apiVersion} was removed in Kubernetes ${a.release}: the API server rejects it. Use ${a.to}.`,
      ru: (a: Args) => `${a.kind} в ${a.apiVersion} удалён в Kubernetes ${a.release}: API-сервер такой манифест не примет. Используйте ${a.to}.`,
    },
    removedWorkload: {
      en: (a: Args) => `${a.kind} in ${a.apiVersion} was removed in Kubernetes ${a.release}: the API server rejects it. Use ${a.to}, where spec.selector is required (take the template's labels).`,
      ru: (a: Args) => `${a.kind} в ${a.apiVersion} удалён в Kubernetes ${a.release}: API-сервер такой манифест не примет. Используйте ${a.to}; там обязателен spec.selector (возьмите метки из шаблона пода).`,
    },
    removedIngress: {
      en: (a: Args) =>
        `Ingress in ${a.apiVersion} was removed in Kubernetes ${a.release}: the API server rejects it. Use ${a.to}: backends become service.name and service.port.number (or .name), spec.backend becomes spec.defaultBackend, and every path needs a pathType.`,
      ru: (a: Args) =>
        `Ingress в ${a.apiVersion} удалён в Kubernetes ${a.release}: API-сервер такой манифест не примет. Используйте ${a.to}: бэкенды записываются как service.name и service.port.number (или .name), spec.backend становится spec.defaultBackend, а у каждого пути обязателен pathType.`,
    },
    removedManual: {
      en: (a: NoteArgs) => `${a.kind} in ${a.apiVersion} was removed in Kubernetes ${a.release}: the API server rejects it. Use ${a.to}; ${a.noteEn}`,
      ru: (a: NoteArgs) => `${a.kind} в ${a.apiVersion} удалён в Kubernetes ${a.release}: API-сервер такой манифест не примет. Используйте ${a.to}; ${a.noteRu}`,
    },
    removedNoReplacement: {
      en: (a: NoteArgs) => `${a.kind} in ${a.apiVersion} was removed in Kubernetes ${a.release}: the API server rejects it. ${a.noteEn}`,
      ru: (a: NoteArgs) => `${a.kind} в ${a.apiVersion} удалён в Kubernetes ${a.release}: API-сервер такой манифест не примет. ${a.noteRu}`,
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: KINDS_WITH_REMOVED_VERSIONS,
  visit: {
    k8sObject(obj, ctx) {
      const api = removedApi(obj.apiVersion, obj.kind);
      if (!api) return;
      const node = getNode(obj.root, 'apiVersion') as Node;
      if (templated(ctx.doc, node)) return;
      // Helm charts pick the version in `{{ if }}`/`{{ else }}`: both apiVersion lines parse.
      if (entries(obj.root).filter(([k]) => k === 'apiVersion').length > 1) return;
      const r = range(node)!;
      const args = { apiVersion: obj.apiVersion, kind: obj.kind, release: api.removedIn, to: api.to ?? '' };
      const notes = { noteEn: api.note?.en ?? '', noteRu: api.note?.ru ?? '' };
      const fix = () => {
        if (!api.to || api.convert === 'none') return undefined;
        const extra: Edit[] | undefined =
          api.convert === 'ingress' ? convertIngress(ctx.doc, obj) : api.convert === 'workload' ? convertWorkload(ctx.doc, obj) : api.convert === 'hpa' ? convertHpa(ctx.doc, obj) : [];
        if (!extra) return undefined;
        const edits: Edit[] = [{ start: r[0], end: r[1], text: api.to }, ...extra];
        return { title: { en: `Move to ${api.to}`, ru: `Перевести на ${api.to}` }, edits: toTextEdits(ctx.doc, edits) };
      };
      if (!api.to) {
        ctx.report({ messageId: 'removedNoReplacement', args: { ...args, ...notes }, start: r[0], end: r[1], tags: ['deprecated'] });
        return;
      }
      if (api.convert === 'none') {
        ctx.report({ messageId: 'removedManual', args: { ...args, ...notes }, start: r[0], end: r[1], tags: ['deprecated'] });
        return;
      }
      const messageId = api.convert === 'ingress' ? 'removedIngress' : api.convert === 'workload' ? 'removedWorkload' : 'removed';
      ctx.report({ messageId, args, start: r[0], end: r[1], fix, tags: ['deprecated'] });
    },
  },
});
