// What it does: tells, for a container with no CPU or memory requests or limits, which QoS
//   class its pod gets: BestEffort when no container of the pod sets any, Burstable otherwise.
// Why: the notes (slurm-notes.md:315-316, 325): QoS is derived from requests and limits;
//   BestEffort is what a pod without them gets, and it is the first to go when a node runs out
//   of memory. The notes also say wrong limits are worse than none, and suggest measuring the
//   app first: so this is information, never a warning, and there is no fix with made-up numbers.
// Not reported: init and ephemeral containers; files that define a LimitRange (it sets
//   defaults); containers whose resources come from a Helm template; Helm hooks and chart
//   tests (templates/tests/: short-lived pods, where QoS hardly matters).
// Example: a container without `resources:` in a Deployment with one container.
// Fix safety: none.
import { Node, YAMLMap } from 'yaml';
import { getNode, getPair, isMap } from '../../documents/yaml';
import { ContainerTarget, targetsOf } from '../targets';
import { defineRule } from '../types';
import { containerLabel, containerSpan, MANIFEST_KINDS } from './_k8s';
import { hasTemplateSyntax, mayInject } from './_template';
import { isEmptyValue } from './_yamlEdit';
import { OpsDocument } from '../../documents/document';
import { containersOf } from '../../documents/kubernetes';

const QOS_RESOURCES = ['cpu', 'memory'];

/** Whether a container sets any CPU/memory request or limit (unknown = yes). */
function setsResources(doc: OpsDocument, node: Node): boolean {
  const pair = getPair(node, 'resources');
  if (!pair) return mayInject(doc, node);
  return mapSetsAny(doc, pair.value, (resources) =>
    ['requests', 'limits'].some((part) => {
      const p = getPair(resources, part);
      return !!p && mapSetsAny(doc, p.value, (m) => QOS_RESOURCES.some((r) => getPair(m, r)));
    }),
  );
}

/** A map value: test it; `key:` with nothing after it under templates, or a placeholder: unknown. */
function mapSetsAny(doc: OpsDocument, value: unknown, test: (m: YAMLMap) => boolean): boolean {
  if (isMap(value)) return mayInject(doc, value) || test(value);
  if (isEmptyValue(value)) return hasTemplateSyntax(doc);
  return true;
}

const limitRanges = new WeakMap<OpsDocument, boolean>();

function hasLimitRange(doc: OpsDocument): boolean {
  let v = limitRanges.get(doc);
  if (v === undefined) limitRanges.set(doc, (v = targetsOf(doc).k8sObjects.some((o) => o.kind === 'LimitRange')));
  return v;
}

export default defineRule({
  id: 'kubernetes-resources-missing',
  family: 'kubernetes',
  severity: 'information',
  key: 'k8s.container.resources',
  docs: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/',
  fixSafety: 'none',
  description: {
    en: 'A container has no CPU/memory requests or limits: the QoS class its pod gets',
    ru: 'У контейнера нет реквестов и лимитов CPU/памяти: какой QoS-класс получит под',
  },
  messages: {
    bestEffort: {
      en: (a: { container: string }) =>
        `Container "${a.container}" has no CPU or memory requests or limits, and neither has any other container of the pod: the pod gets QoS class BestEffort and is the first to be evicted when the node runs short of memory. Measure what the app uses (or load-test it), then set requests.`,
      ru: (a: { container: string }) =>
        `У контейнера «${a.container}» нет реквестов и лимитов CPU и памяти, как и у остальных контейнеров пода: под получит QoS-класс BestEffort и будет вытеснен первым, когда на узле кончится память. Измерьте, сколько потребляет приложение (или проведите нагрузочное тестирование), и задайте реквесты.`,
    },
    burstable: {
      en: (a: { container: string }) =>
        `Container "${a.container}" has no CPU or memory requests or limits: nothing is reserved for it and it may use all the node has; its pod gets QoS class Burstable (Guaranteed needs requests equal to limits in every container).`,
      ru: (a: { container: string }) =>
        `У контейнера «${a.container}» нет реквестов и лимитов CPU и памяти: для него ничего не резервируется, и он может занять всё, что есть на узле; под получит QoS-класс Burstable (для Guaranteed реквесты должны быть равны лимитам во всех контейнерах).`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    container(c: ContainerTarget, ctx) {
      if (c.list !== 'containers' || setsResources(ctx.doc, c.node)) return;
      if (hasLimitRange(ctx.doc)) return;
      if (getPair(getNode(getNode(c.pod.object.root, 'metadata'), 'annotations'), 'helm.sh/hook')) return;
      if (/[\\/]templates[\\/]tests[\\/]/.test(ctx.doc.path)) return;
      const others = containersOf(c.pod.spec).filter((o) => o.list !== 'ephemeralContainers' && o.node !== c.node);
      if (mayInject(ctx.doc, getNode(c.pod.spec, 'containers')) || mayInject(ctx.doc, getNode(c.pod.spec, 'initContainers'))) return;
      const burstable = others.some((o) => setsResources(ctx.doc, o.node));
      const [start, end] = containerSpan(c);
      ctx.report({ messageId: burstable ? 'burstable' : 'bestEffort', args: { container: containerLabel(c) }, start, end });
    },
  },
});
