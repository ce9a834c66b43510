// What it does: flags an Ingress backend naming a Service that no manifest of this file or the
//   workspace defines (in a compatible namespace). Only when the workspace defines Services at
//   all: a repository of Ingresses alone keeps its Services elsewhere.
// Why: the notes (slurm-notes.md:366-368, 700): an Ingress receives a request and sends it to a
//   Service; a backend naming a missing Service has nowhere to send it (ingress-nginx answers 503).
// Severity: information: the Service may be created by a chart, an operator or another repository.
// Example: `backend: {service: {name: web-svc, port: {number: 80}}}` with only Service `web`.
// Fix safety: none.
import { Node } from 'yaml';
import { getIn, getNode, scalarString, seqItems } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { templated } from './_template';
import { namespaceOf, PlacedObject, sameNamespace, workspaceIndex, WorkspaceIndex } from './_workspace';
import { range } from './_yamlEdit';

interface ServiceIndex {
  byName: Map<string, PlacedObject[]>;
  anyUnknown: boolean;
}

const serviceIndexes = new WeakMap<WorkspaceIndex, ServiceIndex | undefined>();

/** The Services of the file and the workspace by name (once per run), or undefined when none. */
function servicesOf(idx: WorkspaceIndex): ServiceIndex | undefined {
  if (serviceIndexes.has(idx)) return serviceIndexes.get(idx);
  let found: ServiceIndex | undefined;
  for (const o of idx.objects) {
    if (o.object.kind !== 'Service') continue;
    found ??= { byName: new Map(), anyUnknown: false };
    const name = o.object.name;
    if (name === undefined || templated(o.doc, getIn(o.object.root, ['metadata', 'name']))) found.anyUnknown = true;
    else found.byName.set(name, [...(found.byName.get(name) ?? []), o]);
  }
  serviceIndexes.set(idx, found);
  return found;
}

/** The service-name nodes of every backend (v1 and v1beta1 forms). */
function backendNames(spec: unknown): Node[] {
  const backends: unknown[] = [getNode(spec, 'defaultBackend'), getNode(spec, 'backend')];
  for (const rule of seqItems(getNode(spec, 'rules'))) for (const p of seqItems(getIn(rule, ['http', 'paths']))) backends.push(getNode(p, 'backend'));
  const out: Node[] = [];
  for (const b of backends) {
    const n = getIn(b, ['service', 'name']) ?? getNode(b, 'serviceName');
    if (n) out.push(n);
  }
  return out;
}

export default defineRule({
  id: 'kubernetes-ingress-service-missing',
  family: 'kubernetes',
  severity: 'information',
  key: 'k8s.Ingress.spec.rules',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource',
  fixSafety: 'none',
  crossDocument: true,
  description: {
    en: 'An Ingress backend names a Service the workspace does not define',
    ru: 'Бэкенд Ingress ссылается на сервис, которого нет в рабочей области',
  },
  messages: {
    missing: {
      en: (a: { name: string }) => `No Service named "${a.name}" in this file or the workspace: unless it is created elsewhere, the Ingress has nowhere to send these requests (ingress-nginx answers 503).`,
      ru: (a: { name: string }) => `Сервиса «${a.name}» нет ни в этом файле, ни в рабочей области: если он не создаётся где-то ещё, Ingress некуда отправить эти запросы (ingress-nginx ответит 503).`,
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Ingress'],
  visit: {
    k8sObject(obj, ctx) {
      const names = backendNames(getNode(obj.root, 'spec'));
      if (!names.length) return;
      const services = servicesOf(workspaceIndex(ctx));
      // None at all: this repository keeps its Services elsewhere. A templated name could be any.
      if (!services || services.anyUnknown) return;
      const ns = namespaceOf(ctx.doc, obj);
      for (const n of names) {
        const name = scalarString(n);
        if (!name || templated(ctx.doc, n)) continue;
        if (services.byName.get(name)?.some((s) => sameNamespace(ns, s.namespace))) continue;
        const r = range(n)!;
        ctx.report({ messageId: 'missing', args: { name }, start: r[0], end: r[1] });
      }
    },
  },
});
