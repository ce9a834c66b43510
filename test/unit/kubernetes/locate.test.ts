// The Kubernetes/Helm locator: candidate key order, hover ranges, and the places it must stay
// silent. Positions come from text searches, never from hard-coded columns.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { candidateKeys } from '../../../server/src/locate';

function docOf(path: string, text: string, chart = false) {
  const exists = (p: string) => chart && p.endsWith('/chart/Chart.yaml');
  return new OpsDocument({ uri: 'file://' + path, path, text, exists });
}

function at(doc: OpsDocument, marked: string, occurrence = 1) {
  const bar = marked.indexOf('|');
  const needle = marked.replace('|', '');
  let i = -1;
  for (let n = 0; n < occurrence; n++) i = doc.text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `"${needle}" in the text`);
  return candidateKeys(doc, i + bar);
}

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          livenessProbe:',
  '            httpGet:',
  '              path: /healthz',
  '              port: 80',
  '            timeoutSeconds: 2',
  '',
].join('\n');

describe('locateKubernetes', () => {
  it('orders candidates value -> field -> parent, container and probe spellings at each level', () => {
    const doc = docOf('/m/web.yaml', DEPLOYMENT);
    assert.deepStrictEqual(at(doc, 'pa|th: /healthz')?.keys, [
      'k8s.container.livenessProbe.httpGet.path',
      'k8s.probe.httpGet.path',
      'k8s.container.livenessProbe.httpGet',
      'k8s.probe.httpGet',
      'k8s.container.livenessProbe',
    ]);
    assert.deepStrictEqual(at(doc, 'timeout|Seconds')?.keys, [
      'k8s.container.livenessProbe.timeoutSeconds',
      'k8s.probe.timeoutSeconds',
      'k8s.container.livenessProbe',
    ]);
  });

  it('the hover range is the token under the cursor', () => {
    const doc = docOf('/m/web.yaml', DEPLOYMENT);
    const l = at(doc, 'liveness|Probe')!;
    assert.strictEqual(doc.text.slice(l.start, l.end), 'livenessProbe');
  });

  it('names and images say nothing; the kind is a candidate only for top-level fields', () => {
    const doc = docOf('/m/web.yaml', DEPLOYMENT);
    assert.deepStrictEqual(at(doc, 'name: w|eb')?.keys, ['k8s.Deployment.metadata.name=web', 'k8s.metadata.name=web']);
    assert.deepStrictEqual(at(doc, 'image: ngi|nx')?.keys, ['k8s.container.image=nginx:1.27']);
    assert.deepStrictEqual(at(doc, 'sp|ec:\n  template')?.keys, ['k8s.Deployment.spec', 'k8s.Deployment']);
  });

  it('CronJob job fields are Job fields, StatefulSet claim templates are claims', () => {
    const cron = docOf('/m/c.yaml', 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      backoffLimit: 2\n');
    assert.deepStrictEqual(at(cron, 'backoff|Limit')?.keys, [
      'k8s.CronJob.spec.jobTemplate.spec.backoffLimit',
      'k8s.Job.spec.backoffLimit',
      'k8s.CronJob.spec.jobTemplate.spec',
      'k8s.CronJob.spec.jobTemplate',
      'k8s.CronJob.spec',
    ]);
    const sts = docOf('/m/s.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  volumeClaimTemplates:\n    - spec:\n        accessModes: [ReadWriteOnce]\n');
    assert.deepStrictEqual(at(sts, '[ReadWrite|Once]')?.keys.slice(0, 2), [
      'k8s.StatefulSet.spec.volumeClaimTemplates.spec.accessModes=ReadWriteOnce',
      'k8s.PersistentVolumeClaim.spec.accessModes=ReadWriteOnce',
    ]);
  });

  it('a hook annotation value is read item by item', () => {
    const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  annotations:\n    "helm.sh/hook": "pre-install, pre-upgrade"\n';
    const doc = docOf('/m/j.yaml', text);
    const l = at(doc, 'pre-upg|rade')!;
    assert.deepStrictEqual(l.keys, ['helm.hook=pre-upgrade', 'helm.hook']);
    assert.strictEqual(text.slice(l.start, l.end), 'pre-upgrade');
  });

  it('kind: List items are objects; custom resources in it are not', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    spec:\n      type: NodePort\n  - apiVersion: tekton.dev/v1\n    kind: Task\n    spec:\n      steps: []\n';
    const doc = docOf('/m/l.yaml', text);
    assert.deepStrictEqual(at(doc, 'type: Node|Port')?.keys, ['k8s.Service.spec.type=NodePort', 'k8s.Service.spec.type']);
    assert.strictEqual(at(doc, 'ste|ps'), undefined);
    assert.strictEqual(at(doc, 'ite|ms'), undefined);
  });

  it('apiVersion values lead to the notes only when clusters no longer serve them', () => {
    const old = docOf('/m/i.yaml', 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\n');
    assert.deepStrictEqual(at(old, 'v1be|ta1')?.keys, ['k8s.apiVersion=networking.k8s.io/v1beta1', 'k8s.apiVersion']);
    const current = docOf('/m/i.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\n');
    assert.deepStrictEqual(at(current, 'k8s.io/|v1')?.keys, ['k8s.apiVersion=networking.k8s.io/v1']);
  });

  it('Helm templates: structure around templates is read, the templates themselves are not', () => {
    const text = [
      'apiVersion: {{ include "app.deployment.apiVersion" . }}',
      'kind: Deployment',
      'spec:',
      '  replicas: {{ .Values.replicaCount }}',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          resources:',
      '            {{- toYaml .Values.resources | nindent 12 }}',
      '',
    ].join('\n');
    const doc = docOf('/repo/chart/templates/deployment.yaml', text, true);
    assert.strictEqual(doc.kind, 'helm-template');
    assert.strictEqual(at(doc, '.Values.replica|Count'), undefined);
    const res = at(doc, 'reso|urces:')!;
    assert.deepStrictEqual(res.keys, ['k8s.container.resources']);
    assert.match(res.facts![0].en, /cannot be computed here/);
    assert.strictEqual(at(doc, 'toYaml .Values.reso|urces'), undefined);
  });

  it('Chart.yaml and values.yaml beside it', () => {
    const chart = docOf('/repo/chart/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 0.1.0\n', true);
    assert.deepStrictEqual(at(chart, 'ver|sion: 0.1.0')?.keys, ['helm.chart.version', 'helm.chart']);
    const values = docOf('/repo/chart/values.yaml', 'kind: Deployment\napiVersion: apps/v1\nimage:\n  tag: "1.0"\n', true);
    assert.strictEqual(values.kind, 'helm-values');
    assert.deepStrictEqual(at(values, 'ima|ge:')?.keys, ['helm.values.image', 'helm.values']);
    assert.deepStrictEqual(at(values, 'ta|g:')?.keys, ['helm.values.image.tag', 'helm.values.image']);
  });

  it('CRLF: ranges are offsets into the text as written', () => {
    const text = DEPLOYMENT.replace(/\n/g, '\r\n');
    const doc = docOf('/m/web.yaml', text);
    const l = at(doc, 'http|Get')!;
    assert.strictEqual(text.slice(l.start, l.end), 'httpGet');
    assert.deepStrictEqual(doc.rangeOf(l.start, l.end).start, { line: 11, character: 12 });
  });
});
