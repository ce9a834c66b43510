import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';

function kindOf(p: string, text: string, languageId = '', exists: (f: string) => boolean = () => false) {
  const d = new OpsDocument({ uri: 'file://' + p, text, languageId, exists });
  return { kind: d.kind, docs: d.classification.documentKinds };
}

describe('classifyDocument', () => {
  it('Dockerfiles by name and languageId', () => {
    for (const p of ['/a/Dockerfile', '/a/Dockerfile.prod', '/a/api.dockerfile', '/a/Containerfile', '/a/dockerfile']) {
      assert.strictEqual(kindOf(p, 'FROM alpine\n').kind, 'dockerfile', p);
    }
    assert.strictEqual(kindOf('/a/build-image', 'FROM alpine\n', 'dockerfile').kind, 'dockerfile');
    assert.strictEqual(kindOf('/a/Dockerfile.yaml', 'a: 1\n').kind, 'generic');
    assert.strictEqual(kindOf('/a/.dockerignore', 'node_modules\n').kind, 'generic');
  });

  it('Compose by name, languageId or content', () => {
    const compose = 'services:\n  web:\n    image: nginx:1.27\n';
    assert.strictEqual(kindOf('/a/docker-compose.yml', compose).kind, 'compose');
    assert.strictEqual(kindOf('/a/compose.yaml', compose).kind, 'compose');
    assert.strictEqual(kindOf('/a/stack.yml', compose).kind, 'compose');
    assert.strictEqual(kindOf('/a/docker-compose.override.yml', 'services:\n  web:\n    ports:\n      - "8080:80"\n').kind, 'compose');
    assert.strictEqual(kindOf('/a/whatever.yml', 'services:\n  web:\n    ports: ["80:80"]\n', 'dockercompose').kind, 'compose');
  });

  it('Kubernetes per document, multi-document files mixing kinds', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\nfoo: bar\n';
    const r = kindOf('/a/app.yaml', text);
    assert.strictEqual(r.kind, 'kubernetes');
    assert.deepStrictEqual(r.docs, ['kubernetes', 'kubernetes', 'generic']);
    assert.strictEqual(kindOf('/a/list.yaml', 'apiVersion: v1\nkind: List\nitems: []\n').kind, 'kubernetes');
  });

  it('custom resources are not Kubernetes objects the notes cover', () => {
    assert.strictEqual(kindOf('/a/cert.yaml', 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: x\n').kind, 'generic');
  });

  it('Helm templates: files under templates/ of a folder with Chart.yaml', () => {
    const exists = (f: string) => f === '/repo/chart/Chart.yaml';
    const tpl = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\n{{- if .Values.x }}\n  labels: {}\n{{- end }}\n';
    assert.strictEqual(kindOf('/repo/chart/templates/deployment.yaml', tpl, '', exists).kind, 'helm-template');
    assert.strictEqual(kindOf('/repo/other/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', '', exists).kind, 'kubernetes');
    assert.strictEqual(kindOf('/repo/chart/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 0.1.0\n', '', exists).kind, 'helm-chart');
    assert.strictEqual(kindOf('/repo/chart/values.yaml', 'replicaCount: 1\n', '', exists).kind, 'helm-values');
  });

  it('ansible.cfg and playbooks', () => {
    assert.strictEqual(kindOf('/a/ansible.cfg', '[defaults]\nstrategy = linear\n').kind, 'ansible-cfg');
    assert.strictEqual(kindOf('/a/site.yml', '- hosts: all\n  tasks:\n    - ansible.builtin.ping:\n').kind, 'ansible-playbook');
  });
});
