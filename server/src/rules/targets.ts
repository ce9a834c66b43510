// The nodes rules visit, computed once per document version and shared by all rules.
import { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { OpsDocument } from '../documents/document';
import { flattenTasks, PLAY_TASK_SECTIONS } from '../documents/ansible';
import { containersOf, ContainerRef, podSpecPath } from '../documents/kubernetes';
import { entries, getIn, getNode, isMap, isSeq, nodeRange, seqItems, stringAt, YamlDocument } from '../documents/yaml';

export interface K8sObject {
  document: YamlDocument;
  root: YAMLMap;
  kind: string;
  apiVersion: string;
  name?: string;
  namespace?: string;
  /** Set for items of a `kind: List`: the List document's item index. */
  listItem?: number;
}

export interface PodTarget {
  object: K8sObject;
  /** The pod spec map. */
  spec: YAMLMap;
  /** Path from the object root to the pod spec. */
  path: string[];
  /** The pod template's metadata (labels) for workloads; the object's metadata for a Pod. */
  metadata?: Node;
}

export interface ContainerTarget extends ContainerRef {
  pod: PodTarget;
}

export interface ComposeService {
  name: string;
  pair: Pair<Scalar, Node | null>;
  node: YAMLMap;
  root: YAMLMap;
}

export interface PlayTarget {
  node: YAMLMap;
  index: number;
}

export interface TaskTarget {
  node: YAMLMap;
  /** The play holding the task, when the file is a playbook. */
  play?: PlayTarget;
  /** `tasks`, `handlers`, `pre_tasks`, `post_tasks`, or `file` for task files. */
  section: string;
  /** Handlers files and handlers sections. */
  isHandler: boolean;
}

export interface Targets {
  k8sObjects: K8sObject[];
  pods: PodTarget[];
  containers: ContainerTarget[];
  composeRoot?: YAMLMap;
  services: ComposeService[];
  plays: PlayTarget[];
  tasks: TaskTarget[];
}

const cache = new WeakMap<OpsDocument, Targets>();

export function targetsOf(doc: OpsDocument): Targets {
  let t = cache.get(doc);
  if (!t) {
    t = computeTargets(doc);
    cache.set(doc, t);
  }
  return t;
}

function computeTargets(doc: OpsDocument): Targets {
  const t: Targets = { k8sObjects: [], pods: [], containers: [], services: [], plays: [], tasks: [] };
  const kind = doc.kind;
  if (kind === 'dockerfile' || kind === 'ansible-cfg' || kind === 'ansible-inventory' || kind === 'generic') return t;
  for (const { document, kind: docKind } of doc.yamlDocuments()) {
    const root = document.doc.contents;
    if (docKind === 'kubernetes' && isMap(root)) {
      addK8sObject(doc, t, document, root);
    } else if (docKind === 'compose' && isMap(root)) {
      t.composeRoot = root;
      for (const [name, pair] of entries(getNode(root, 'services'))) {
        if (isMap(pair.value)) t.services.push({ name, pair, node: pair.value, root });
      }
    } else if (docKind === 'ansible-playbook') {
      seqItems(root).forEach((node, index) => {
        if (!isMap(node)) return;
        const play = { node, index };
        t.plays.push(play);
        for (const section of PLAY_TASK_SECTIONS) {
          for (const task of flattenTasks(getNode(node, section))) {
            if (isMap(task)) t.tasks.push({ node: task, play, section, isHandler: section === 'handlers' });
          }
        }
      });
    } else if (docKind === 'ansible-tasks' || docKind === 'ansible-handlers') {
      for (const task of flattenTasks(root)) {
        if (isMap(task)) t.tasks.push({ node: task, section: 'file', isHandler: docKind === 'ansible-handlers' });
      }
    }
  }
  return t;
}

/**
 * A `name` for messages: the value, or, in a Helm template, the template text as written
 * (the parsed value of `name: {{ .Chart.Name }}` is only a same-length placeholder).
 */
function displayName(doc: OpsDocument, map: unknown): string | undefined {
  const node = getNode(map, 'name');
  const r = nodeRange(node);
  if (r && doc.isTemplated(r[0], r[1])) return doc.text.slice(r[0], r[1]).trim();
  return stringAt(map, 'name');
}

function addK8sObject(doc: OpsDocument, t: Targets, document: YamlDocument, root: YAMLMap, listItem?: number): void {
  const kind = stringAt(root, 'kind') ?? '';
  const apiVersion = stringAt(root, 'apiVersion') ?? '';
  if (kind === 'List') {
    seqItems(getNode(root, 'items')).forEach((item, i) => {
      if (isMap(item) && stringAt(item, 'kind') && stringAt(item, 'apiVersion')) addK8sObject(doc, t, document, item, i);
    });
    return;
  }
  const metadata = getNode(root, 'metadata');
  const obj: K8sObject = { document, root, kind, apiVersion, name: displayName(doc, metadata), namespace: stringAt(metadata, 'namespace'), listItem };
  t.k8sObjects.push(obj);
  const path = podSpecPath(kind);
  if (!path) return;
  const spec = getIn(root, path);
  if (!isMap(spec)) return;
  const podMeta = kind === 'Pod' ? metadata : getIn(root, [...path.slice(0, -1), 'metadata']);
  const pod: PodTarget = { object: obj, spec, path, metadata: podMeta };
  t.pods.push(pod);
  for (const c of containersOf(spec)) t.containers.push({ ...c, name: displayName(doc, c.node), pod });
}

export { isSeq };
