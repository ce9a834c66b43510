// A logical path inside one Kubernetes object -> candidate keys, most specific first
// (knowledge/README.md "Key scheme"). One path has several spellings ("variants"): the object's
// own (`k8s.CronJob.spec.jobTemplate.spec.backoffLimit`) and the normalised one that serves every
// kind (`k8s.Job.spec.backoffLimit`, `k8s.pod.*`, `k8s.container.*`, `k8s.probe.*`, `k8s.volume.*`).
// Candidates go from the leaf up, every variant at each level: value -> field -> parent. The
// kind itself is a candidate only for the object's top-level fields; deeper fields the notes
// don't cover stay silent instead of showing the kind's notes everywhere.
import { normalisePodPath, podTemplatePath } from '../../documents/kubernetes';

interface Variant {
  /** Key segments after `k8s.`. */
  segs: string[];
  /** The shortest prefix that is still a candidate (`k8s.pod` or `k8s.Deployment` alone are not). */
  min: number;
}

const PROBES = new Set(['livenessProbe', 'readinessProbe', 'startupProbe']);
const SCHEDULING_TERMS = /^(?:required|preferred)DuringScheduling/;
/** Workloads whose `spec.selector` is the ReplicaSet's label selector (slurm-notes.md:294). */
const SELECTOR_WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
/** PersistentVolume sources that are also pod volume sources. */
const PV_SOURCES = new Set(['hostPath', 'nfs']);
/** Fields whose values are names the user picks: hovering the value says nothing. */
const IDENTITY_FIELDS = new Set(['name', 'namespace', 'generateName', 'image']);
const KIND_NAME = /^[A-Z][A-Za-z]*$/;

/**
 * A field that refers to another object (or to a value of another field) also shows that
 * object's notes, right after its own: `serviceAccountName` -> ServiceAccount.
 */
const REFERENCES: Record<string, string> = {
  'pod.serviceAccountName': 'ServiceAccount',
  'pod.serviceAccount': 'ServiceAccount',
  'pod.imagePullSecrets': 'Secret.type=kubernetes.io/dockerconfigjson',
  'volume.configMap': 'ConfigMap',
  'volume.secret': 'Secret',
  'volume.persistentVolumeClaim': 'PersistentVolumeClaim',
  'container.env.valueFrom.configMapKeyRef': 'ConfigMap',
  'container.envFrom.configMapRef': 'ConfigMap',
  'container.envFrom.secretRef': 'Secret',
  'Service.spec.externalName': 'Service.spec.type=ExternalName',
  'Service.spec.ports.nodePort': 'Service.spec.type=NodePort',
  'Service.spec.loadBalancerIP': 'Service.spec.type=LoadBalancer',
  'Ingress.spec.rules.http.paths.backend.service': 'Service',
  'Ingress.spec.rules.http.paths.backend.serviceName': 'Service',
  'Ingress.spec.defaultBackend.service': 'Service',
  'Ingress.spec.tls.secretName': 'Secret.type=kubernetes.io/tls',
  'PersistentVolumeClaim.spec.storageClassName': 'StorageClass',
  // A StatefulSet names its headless Service (slurm-notes.md:694).
  'StatefulSet.spec.serviceName': 'Service.spec.clusterIP=None',
  'ClusterRoleBinding.roleRef': 'ClusterRole',
  'RoleBinding.roleRef': 'Role',
};

export interface PathQuery {
  /** The object's kind (`Deployment`). */
  kind: string;
  /** Logical keys from the object's root, sequence indices left out. */
  keys: string[];
  /** The scalar under the cursor, when the cursor is on a value. */
  value?: string;
}

/** Candidate keys for a cursor on a field (or its value) of a built-in object. */
export function objectCandidates(q: PathQuery): string[] {
  const { kind, keys } = q;
  if (keys.length === 0) return [];
  if (keys.length === 1 && keys[0] === 'kind') return [`k8s.${kind}`];
  const variants = variantsFor(kind, keys);
  const out: string[] = [];
  const add = (k: string) => {
    if (!out.includes(k)) out.push(k);
  };
  const leafKeys = variants.map((v) => 'k8s.' + v.segs.join('.'));
  const parents = () => {
    const depth = Math.max(...variants.map((v) => v.segs.length));
    for (let d = 1; d < depth; d++) {
      for (const v of variants) if (v.segs.length - d >= v.min) add('k8s.' + v.segs.slice(0, v.segs.length - d).join('.'));
    }
  };
  if (q.value !== undefined) {
    for (const k of leafKeys) add(`${k}=${q.value}`);
    // A value says what its field says; a name the user picked says nothing.
    if (!IDENTITY_FIELDS.has(keys[keys.length - 1])) leafKeys.forEach(add);
    // A quantity (`memory: 256Mi`) is about requests/limits like its key.
    if (variants[0].segs[0] === 'container' && variants[0].segs[1] === 'resources') parents();
    // `subjects[].kind: ServiceAccount`, `roleRef.kind: ClusterRole` name a kind.
    if (keys.length > 1 && keys[keys.length - 1] === 'kind' && KIND_NAME.test(q.value)) add(`k8s.${q.value}`);
    return out;
  }
  leafKeys.forEach(add);
  for (const k of leafKeys) if (REFERENCES[k.slice(4)]) add(`k8s.${REFERENCES[k.slice(4)]}`);
  // Keys of maps whose keys the user picks (labels, data, matchLabels) have no parents to
  // fall back to: a label named `app` is not the notes on labels.
  if (!insideFreeMap(kind, keys)) parents();
  if (keys.length === 1 && keys[0] !== 'metadata' && keys[0] !== 'apiVersion') add(`k8s.${kind}`);
  return out;
}

function insideFreeMap(kind: string, keys: string[]): boolean {
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (k === 'labels' || k === 'annotations' || k === 'matchLabels' || k === 'nodeSelector') return true;
    if (i === 0 && (k === 'data' || k === 'stringData' || k === 'binaryData')) return true;
    if (kind === 'Service' && i === 1 && keys[0] === 'spec' && k === 'selector') return true;
  }
  return false;
}

function variantsFor(kind: string, keys: string[]): Variant[] {
  if (keys[0] === 'metadata') return [{ segs: [kind, ...keys], min: 2 }, { segs: keys, min: 2 }];
  const template = podTemplatePath(kind);
  if (template && startsWith(keys, template)) {
    const rest = keys.slice(template.length);
    if (rest.length === 0) return [{ segs: [kind, ...keys], min: keys.length + 1 }, { segs: ['podTemplate'], min: 1 }];
    if (rest[0] === 'metadata') return [{ segs: [kind, ...keys], min: template.length + 2 }, { segs: rest, min: 2 }];
  }
  const pod = normalisePodPath(kind, keys);
  if (pod) return podVariants(pod, keys);
  return objectVariants(kind, keys);
}

/** Inside a pod spec: `k8s.pod.*`, `k8s.container.*` (+ `k8s.probe.*`), `k8s.volume.*`, `k8s.affinity.*`. */
function podVariants(n: string[], keys: string[]): Variant[] {
  if (n[0] === 'container') {
    // The `containers:` / `initContainers:` key itself.
    if (n.length === 1) return [{ segs: ['pod', keys[keys.length - 1]], min: 2 }];
    const out: Variant[] = [{ segs: n, min: 2 }];
    if (PROBES.has(n[1]) && n.length >= 3) out.push({ segs: ['probe', ...n.slice(2)], min: 2 });
    if (n[1] === 'resources' && (n[2] === 'limits' || n[2] === 'requests') && n.length === 4) out.push({ segs: ['container', 'resources', n[3]], min: 3 });
    return out;
  }
  if (n[1] === 'volumes' && n.length > 2) return [{ segs: ['volume', ...n.slice(2)], min: 2 }];
  const out: Variant[] = [{ segs: n, min: 2 }];
  if (n[1] === 'affinity') {
    if (n[n.length - 1] === 'topologyKey') out.push({ segs: ['affinity', 'topologyKey'], min: 2 });
    const term = n.findIndex((s) => SCHEDULING_TERMS.test(s));
    if (term > 0) out.push({ segs: ['affinity', ...n.slice(term)], min: 2 });
  }
  return out;
}

/** Fields outside the pod spec, with the kind-independent spellings the notes use. */
function objectVariants(kind: string, keys: string[]): Variant[] {
  const out: Variant[] = [{ segs: [kind, ...keys], min: 2 }];
  const [a, b] = keys;
  if (kind === 'CronJob' && startsWith(keys, ['spec', 'jobTemplate', 'spec']) && keys.length > 3) {
    out.push({ segs: ['Job', 'spec', ...keys.slice(3)], min: 3 });
  } else if (kind === 'StatefulSet' && a === 'spec' && b === 'volumeClaimTemplates' && keys.length > 2) {
    const claim = keys.slice(2);
    out.push({ segs: ['PersistentVolumeClaim', ...claim], min: 2 });
    if (claim[0] === 'metadata') out.push({ segs: claim, min: 2 });
  } else if (SELECTOR_WORKLOADS.has(kind) && kind !== 'ReplicaSet' && a === 'spec' && b === 'selector') {
    out.push({ segs: ['ReplicaSet', ...keys], min: 3 });
  } else if (kind === 'PersistentVolume' && a === 'spec' && keys.length > 1) {
    if (b === 'accessModes' || b === 'storageClassName') out.push({ segs: ['PersistentVolumeClaim', ...keys], min: 3 });
    else if (PV_SOURCES.has(b)) out.push({ segs: ['volume', ...keys.slice(1)], min: 2 });
  } else if (kind === 'ClusterRole' && a === 'rules') {
    out.push({ segs: ['Role', ...keys], min: 2 });
  } else if (kind === 'ClusterRoleBinding' && (a === 'subjects' || a === 'roleRef')) {
    out.push({ segs: ['RoleBinding', ...keys], min: 2 });
  } else if (kind === 'Ingress' && a === 'spec' && b === 'backend') {
    // networking.k8s.io/v1beta1 spelling of spec.defaultBackend.
    out.push({ segs: ['Ingress', 'spec', 'defaultBackend', ...keys.slice(2)], min: 3 });
  } else if (kind === 'ServiceAccount' && a === 'automountServiceAccountToken') {
    out.push({ segs: ['pod', a], min: 2 });
  }
  return out;
}

function startsWith(keys: readonly string[], prefix: readonly string[]): boolean {
  if (keys.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (keys[i] !== prefix[i]) return false;
  return true;
}
