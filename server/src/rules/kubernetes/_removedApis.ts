// API versions removed from Kubernetes, checked against the Deprecated API Migration Guide
// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/) and, for the versions the
// guide no longer lists (v1alpha1 RBAC, PriorityClass v1alpha1), the release notes of the
// removing release. `to` is the replacement; `convert` says how far our fix can go.
export interface RemovedApi {
  removedIn: string;
  to?: string;
  /** `version`: only apiVersion changes; `ingress`/`workload`/`hpa`: fields move too; `none`: no fix. */
  convert: 'version' | 'ingress' | 'workload' | 'hpa' | 'none';
  /** Why there is no automatic fix (shown in the message). */
  note?: { en: string; ru: string };
}

const WORKLOADS_116 = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'];

const table = new Map<string, RemovedApi>();
function add(apiVersion: string, kinds: string[], api: RemovedApi): void {
  for (const k of kinds) table.set(`${apiVersion} ${k}`, api);
}

// v1.16
add('extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], { removedIn: '1.16', to: 'apps/v1', convert: 'workload' });
add('apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet'], { removedIn: '1.16', to: 'apps/v1', convert: 'workload' });
add('apps/v1beta2', WORKLOADS_116, { removedIn: '1.16', to: 'apps/v1', convert: 'workload' });
add('extensions/v1beta1', ['NetworkPolicy'], { removedIn: '1.16', to: 'networking.k8s.io/v1', convert: 'version' });
const PSP_NOTE = {
  en: 'PodSecurityPolicy was removed in 1.25 without a replacement API: use Pod Security Admission (namespace labels pod-security.kubernetes.io/*).',
  ru: 'PodSecurityPolicy удалён в 1.25 без замены: используйте Pod Security Admission (метки неймспейса pod-security.kubernetes.io/*).',
};
add('extensions/v1beta1', ['PodSecurityPolicy'], { removedIn: '1.16', convert: 'none', note: PSP_NOTE });
// v1.22
add('extensions/v1beta1', ['Ingress'], { removedIn: '1.22', to: 'networking.k8s.io/v1', convert: 'ingress' });
add('networking.k8s.io/v1beta1', ['Ingress'], { removedIn: '1.22', to: 'networking.k8s.io/v1', convert: 'ingress' });
add('networking.k8s.io/v1beta1', ['IngressClass'], { removedIn: '1.22', to: 'networking.k8s.io/v1', convert: 'version' });
const RBAC = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
add('rbac.authorization.k8s.io/v1beta1', RBAC, { removedIn: '1.22', to: 'rbac.authorization.k8s.io/v1', convert: 'version' });
add('scheduling.k8s.io/v1beta1', ['PriorityClass'], { removedIn: '1.22', to: 'scheduling.k8s.io/v1', convert: 'version' });
add('storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], { removedIn: '1.22', to: 'storage.k8s.io/v1', convert: 'version' });
add('coordination.k8s.io/v1beta1', ['Lease'], { removedIn: '1.22', to: 'coordination.k8s.io/v1', convert: 'version' });
add('apiregistration.k8s.io/v1beta1', ['APIService'], { removedIn: '1.22', to: 'apiregistration.k8s.io/v1', convert: 'version' });
const CRD_NOTE = {
  en: 'apiextensions.k8s.io/v1 moves the schema under spec.versions[*].schema and requires spec.scope; convert by hand.',
  ru: 'в apiextensions.k8s.io/v1 схема переехала в spec.versions[*].schema, а spec.scope стал обязательным; переведите вручную.',
};
add('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], { removedIn: '1.22', to: 'apiextensions.k8s.io/v1', convert: 'none', note: CRD_NOTE });
const WEBHOOK_NOTE = {
  en: 'admissionregistration.k8s.io/v1 requires sideEffects and admissionReviewVersions and changes failurePolicy\'s default to Fail; convert by hand.',
  ru: 'в admissionregistration.k8s.io/v1 обязательны sideEffects и admissionReviewVersions, а failurePolicy по умолчанию стал Fail; переведите вручную.',
};
add('admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], { removedIn: '1.22', to: 'admissionregistration.k8s.io/v1', convert: 'none', note: WEBHOOK_NOTE });
const CSR_NOTE = { en: 'certificates.k8s.io/v1 requires spec.signerName and spec.usages; convert by hand.', ru: 'в certificates.k8s.io/v1 обязательны spec.signerName и spec.usages; переведите вручную.' };
add('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], { removedIn: '1.22', to: 'certificates.k8s.io/v1', convert: 'none', note: CSR_NOTE });
// v1.23 (CHANGELOG-1.23, kubernetes#104248)
add('rbac.authorization.k8s.io/v1alpha1', RBAC, { removedIn: '1.23', to: 'rbac.authorization.k8s.io/v1', convert: 'version' });
add('scheduling.k8s.io/v1alpha1', ['PriorityClass'], { removedIn: '1.23', to: 'scheduling.k8s.io/v1', convert: 'version' });
// v1.25
add('batch/v1beta1', ['CronJob'], { removedIn: '1.25', to: 'batch/v1', convert: 'version' });
add('policy/v1beta1', ['PodDisruptionBudget'], { removedIn: '1.25', to: 'policy/v1', convert: 'version' });
add('policy/v1beta1', ['PodSecurityPolicy'], { removedIn: '1.25', convert: 'none', note: PSP_NOTE });
add('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], { removedIn: '1.25', to: 'autoscaling/v2', convert: 'hpa' });
add('node.k8s.io/v1beta1', ['RuntimeClass'], { removedIn: '1.25', to: 'node.k8s.io/v1', convert: 'version' });
add('events.k8s.io/v1beta1', ['Event'], { removedIn: '1.25', to: 'events.k8s.io/v1', convert: 'none', note: { en: 'events.k8s.io/v1 renames and restricts several fields; convert by hand.', ru: 'в events.k8s.io/v1 ряд полей переименован и ограничен; переведите вручную.' } });
add('discovery.k8s.io/v1beta1', ['EndpointSlice'], { removedIn: '1.25', to: 'discovery.k8s.io/v1', convert: 'none', note: { en: 'discovery.k8s.io/v1 replaces topology with nodeName and zone; convert by hand.', ru: 'в discovery.k8s.io/v1 поле topology заменено на nodeName и zone; переведите вручную.' } });
// v1.26
add('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], { removedIn: '1.26', to: 'autoscaling/v2', convert: 'version' });
const FLOW_NOTE = {
  en: 'flowcontrol.apiserver.k8s.io/v1 renames assuredConcurrencyShares to nominalConcurrencyShares; convert by hand.',
  ru: 'в flowcontrol.apiserver.k8s.io/v1 assuredConcurrencyShares переименован в nominalConcurrencyShares; переведите вручную.',
};
add('flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], { removedIn: '1.26', to: 'flowcontrol.apiserver.k8s.io/v1', convert: 'none', note: FLOW_NOTE });
// v1.27
add('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], { removedIn: '1.27', to: 'storage.k8s.io/v1', convert: 'version' });
// v1.29
add('flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], { removedIn: '1.29', to: 'flowcontrol.apiserver.k8s.io/v1', convert: 'none', note: FLOW_NOTE });
// v1.32
add('flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], { removedIn: '1.32', to: 'flowcontrol.apiserver.k8s.io/v1', convert: 'version' });

/** Every kind some removed version served (the rule visits only these). */
export const KINDS_WITH_REMOVED_VERSIONS: readonly string[] = [...new Set([...table.keys()].map((k) => k.slice(k.indexOf(' ') + 1)))].sort();

export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return table.get(`${apiVersion} ${kind}`);
}
