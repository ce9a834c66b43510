// What it does: flags an RBAC rule listing a built-in resource under API groups it does not
//   belong to: `pods` or `secrets` under `apps`, `deployments` or `ingresses` under `""`.
//   Only judged when every listed group is a built-in one whose resources are all known (so
//   metrics.k8s.io `pods` or Knative `services` are left alone).
// Why: the notes (slurm-notes.md:609-639): a rule is resources within apiGroups; objects
//   that existed before API groups live in the core group "". A resource under the wrong group
//   grants nothing, and the mistake surfaces only as a 403 at run time.
// Example: `- apiGroups: [apps]  resources: [pods]` -> `apiGroups: [""]`.
// Fix safety: suggestion: replaces the group when the rule has one group and all its resources
//   belong to one other group; otherwise no fix (split the rule by hand).
import { Node, Scalar } from 'yaml';
import { getNode, isScalar, scalarString, seqItems } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { groupsOf, knownGroup, preferredGroup } from './_rbac';
import { mayInject, templated } from './_template';
import { range, replaceScalar, toTextEdits } from './_yamlEdit';

type Args = { resource: string; listed: string; group: string; listedRu: string; groupRu: string };

const show = (g: string) => (g === '' ? '"" (core)' : g);
const showRu = (g: string) => (g === '' ? '"" (core, основная группа)' : g);

export default defineRule({
  id: 'kubernetes-rbac-api-group-mismatch',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.Role.rules.apiGroups',
  docs: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#role-examples',
  fixSafety: 'suggestion',
  description: {
    en: 'An RBAC rule lists a resource under an API group it does not belong to',
    ru: 'В правиле RBAC ресурс указан не в своей группе API',
  },
  messages: {
    wrongGroup: {
      en: (a: Args) => `${a.resource} is not in API group ${a.listed}: it lives in ${a.group}. This rule grants nothing for it; requests will get 403 Forbidden.`,
      ru: (a: Args) =>
        `${a.resource} нет в группе API ${a.listedRu}: этот ресурс находится в группе ${a.groupRu}. Правило ничего на него не разрешает, запросы получат 403 Forbidden.`,
    },
    coreName: {
      en: (a: { name: string }) => `The core API group is written "" in RBAC rules; "${a.name}" is no group, so this rule grants nothing for core resources.`,
      ru: (a: { name: string }) => `Основная группа API в правилах RBAC записывается как ""; группы «${a.name}» не существует, и правило ничего не разрешает на основные ресурсы.`,
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Role', 'ClusterRole'],
  visit: {
    k8sObject(obj, ctx) {
      const rules = getNode(obj.root, 'rules');
      if (mayInject(ctx.doc, rules)) return;
      for (const rule of seqItems(rules)) {
        const groupsNode = getNode(rule, 'apiGroups');
        const resourcesNode = getNode(rule, 'resources');
        if (!groupsNode || !resourcesNode || templated(ctx.doc, groupsNode) || templated(ctx.doc, resourcesNode) || mayInject(ctx.doc, rule)) continue;
        const groupItems = seqItems(groupsNode).filter(isScalar) as Scalar[];
        const groups = groupItems.map((g) => scalarString(g) ?? '');
        for (const g of groupItems) {
          const name = scalarString(g);
          if (name !== 'core' && name !== 'v1') continue;
          const r = range(g)!;
          ctx.report({ messageId: 'coreName', args: { name }, start: r[0], end: r[1], fix: () => ({ title: { en: 'Use ""', ru: 'Заменить на ""' }, edits: toTextEdits(ctx.doc, [replaceScalar(g, '')]) }) });
        }
        if (!groups.length || groups.some((g) => g === '*' || !knownGroup(g))) continue;
        const wrong: { node: Node; resource: string; home: string[] }[] = [];
        for (const r of seqItems(resourcesNode)) {
          const full = scalarString(r);
          if (!full || full === '*') continue;
          const resource = full.split('/')[0];
          const home = groupsOf(resource);
          if (!home || home.some((g) => groups.includes(g))) continue;
          wrong.push({ node: r, resource: full, home });
        }
        const targets = new Set(wrong.map((w) => preferredGroup(w.resource.split('/')[0])));
        const single = groupItems.length === 1 && wrong.length === seqItems(resourcesNode).filter((r) => scalarString(r) !== '*').length && targets.size === 1;
        for (const w of wrong) {
          const r = range(w.node)!;
          const group = preferredGroup(w.resource.split('/')[0])!;
          ctx.report({
            messageId: 'wrongGroup',
            args: { resource: w.resource, listed: groups.map(show).join(', '), group: show(group), listedRu: groups.map(showRu).join(', '), groupRu: showRu(group) },
            start: r[0],
            end: r[1],
            fix: single
              ? () => ({ title: { en: `Use API group ${show(group)}`, ru: `Указать группу API ${showRu(group)}` }, edits: toTextEdits(ctx.doc, [replaceScalar(groupItems[0], group)]) })
              : undefined,
          });
        }
      }
    },
  },
});
