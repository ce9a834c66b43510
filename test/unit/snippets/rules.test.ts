// Every snippet, inserted where the server offers it and expanded with its default values,
// parses and passes ALL our rules: zero findings. Kubernetes snippets use only current API
// versions. A rule that reads other files sees the other Kubernetes snippets as the rest of
// the workspace (the Service's pods, the Ingress's Service), as in a real project.
import * as assert from 'assert';
import * as path from 'path';
import { OpsDocument } from '../../../server/src/documents/document';
import { isMap, stringAt } from '../../../server/src/documents/yaml';
import { runRules } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/registry';
import { WorkspaceView } from '../../../server/src/rules/workspace';
import { loadSnippets, Snippet } from '../../../server/src/snippets/catalog';
import { COMPLETION_FIXTURES, document, insertInto } from './hosts';

/** apiVersion of every kind the snippets write, as served by Kubernetes 1.25 and later. */
const CURRENT_APIS: Record<string, string> = {
  Namespace: 'v1',
  Pod: 'v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  ServiceAccount: 'v1',
  PersistentVolume: 'v1',
  PersistentVolumeClaim: 'v1',
  Deployment: 'apps/v1',
  DaemonSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
};

/**
 * Findings a file carries whatever its content: the override file's information note on how
 * Compose applies it (compose-override-file) sits on its first key, not on what we wrote.
 */
const ABOUT_THE_FILE: Record<string, string[]> = { 'compose-override': ['compose-override-file'] };

function describeFindings(doc: OpsDocument, findings: ReturnType<typeof runRules>): string {
  return findings.map((f) => `  ${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message.en}`).join('\n') + `\n--- ${path.basename(doc.path)}\n${doc.text}`;
}

describe('snippets pass our own rules', () => {
  const { snippets, problems } = loadSnippets();
  const k8sTop = snippets.filter((s) => s.contexts.includes('k8s.top'));
  let projectDocs: Map<Snippet, OpsDocument> | undefined;
  const project = () =>
    (projectDocs ??= new Map(k8sTop.map((s) => [s, document(path.join(COMPLETION_FIXTURES, 'k8s', `${s.id}.yaml`), insertInto('k8s.top', s, snippets).text, 'yaml')])));
  const workspaceFor = (self: Snippet): WorkspaceView => ({ documents: () => [...project()].filter(([s]) => s !== self).map(([, d]) => d) });

  it('the catalog reads without problems', () => {
    assert.deepStrictEqual(problems, []);
    assert.ok(snippets.length >= 60, `${snippets.length} snippets`);
  });

  for (const s of snippets) {
    for (const context of s.contexts) {
      it(`${s.id} in ${context}`, () => {
        const doc = insertInto(context, s, snippets);
        if (doc.kind !== 'dockerfile' && doc.kind !== 'ansible-cfg') {
          assert.deepStrictEqual(doc.yaml.errors, [], `YAML errors in\n${doc.text}`);
          assert.ok(doc.yamlDocuments().every((d) => d.kind !== 'generic'), `every document is classified:\n${doc.text}`);
        }
        if (doc.kind === 'dockerfile') assert.ok(doc.dockerfile.instructions.length > 1, doc.text);
        if (doc.kind === 'ansible-cfg') assert.ok(doc.ini.sections.some((x) => x.name === 'defaults' && x.entries.some((e) => e.key === 'strategy')), doc.text);
        const allowed = ABOUT_THE_FILE[s.id] ?? [];
        const thrown: string[] = [];
        const onRuleProblem = (ruleId: string, problem: string) => void (problem.startsWith('threw') && thrown.push(`${ruleId} ${problem.split('\n')[0]}`));
        const findings = runRules(doc, RULES, { workspace: workspaceFor(s), onRuleProblem }).filter((f) => !allowed.includes(f.ruleId));
        assert.deepStrictEqual(thrown, [], 'a rule that throws finds nothing');
        assert.strictEqual(findings.length, 0, `findings for ${s.id}:\n${describeFindings(doc, findings)}`);
        for (const id of allowed) assert.ok(runRules(doc, RULES).some((f) => f.ruleId === id), `${id} no longer fires on ${s.id}: drop the exception`);
      });
    }
  }

  it('Kubernetes snippets use current API versions only', () => {
    const seen: string[] = [];
    for (const s of k8sTop.concat(snippets.filter((x) => x.contexts.includes('helm.tests')))) {
      const doc = insertInto(s.contexts[0], s, snippets);
      for (const { document: d } of doc.yamlDocuments()) {
        const root = d.doc.contents;
        if (!isMap(root)) continue;
        const kind = stringAt(root, 'kind')!;
        const apiVersion = stringAt(root, 'apiVersion');
        assert.ok(kind in CURRENT_APIS, `${s.id}: ${kind} is not in the list of current APIs`);
        assert.strictEqual(apiVersion, CURRENT_APIS[kind], `${s.id}: ${kind}`);
        seen.push(kind);
      }
    }
    for (const kind of ['Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Ingress', 'Role', 'ClusterRoleBinding', 'Pod']) assert.ok(seen.includes(kind), kind);
  });
});
