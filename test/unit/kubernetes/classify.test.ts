// Kubernetes/Helm parts of classification: manifests whose apiVersion a template computes,
// values.yaml whatever its keys, and only manifests counting inside a chart's templates/.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';

const inChart = (p: string) => p === '/repo/chart/Chart.yaml';

function classify(path: string, text: string) {
  const d = new OpsDocument({ uri: 'file://' + path, path, text, exists: inChart });
  return { kind: d.kind, docs: d.classification.documentKinds };
}

describe('classify Kubernetes and Helm', () => {
  it('a template-computed apiVersion with a built-in kind is a manifest', () => {
    const text = 'apiVersion: {{ include "common.capabilities.deployment.apiVersion" . }}\nkind: Deployment\nspec: {}\n';
    assert.deepStrictEqual(classify('/repo/chart/templates/deployment.yaml', text), { kind: 'helm-template', docs: ['kubernetes'] });
    const custom = 'apiVersion: {{ .Values.crdVersion }}\nkind: Certificate\nspec: {}\n';
    assert.deepStrictEqual(classify('/repo/chart/templates/cert.yaml', custom).docs, ['generic']);
  });

  it('in templates/ only manifests count: a task-list-looking document is generic', () => {
    const text = '- name: install\n  apt:\n    name: nginx\n---\napiVersion: v1\nkind: ConfigMap\ndata: {}\n';
    assert.deepStrictEqual(classify('/repo/chart/templates/tasks.yaml', text), { kind: 'helm-template', docs: ['generic', 'kubernetes'] });
  });

  it('values.yaml beside Chart.yaml is chart values even when it looks like a manifest or Compose', () => {
    assert.strictEqual(classify('/repo/chart/values.yaml', 'apiVersion: v1\nkind: ConfigMap\n').kind, 'helm-values');
    assert.strictEqual(classify('/repo/chart/values-prod.yaml', 'services:\n  web:\n    image: nginx\n').kind, 'helm-values');
    assert.strictEqual(classify('/repo/other/values.yaml', 'apiVersion: v1\nkind: ConfigMap\n').kind, 'kubernetes');
  });

  it('custom resources stay generic, Kubernetes built-ins do not', () => {
    assert.strictEqual(classify('/m/task.yaml', 'apiVersion: tekton.dev/v1\nkind: Task\nspec: {}\n').kind, 'generic');
    assert.strictEqual(classify('/m/wf.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec: {}\n').kind, 'generic');
    assert.strictEqual(classify('/m/np.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec: {}\n').kind, 'kubernetes');
  });
});
