// What it does: flags a ClusterRoleBinding or RoleBinding whose roleRef is the cluster-admin
//   ClusterRole.
// Why: the notes (slurm-notes.md:601-603, 648, 726): bindings attach a role's rights to users and service
//   accounts; cluster-admin is every right on every object (through a ClusterRoleBinding, in
//   every namespace; through a RoleBinding, everything in one namespace, Secrets and RBAC
//   included). A pod running with it owns the cluster if compromised. The notes recall Helm 2's
//   Tiller, installed with exactly such privileges, as the reason it was removed.
// Example: `roleRef: {kind: ClusterRole, name: cluster-admin}` for a ServiceAccount.
// Fix safety: none (a narrower role has to be written).
import { getNode, scalarString } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { templated } from './_template';
import { range } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-rbac-cluster-admin-binding',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.ClusterRoleBinding',
  docs: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
  fixSafety: 'none',
  description: {
    en: 'A binding grants the cluster-admin role',
    ru: 'Привязка выдаёт роль cluster-admin',
  },
  messages: {
    cluster: {
      en: 'This ClusterRoleBinding grants cluster-admin: every right on every object of the cluster, Secrets and RBAC included. Bind a role that lists only what the subject needs.',
      ru: 'Этот ClusterRoleBinding выдаёт cluster-admin — все права на все объекты кластера, включая секреты и RBAC. Привяжите роль, в которой перечислено только необходимое.',
    },
    namespace: {
      en: 'This RoleBinding grants cluster-admin within its namespace: every right on every object there, Secrets and RBAC included. Bind a role that lists only what the subject needs.',
      ru: 'Этот RoleBinding выдаёт cluster-admin в своём неймспейсе — все права на все его объекты, включая секреты и RBAC. Привяжите роль, в которой перечислено только необходимое.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['ClusterRoleBinding', 'RoleBinding'],
  visit: {
    k8sObject(obj, ctx) {
      const roleRef = getNode(obj.root, 'roleRef');
      const name = getNode(roleRef, 'name');
      if (scalarString(name) !== 'cluster-admin' || templated(ctx.doc, name) || scalarString(getNode(roleRef, 'kind')) !== 'ClusterRole') return;
      const r = range(name)!;
      ctx.report({ messageId: obj.kind === 'ClusterRoleBinding' ? 'cluster' : 'namespace', start: r[0], end: r[1] });
    },
  },
});
