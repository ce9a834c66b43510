// The pod's QoS class, stated in the hover of a container's `resources` (slurm-notes.md:325-326:
// "QoS Class - проставляется автоматически в зависимости от реквестов и лимитов").
import { Document, Node } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { deref, lookup, podQos } from '../../documents/kubernetes';
import { getPair, isMap, isSeq, nodeRange } from '../../documents/yaml';
import { Localized } from '../../i18n/language';

const REASON: Record<'cpu' | 'memory', Localized> = {
  cpu: { ru: 'cpu', en: 'CPU' },
  memory: { ru: 'memory', en: 'memory' },
};

/** One fact: the pod's QoS class and why, or why it cannot be computed here. */
export function qosFact(doc: OpsDocument, yamlDoc: Document, podSpec: Node): Localized {
  if (resourcesTemplated(doc, yamlDoc, podSpec)) {
    return {
      ru: 'QoS-класс пода здесь не вычислить: resources задаются шаблоном Helm.',
      en: "The pod's QoS class cannot be computed here: resources come from a Helm template.",
    };
  }
  const v = podQos(podSpec, yamlDoc);
  if ('unreadable' in v) {
    return {
      ru: `QoS-класс пода не вычислить: «${v.unreadable}» — не количество ресурса Kubernetes.`,
      en: `The pod's QoS class cannot be computed: "${v.unreadable}" is not a Kubernetes resource quantity.`,
    };
  }
  if (v.qos === 'BestEffort') {
    return {
      ru: 'QoS-класс пода: BestEffort — ни у одного контейнера не заданы requests и limits по cpu и memory.',
      en: 'Pod QoS class: BestEffort — no container sets CPU or memory requests or limits.',
    };
  }
  if (v.qos === 'Guaranteed') {
    return {
      ru: 'QoS-класс пода: Guaranteed — у каждого контейнера limits по cpu и memory заданы и равны requests.',
      en: 'Pod QoS class: Guaranteed — every container sets CPU and memory limits equal to its requests.',
    };
  }
  const res = v.resource!;
  if (v.limit === undefined) {
    return {
      ru: `QoS-класс пода: Burstable — у контейнера «${v.container}» не задан limits.${res}, поэтому не Guaranteed.`,
      en: `Pod QoS class: Burstable — container "${v.container}" sets no ${REASON[res].en} limit, so the pod is not Guaranteed.`,
    };
  }
  return {
    ru: `QoS-класс пода: Burstable — у контейнера «${v.container}» requests.${res} (${v.request}) не равен limits.${res} (${v.limit}).`,
    en: `Pod QoS class: Burstable — container "${v.container}" has ${REASON[res].en} request ${v.request} ≠ limit ${v.limit}.`,
  };
}

/**
 * Whether some container's `resources` is written by a template (`{{- toYaml .Values.resources
 * | nindent 12 }}` under it): the blanked text would read as "no resources" = BestEffort, wrongly.
 * The region of `resources:` is its line and the following lines indented deeper (or blank,
 * which is what a blanked template line is).
 */
function resourcesTemplated(doc: OpsDocument, yamlDoc: Document, podSpec: Node): boolean {
  const text = doc.yamlText;
  for (const list of ['initContainers', 'containers']) {
    const seq = lookup(podSpec, list, yamlDoc);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      const c = deref(item, yamlDoc);
      if (!isMap(c)) continue;
      const pair = getPair(c, 'resources');
      const start = pair ? nodeRange(pair.key as Node)?.[0] : undefined;
      if (start === undefined) continue;
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const column = start - lineStart;
      let end = lineEnd(text, start);
      while (end < text.length) {
        const next = end + 1;
        const nextEnd = lineEnd(text, next);
        const line = text.slice(next, nextEnd);
        const indent = line.length - line.trimStart().length;
        if (line.trim() !== '' && indent <= column) break;
        end = nextEnd;
      }
      if (doc.isTemplated(start, end)) return true;
    }
  }
  return false;
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}
