// Kubernetes document helpers: which apiVersion/kind pairs are built-in objects the notes
// speak about (custom resources such as Tekton Tasks stay generic YAML: we have no notes for
// them), and pod-template normalisation (DESIGN.md "Keys").
import { Node } from 'yaml';
import { getIn, getNode, isMap, isSeq, seqItems, stringAt } from './yaml';

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
