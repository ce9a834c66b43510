// Kubernetes document helpers: which apiVersion/kind pairs are built-in objects the notes
// speak about (custom resources such as Tekton Tasks stay generic YAML: we have no notes for
// them), and pod-template normalisation (DESIGN.md "Keys").
import { Document, Node } from 'yaml';
import { getIn, getNode, isAlias, isMap, isSeq, scalarString, seqItems, stringAt } from './yaml';

const BUILTIN_GROUPS = new Set([
  '', // core: apiVersion "v1"
  'apps',
  'batch',
  'extensions',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'policy',
  'storage.k8s.io',
  'autoscaling',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'resource.k8s.io',
]);

/** Group of an apiVersion: `apps/v1` -> `apps`, `v1` -> ``. */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function isBuiltinKubernetesApi(apiVersion: string, kind: string): boolean {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) return false;
  const group = apiGroup(apiVersion);
  if (!BUILTIN_GROUPS.has(group)) return false;
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  return /^v\d+(?:(?:alpha|beta)\d+)?$/.test(version);
}

/** Kinds of the built-in API groups (for manifests whose apiVersion a template computes). */
const BUILTIN_KINDS = new Set([
  'Pod', 'PodTemplate', 'ReplicationController', 'Service', 'Endpoints', 'ConfigMap', 'Secret', 'ServiceAccount',
  'PersistentVolume', 'PersistentVolumeClaim', 'Namespace', 'Node', 'LimitRange', 'ResourceQuota', 'List',
  'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision', 'Job', 'CronJob',
  'Ingress', 'IngressClass', 'NetworkPolicy', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding',
  'StorageClass', 'VolumeAttachment', 'CSIDriver', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'PriorityClass',
  'EndpointSlice', 'RuntimeClass', 'Lease', 'CustomResourceDefinition', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration', 'APIService', 'CertificateSigningRequest',
]);

export function isBuiltinKind(kind: string): boolean {
  return BUILTIN_KINDS.has(kind);
}

/** Workload kinds whose pod template is at spec.template.spec. */
export const TEMPLATE_WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController']);
/** Workloads that run for long (probes make sense). */
export const LONG_RUNNING_WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController']);

/** Path from the document root to the pod spec for a kind, or undefined. */
export function podSpecPath(kind: string | undefined): string[] | undefined {
  if (!kind) return undefined;
  if (kind === 'Pod') return ['spec'];
  if (kind === 'PodTemplate') return ['template', 'spec'];
  if (TEMPLATE_WORKLOADS.has(kind)) return ['spec', 'template', 'spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return undefined;
}

/** Path from the document root to the pod template (metadata + spec), or undefined. */
export function podTemplatePath(kind: string | undefined): string[] | undefined {
  const p = podSpecPath(kind);
  return p && kind !== 'Pod' ? p.slice(0, -1) : undefined;
}

export interface ContainerRef {
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  list: 'containers' | 'initContainers' | 'ephemeralContainers';
  index: number;
  node: Node;
  name?: string;
}

export function podSpecOf(root: unknown): Node | undefined {
  const path = podSpecPath(stringAt(root, 'kind'));
  if (!path) return undefined;
  const spec = getIn(root, path);
  return isMap(spec) ? spec : undefined;
}

export function containersOf(podSpec: unknown): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
    const seq = getNode(podSpec, list);
    if (!isSeq(seq)) continue;
    seqItems(seq).forEach((node, index) => {
      if (isMap(node)) out.push({ list, index, node, name: stringAt(node, 'name') });
    });
  }
  return out;
}

/**
 * Normalise a logical key path of a document so one key serves every workload: the pod spec
 * prefix becomes `pod`, a container entry becomes `container`.
 *   Deployment spec.template.spec.containers.livenessProbe -> container.livenessProbe
 *   CronJob spec.jobTemplate.spec.template.spec.volumes    -> pod.volumes
 * Returns undefined when the path is not inside a pod spec.
 */
export function normalisePodPath(kind: string | undefined, keys: readonly string[]): string[] | undefined {
  const prefix = podSpecPath(kind);
  if (!prefix || keys.length < prefix.length) return undefined;
  for (let i = 0; i < prefix.length; i++) if (keys[i] !== prefix[i]) return undefined;
  const rest = keys.slice(prefix.length);
  if (rest.length > 0 && (rest[0] === 'containers' || rest[0] === 'initContainers' || rest[0] === 'ephemeralContainers')) {
    return ['container', ...rest.slice(1)];
  }
  return ['pod', ...rest];
}

// ── Aliases and merge keys ─────────────────────────────────────────────────────────────────
// Manifests share blocks with anchors (`resources: &res {...}` / `resources: *res`) and merge
// keys (`<<: *defaults`); the model keeps them as written, so reads that compute something
// (the QoS class) resolve them here. Depth-bounded: alias cycles end.

/** The node an alias points to (or the node itself). */
export function deref(node: unknown, doc?: Document): Node | undefined {
  let n = node;
  for (let i = 0; i < 8 && isAlias(n); i++) n = doc ? n.resolve(doc) : undefined;
  return (n ?? undefined) as Node | undefined;
}

/** A map entry by key, through aliases and `<<` merge keys. */
export function lookup(map: unknown, key: string, doc?: Document, depth = 0): Node | undefined {
  const m = deref(map, doc);
  if (!isMap(m) || depth > 8) return undefined;
  const own = getNode(m, key);
  if (own !== undefined) return deref(own, doc);
  const merge = deref(getNode(m, '<<'), doc);
  for (const source of isSeq(merge) ? merge.items : [merge]) {
    const found = lookup(source, key, doc, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

// ── Quantities and the pod QoS class ───────────────────────────────────────────────────────
// slurm-notes.md:325 — "QoS Class ... Если реквесты равны лимитам - то выставляется Guaranteed".
// The exact rule (kubernetes.io/docs/concepts/workloads/pods/pod-qos/, GetPodQOS): only cpu and
// memory count; every container and init container needs both limits, each equal to its
// request (a missing request defaults to the limit); no cpu/memory request or limit anywhere
// is BestEffort; anything else is Burstable.

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const SUFFIX: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/**
 * A resource quantity (`500m`, `0.5`, `1Gi`, `1e3`; a YAML number too) as a number, or
 * undefined when it is not one (`1GB`, an empty value). `512m` of memory is 0.512 bytes.
 */
export function parseQuantity(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = QUANTITY.exec(raw.trim());
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  const factor = suffix === '' ? 1 : suffix in SUFFIX ? SUFFIX[suffix] : 10 ** Number(suffix.slice(1));
  const v = Number(m[1]) * factor;
  return Number.isFinite(v) ? v : undefined;
}

/** a < b, tolerant of float rounding between equal quantities written differently (0.1 vs 100m). */
export function quantityLessThan(a: number, b: number): boolean {
  return a < b && !sameQuantity(a, b);
}

function sameQuantity(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-9;
}

export type QosClass = 'BestEffort' | 'Burstable' | 'Guaranteed';

export interface QosVerdict {
  qos: QosClass;
  /** Why a Burstable pod is not Guaranteed: the first container that breaks the rule. */
  container?: string;
  resource?: 'cpu' | 'memory';
  /** Request and limit as written (the request may be defaulted from the limit). */
  request?: string;
  limit?: string;
}

/** The pod's QoS class, or `{ unreadable }` with the value that is not a quantity. */
export function podQos(podSpec: unknown, doc?: Document): QosVerdict | { unreadable: string } {
  let anySet = false;
  let first: Omit<QosVerdict, 'qos'> | undefined;
  for (const list of ['initContainers', 'containers'] as const) {
    const seq = lookup(podSpec, list, doc);
    if (!isSeq(seq)) continue;
    for (let index = 0; index < seq.items.length; index++) {
      const c = deref(seq.items[index], doc);
      if (!isMap(c)) continue;
      const name = stringAt(c, 'name') ?? `${list}[${index}]`;
      const resources = lookup(c, 'resources', doc);
      for (const resource of ['cpu', 'memory'] as const) {
        const limNode = lookup(lookup(resources, 'limits', doc), resource, doc);
        const reqNode = lookup(lookup(resources, 'requests', doc), resource, doc);
        const limText = scalarString(limNode);
        const reqText = reqNode !== undefined ? scalarString(reqNode) : limText;
        const lim = limText === undefined ? undefined : parseQuantity(limText);
        const req = reqText === undefined ? undefined : parseQuantity(reqText);
        if (limText !== undefined && lim === undefined) return { unreadable: limText };
        if (reqText !== undefined && req === undefined) return { unreadable: reqText };
        const limitSet = lim !== undefined && lim > 0;
        if (limitSet || (req !== undefined && req > 0)) anySet = true;
        if (first) continue;
        if (!limitSet) first = { container: name, resource, request: reqText };
        else if (req === undefined || !sameQuantity(req, lim!)) first = { container: name, resource, request: reqText, limit: limText };
      }
    }
  }
  if (!anySet) return { qos: 'BestEffort' };
  return first ? { qos: 'Burstable', ...first } : { qos: 'Guaranteed' };
}

// ── API versions the notes' Kubernetes 1.18 used and clusters no longer serve ─────────────
// slurm-notes.md:236, 643. Source: kubernetes.io/docs/reference/using-api/deprecation-guide/.

interface RemovedApi {
  apiVersion: string;
  kinds: readonly string[];
  removedIn: string;
  replacement: string;
}

const REMOVED_APIS: readonly RemovedApi[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet'], removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet'], removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'], removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'], removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['StorageClass', 'VolumeAttachment', 'CSIDriver', 'CSINode'], removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removedIn: '1.25', replacement: 'policy/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removedIn: '1.25', replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.26', replacement: 'autoscaling/v2' },
];

/** The removal of an apiVersion for a kind, when current clusters no longer serve it. */
export function removedApi(apiVersion: string, kind: string): { removedIn: string; replacement: string } | undefined {
  const r = REMOVED_APIS.find((a) => a.apiVersion === apiVersion && a.kinds.includes(kind));
  return r && { removedIn: r.removedIn, replacement: r.replacement };
}
