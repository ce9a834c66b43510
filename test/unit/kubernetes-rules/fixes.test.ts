// Fixes of the Kubernetes and Helm rules beyond the fixtures' snapshots (which apply only the
// first fix of each finding): second fixes, the range each fix selects for editing, CRLF and
// flow-style documents, and edits that must not touch comments.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { Finding, runRules } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/registry';
import { Fix } from '../../../server/src/rules/types';
import { applyEdits } from '../../../server/src/util/text';

function doc(text: string, path = '/ws/app/deploy.yaml'): OpsDocument {
  return new OpsDocument({ uri: `file://${path}`, path, text, languageId: 'yaml' });
}

function findings(d: OpsDocument, ruleId: string): Finding[] {
  return runRules(d, RULES).filter((f) => f.ruleId === ruleId);
}

/** The fixed text and the text the fix selects in it. */
function apply(d: OpsDocument, fix: Fix): { text: string; selected?: string } {
  const text = applyEdits(d.text, fix.edits);
  return { text, selected: fix.select && text.slice(fix.select.start, fix.select.end) };
}

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: billing',
  '  namespace: payments',
  'spec:',
  '  selector:',
  '    matchLabels: {app: billing}',
  '  template:',
  '    metadata:',
  '      labels: {app: billing}',
  '    spec:',
  '      containers:',
  '        - name: billing',
  '          image: registry.example.com/billing:2.3.0',
  '          env:',
  '            - name: DB_PASSWORD # from the vault, temporarily',
  '              value: "S3cr3t!"',
  '          resources: {requests: {cpu: 100m, memory: 128Mi}}',
  '',
].join('\n');

describe('kubernetes rules: fixes', () => {
  it('secret env: the first fix rewires the variable and selects the derived Secret name', () => {
    const d = doc(DEPLOYMENT);
    const [f] = findings(d, 'kubernetes-secret-in-env');
    const { text, selected } = apply(d, f.fixes()[0]);
    assert.strictEqual(selected, 'billing-secret');
    assert.ok(
      text.includes(
        [
          '            - name: DB_PASSWORD # from the vault, temporarily',
          '              valueFrom:',
          '                secretKeyRef:',
          '                  name: billing-secret',
          '                  key: db-password',
          '          resources:',
        ].join('\n'),
      ),
      text,
    );
  });

  it('secret env: the second fix also appends the Secret (with the namespace), keeping the value', () => {
    const d = doc(DEPLOYMENT);
    const [f] = findings(d, 'kubernetes-secret-in-env');
    const second = f.fixes()[1];
    const { text, selected } = apply(d, second);
    assert.strictEqual(selected, 'billing-secret');
    assert.ok(
      text.endsWith(['---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: billing-secret', '  namespace: payments', 'type: Opaque', 'stringData:', '  db-password: "S3cr3t!"', ''].join('\n')),
      text,
    );
    // Applied again on the result, a second variable goes into the same Secret.
    const again = doc(text.replace('- name: DB_PASSWORD # from the vault, temporarily', '- name: API_TOKEN\n              value: tok-123\n            - name: DB_PASSWORD'));
    const [g] = findings(again, 'kubernetes-secret-in-env');
    const out = apply(again, g.fixes()[1]).text;
    assert.ok(out.endsWith('stringData:\n  db-password: "S3cr3t!"\n  api-token: tok-123\n'), out);
    assert.strictEqual(out.split('kind: Secret').length, 2, 'one Secret');
  });

  it('secret env: a templated workload name keeps its template in the Secret name', () => {
    const d = doc(DEPLOYMENT.replace('  name: billing\n', '  name: {{ include "billing.fullname" . }}\n'), '/ws/chart/templates/deploy.yaml');
    const [f] = findings(d, 'kubernetes-secret-in-env');
    assert.strictEqual(apply(d, f.fixes()[0]).selected, '{{ include "billing.fullname" . }}-secret');
  });

  it('keeps CRLF line endings in inserted blocks', () => {
    const d = doc(DEPLOYMENT.replace(/\n/g, '\r\n').replace('          env:', '          ports: [{name: http, containerPort: 8080}]\r\n          env:'));
    const [f] = findings(d, 'kubernetes-readiness-probe-missing');
    const fix = f.fixes()[0];
    const { text, selected } = apply(d, fix);
    assert.strictEqual(selected, '/');
    assert.ok(text.includes('[{name: http, containerPort: 8080}]\r\n          readinessProbe:\r\n            httpGet:\r\n              path: /\r\n              port: http\r\n'), JSON.stringify(text));
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
  });

  it('probe skeleton: tcpSocket for ports that do not look like HTTP, the port selected', () => {
    const d = doc(DEPLOYMENT.replace('          env:', '          ports:\n            - {name: postgres, containerPort: 5432}\n          env:'));
    const [f] = findings(d, 'kubernetes-liveness-probe-missing');
    const { text, selected } = apply(d, f.fixes()[0]);
    assert.strictEqual(selected, 'postgres');
    assert.ok(text.includes('          livenessProbe:\n            tcpSocket:\n              port: postgres\n            periodSeconds: 10\n            failureThreshold: 3\n          env:'), text);
  });

  it('inserts into flow maps in flow style', () => {
    const text = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec: {schedule: "*/5 * * * *", jobTemplate: {spec: {activeDeadlineSeconds: 60, template: {spec: {restartPolicy: Never, containers: [{name: x, image: busybox, resources: {requests: {cpu: 1m}}}]}}}}}\n';
    const d = doc(text);
    const [f] = findings(d, 'kubernetes-cronjob-concurrency-policy');
    assert.ok(apply(d, f.fixes()[0]).text.includes('spec: {schedule: "*/5 * * * *", concurrencyPolicy: Forbid, jobTemplate:'));
    const [g] = findings(d, 'kubernetes-cronjob-starting-deadline');
    const out = apply(d, g.fixes()[0]);
    assert.strictEqual(out.selected, '150');
    assert.ok(out.text.includes('"*/5 * * * *", startingDeadlineSeconds: 150, jobTemplate'));
  });

  it('ingress class: the last annotation takes the annotations key with it', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    # the old way',
      '    kubernetes.io/ingress.class: nginx',
      'spec:',
      '  # routes',
      '  defaultBackend:',
      '    service: {name: web, port: {number: 80}}',
      '',
    ].join('\n');
    const d = doc(text);
    const [f] = findings(d, 'kubernetes-ingress-class-annotation');
    assert.strictEqual(
      apply(d, f.fixes()[0]).text,
      ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', 'spec:', '  # routes', '  ingressClassName: nginx', '  defaultBackend:', '    service: {name: web, port: {number: 80}}', ''].join('\n'),
    );
  });

  it('daemonset replicas: removing the first pair of a flow map keeps the map valid', () => {
    const d = doc('apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: a}\nspec: {replicas: 2, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: a, image: a, resources: {requests: {cpu: 1m}}}]}}}\n');
    const [f] = findings(d, 'kubernetes-daemonset-replicas');
    assert.ok(apply(d, f.fixes()[0]).text.includes('spec: {selector: {matchLabels: {a: b}}, template:'));
  });

  it('helm test hook: creates the annotations map after the name when there is none', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "{{ .Release.Name }}-test"\n  labels: {app: t}\nspec:\n  restartPolicy: Never\n  containers:\n    - {name: t, image: busybox}\n';
    const d = new OpsDocument({ uri: 'file:///ws/chart/templates/tests/t.yaml', path: '/ws/chart/templates/tests/t.yaml', text, languageId: 'yaml', exists: (p) => p === '/ws/chart/Chart.yaml' });
    assert.strictEqual(d.kind, 'helm-template');
    const [f] = findings(d, 'helm-test-hook-missing');
    assert.ok(apply(d, f.fixes()[0]).text.includes('  name: "{{ .Release.Name }}-test"\n  annotations:\n    helm.sh/hook: test\n  labels: {app: t}\n'));
  });
});
