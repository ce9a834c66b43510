// What it does: flags "*" in the verbs or resources of a Role or ClusterRole rule.
// Why: the notes (slurm-notes.md:600, 640-641): RBAC is a list of resources and the verbs
//   allowed on them; a wildcard grants every verb (including delete, escalate, impersonate) or
//   every resource of the group, today's and those added later by CRDs and upgrades.
// Example: `verbs: ["*"]` -> list the verbs the subject needs (get, list, watch...).
// Fix safety: none (which verbs are needed only the author knows).
import { getNode, scalarString, seqItems } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { mayInject } from './_template';
import { range } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-rbac-wildcard',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.Role.rules.verbs',
  docs: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
  fixSafety: 'none',
  description: {
    en: 'An RBAC rule grants "*" verbs or resources',
    ru: 'Правило RBAC разрешает "*" в verbs или resources',
  },
  messages: {
    verbs: {
      en: 'verbs "*" allows every action on these resources, delete and escalate included, and any verb added later. List the verbs the subject needs (get, list, watch...).',
      ru: 'verbs "*" разрешает любые действия с этими ресурсами, включая delete и escalate, а также глаголы, которые появятся позже. Перечислите только нужные (get, list, watch…).',
    },
    resources: {
      en: 'resources "*" covers every resource of these API groups, including ones added later by CRDs and upgrades. List the resources the subject needs.',
      ru: 'resources "*" охватывает все ресурсы этих групп API, включая те, что позже добавят CRD и обновления. Перечислите только нужные ресурсы.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Role', 'ClusterRole'],
  visit: {
    k8sObject(obj, ctx) {
      const rules = getNode(obj.root, 'rules');
      if (mayInject(ctx.doc, rules)) return;
      for (const rule of seqItems(rules)) {
        for (const field of ['verbs', 'resources'] as const) {
          for (const item of seqItems(getNode(rule, field))) {
            if (scalarString(item) !== '*') continue;
            const r = range(item)!;
            ctx.report({ messageId: field, start: r[0], end: r[1] });
          }
        }
      }
    },
  },
});
