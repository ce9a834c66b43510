// Which API group each built-in resource lives in, for RBAC rules. Only groups whose resource
// lists we know completely are judged: `pods` under metrics.k8s.io, or `services` under
// serving.knative.dev, are real resources of other groups and are never flagged.
const GROUPS: Record<string, string[]> = {
  '': [
    'bindings', 'componentstatuses', 'configmaps', 'endpoints', 'events', 'limitranges', 'namespaces', 'nodes', 'persistentvolumeclaims',
    'persistentvolumes', 'pods', 'podtemplates', 'replicationcontrollers', 'resourcequotas', 'secrets', 'serviceaccounts', 'services',
  ],
  apps: ['controllerrevisions', 'daemonsets', 'deployments', 'replicasets', 'statefulsets'],
  batch: ['cronjobs', 'jobs'],
  autoscaling: ['horizontalpodautoscalers'],
  policy: ['poddisruptionbudgets', 'podsecuritypolicies'],
  'networking.k8s.io': ['ingressclasses', 'ingresses', 'networkpolicies', 'ipaddresses', 'servicecidrs'],
  extensions: ['daemonsets', 'deployments', 'ingresses', 'networkpolicies', 'podsecuritypolicies', 'replicasets', 'replicationcontrollers'],
  'rbac.authorization.k8s.io': ['clusterrolebindings', 'clusterroles', 'rolebindings', 'roles'],
  'storage.k8s.io': ['csidrivers', 'csinodes', 'csistoragecapacities', 'storageclasses', 'volumeattachments', 'volumeattributesclasses'],
  'apiextensions.k8s.io': ['customresourcedefinitions'],
  'admissionregistration.k8s.io': ['mutatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings', 'validatingwebhookconfigurations'],
  'apiregistration.k8s.io': ['apiservices'],
  'coordination.k8s.io': ['leases'],
  'discovery.k8s.io': ['endpointslices'],
  'scheduling.k8s.io': ['priorityclasses'],
  'certificates.k8s.io': ['certificatesigningrequests', 'clustertrustbundles'],
  'node.k8s.io': ['runtimeclasses'],
  'events.k8s.io': ['events'],
  'authentication.k8s.io': ['tokenreviews', 'selfsubjectreviews'],
  'authorization.k8s.io': ['localsubjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'subjectaccessreviews'],
  'flowcontrol.apiserver.k8s.io': ['flowschemas', 'prioritylevelconfigurations'],
};

const home = new Map<string, string[]>();
for (const [group, resources] of Object.entries(GROUPS)) {
  for (const r of resources) home.set(r, [...(home.get(r) ?? []), group]);
}

/** Whether we know every resource of a group. */
export function knownGroup(group: string): boolean {
  return group in GROUPS;
}

/** The built-in groups a resource (without subresource) belongs to, or undefined. */
export function groupsOf(resource: string): string[] | undefined {
  return home.get(resource);
}

/** Preferred group for a resource (the current one: apps over extensions). */
export function preferredGroup(resource: string): string | undefined {
  const g = home.get(resource);
  return g?.find((x) => x !== 'extensions') ?? g?.[0];
}
