// The field changes that come with moving a manifest off a removed API version (Deprecated API
// Migration Guide, "Notable changes"): Ingress backends and pathType, the selector apps/v1
// requires, HPA resource targets. Each returns undefined when it cannot convert everything it
// sees (a half-converted manifest would be worse than none).
import { Node, Pair, YAMLMap } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { entries, getIn, getNode, getPair, isMap, isScalar, scalarString, seqItems, stringAt } from '../../documents/yaml';
import { K8sObject } from '../targets';
import { mayInject, templated } from './_template';
import { Edit, entriesOf, insertEntries, range, removePair, replacePair, YValue } from './_yamlEdit';

/** `serviceName`/`servicePort` -> `service: {name, port: {number|name}}` in one backend map. */
function convertBackend(doc: OpsDocument, backend: unknown, out: Edit[]): boolean {
  if (!isMap(backend)) return false;
  const namePair = getPair(backend, 'serviceName');
  const portPair = getPair(backend, 'servicePort');
  if (!namePair && !portPair) return !!getPair(backend, 'resource') || !!getPair(backend, 'service');
  if (!namePair || !portPair || mayInject(doc, backend)) return false;
  const name = scalarString(namePair.value);
  const port = portPair.value;
  if (!name || !isScalar(port) || templated(doc, namePair.value as Node) || templated(doc, port as Node)) return false;
  const portEntry: [string, YValue] = typeof port.value === 'number' ? ['number', port.value] : /^\d+$/.test(String(port.value)) ? ['number', Number(port.value)] : ['name', String(port.value)];
  out.push(replacePair(doc, backend, namePair, entriesOf(['service', entriesOf(['name', name], ['port', entriesOf(portEntry)])])));
  out.push(removePair(doc, backend, portPair));
  return true;
}

export function convertIngress(doc: OpsDocument, obj: K8sObject): Edit[] | undefined {
  const spec = getNode(obj.root, 'spec');
  if (!isMap(spec) || mayInject(doc, spec)) return undefined;
  const edits: Edit[] = [];
  const defaultBackend = getPair(spec, 'backend');
  if (defaultBackend) {
    const k = range(defaultBackend.key as Node)!;
    edits.push({ start: k[0], end: k[1], text: 'defaultBackend' });
    if (!convertBackend(doc, defaultBackend.value, edits)) return undefined;
  }
  for (const rule of seqItems(getNode(spec, 'rules'))) {
    const paths = getIn(rule, ['http', 'paths']);
    if (paths && mayInject(doc, paths)) return undefined;
    for (const p of seqItems(paths)) {
      if (!isMap(p) || mayInject(doc, p)) return undefined;
      const backend = getPair(p, 'backend');
      if (!backend || !convertBackend(doc, backend.value, edits)) return undefined;
      // ImplementationSpecific keeps what v1beta1 did when pathType was absent (migration guide).
      if (!getPair(p, 'pathType')) {
        const pathPair = getPair(p, 'path');
        edits.push(insertEntries(doc, p, entriesOf(['pathType', 'ImplementationSpecific']), pathPair ? { after: pathPair } : { before: backend }));
      }
    }
  }
  return edits;
}

/** apps/v1 requires spec.selector: the template's labels, as the guide advises. */
export function convertWorkload(doc: OpsDocument, obj: K8sObject): Edit[] | undefined {
  const spec = getNode(obj.root, 'spec');
  if (!isMap(spec) || mayInject(doc, spec)) return undefined;
  const edits: Edit[] = [];
  for (const gone of ['rollbackTo', 'templateGeneration']) {
    const p = getPair(spec, gone);
    if (p) edits.push(removePair(doc, spec, p));
  }
  if (getPair(spec, 'selector')) return edits;
  const labelsNode = getIn(spec, ['template', 'metadata', 'labels']);
  if (!isMap(labelsNode) || mayInject(doc, labelsNode) || templated(doc, labelsNode)) return undefined;
  const labels: [string, YValue][] = [];
  for (const [k, pair] of entries(labelsNode)) {
    const v = scalarString(pair.value);
    if (v === undefined) return undefined;
    labels.push([k, v]);
  }
  if (!labels.length) return undefined;
  const template = getPair(spec, 'template') as Pair | undefined;
  edits.push(insertEntries(doc, spec, entriesOf(['selector', entriesOf(['matchLabels', entriesOf(...labels)])]), template ? { before: template } : {}));
  return edits;
}

/** autoscaling/v2beta1 -> v2 for Resource metrics (targetAverageUtilization / targetAverageValue). */
export function convertHpa(doc: OpsDocument, obj: K8sObject): Edit[] | undefined {
  const spec = getNode(obj.root, 'spec');
  if (!isMap(spec) || mayInject(doc, spec)) return undefined;
  const edits: Edit[] = [];
  const metrics = getNode(spec, 'metrics');
  if (metrics && mayInject(doc, metrics)) return undefined;
  for (const m of seqItems(metrics)) {
    if (stringAt(m, 'type') !== 'Resource') return undefined;
    const resource = getNode(m, 'resource');
    if (!isMap(resource)) return undefined;
    const util = getPair(resource, 'targetAverageUtilization');
    const value = getPair(resource, 'targetAverageValue');
    const pair = util ?? value;
    if (!pair || (util && value) || !isScalar(pair.value) || templated(doc, pair.value as Node)) return undefined;
    const v = pair.value.value as string | number;
    const target = util ? entriesOf(['type', 'Utilization'], ['averageUtilization', v]) : entriesOf(['type', 'AverageValue'], ['averageValue', v]);
    edits.push(replacePair(doc, resource as YAMLMap, pair, entriesOf(['target', target])));
  }
  return edits;
}
