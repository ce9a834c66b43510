// Volume wiring of a pod spec: the volumes it declares (plus a StatefulSet's claim templates,
// which become volumes of the same name) and the names its containers mount. `unknown` when
// a Helm template may add volumes or mounts we cannot see.
import { Node } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { containersOf } from '../../documents/kubernetes';
import { getIn, getNode, getPair, isMap, isSeq, scalarString, seqItems } from '../../documents/yaml';
import { PodTarget } from '../targets';
import { hasTemplateSyntax, mayInject, templated } from './_template';
import { isEmptyValue } from './_yamlEdit';

export interface NamedNode {
  name: string;
  /** The `name` value node. */
  nameNode: Node;
  item: Node;
}

export interface PodVolumes {
  volumes: NamedNode[];
  claimTemplates: NamedNode[];
  mounts: NamedNode[];
  /** Names used by volumeMounts and volumeDevices. */
  mounted: Set<string>;
  volumesUnknown: boolean;
  mountsUnknown: boolean;
}

/** A list under `key` of `map`: its items, or unknown when a template fills it. */
function list(doc: OpsDocument, map: unknown, key: string): { items: Node[]; unknown: boolean; seq?: Node } {
  const pair = getPair(map, key);
  if (!pair) return { items: [], unknown: false };
  const v = pair.value;
  if (!isSeq(v)) return { items: [], unknown: !(isEmptyValue(v) && !hasTemplateSyntax(doc)) };
  return { items: seqItems(v), unknown: mayInject(doc, v) || templated(doc, v) && v.flow === true, seq: v };
}

function named(doc: OpsDocument, items: Node[], path: string[]): { out: NamedNode[]; unknown: boolean } {
  const out: NamedNode[] = [];
  let unknown = false;
  for (const item of items) {
    const nameNode = getIn(item, path);
    const name = scalarString(nameNode);
    if (!nameNode || !name || templated(doc, nameNode)) unknown = true;
    else out.push({ name, nameNode, item });
  }
  return { out, unknown };
}

export function podVolumes(doc: OpsDocument, pod: PodTarget): PodVolumes {
  const vols = list(doc, pod.spec, 'volumes');
  const v = named(doc, vols.items, ['name']);
  const claims = pod.object.kind === 'StatefulSet' ? list(doc, getNode(pod.object.root, 'spec'), 'volumeClaimTemplates') : { items: [], unknown: false };
  const c = named(doc, claims.items, ['metadata', 'name']);
  const mounts: NamedNode[] = [];
  const mounted = new Set<string>();
  let mountsUnknown = mayInject(doc, pod.spec);
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    const seq = getPair(pod.spec, key)?.value;
    if (seq && !isSeq(seq) && !(isEmptyValue(seq) && !hasTemplateSyntax(doc))) mountsUnknown = true;
    if (isSeq(seq) && mayInject(doc, seq)) mountsUnknown = true;
  }
  for (const ct of containersOf(pod.spec)) {
    if (!isMap(ct.node) || mayInject(doc, ct.node)) {
      mountsUnknown = true;
      continue;
    }
    for (const key of ['volumeMounts', 'volumeDevices']) {
      const l = list(doc, ct.node, key);
      const m = named(doc, l.items, ['name']);
      if (l.unknown || m.unknown) mountsUnknown = true;
      for (const x of m.out) {
        mounted.add(x.name);
        if (key === 'volumeMounts') mounts.push(x);
      }
    }
  }
  return {
    volumes: v.out,
    claimTemplates: c.out,
    mounts,
    mounted,
    volumesUnknown: vols.unknown || v.unknown || claims.unknown || c.unknown || mayInject(doc, pod.spec),
    mountsUnknown,
  };
}
