// Checks across documents over LSP (push diagnostics): the workspace folder holds the other
// manifests; a Service's diagnostics follow a Deployment that is only on disk, and recompute
// when another open document changes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', '    app: web', '  ports:', '    - port: 80', ''].join('\n');

function deployment(app: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector:',
    `    matchLabels: {app: ${app}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${app}}`,
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27',
    '          resources: {requests: {cpu: 50m, memory: 64Mi}}',
    '',
  ].join('\n');
}

const INGRESS = [
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata:',
  '  name: web',
  'spec:',
  '  ingressClassName: nginx',
  '  defaultBackend:',
  '    service: {name: web-svc, port: {number: 80}}',
  '',
].join('\n');

const SELECTOR_RULE = 'kubernetes-service-selector-no-match';

describe('checks across documents over LSP', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-xdoc-'))));
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    client = new TestClient({ rootPath: dir });
    await client.initialize({ rootPath: dir, locale: 'en' });
  }

  /** Waits for a publication for `uri` at `version` that satisfies `test`. */
  function published(uri: string, version: number, test: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    return client.waitFor(() => {
      const p = client.diagnostics.get(uri);
      return p && p.version === version && test(p.diagnostics) ? p.diagnostics : undefined;
    }, what);
  }

  const selectorFindings = (d: Diagnostic[]) => d.filter((x) => x.code === SELECTOR_RULE);

  it('reads the workspace folder: a Deployment on disk matches the open Service, a changed one does not', async () => {
    fs.writeFileSync(path.join(dir, 'deployment.yaml'), deployment('web'));
    fs.writeFileSync(path.join(dir, 'service.yaml'), SERVICE);
    await start();
    const svc = await client.open(path.join(dir, 'service.yaml'), 'yaml', SERVICE, 1);
    const first = await client.pushedDiagnostics(svc, 1);
    assert.deepStrictEqual(selectorFindings(first), [], 'the Deployment on disk carries app=web');

    // Another open document changes: the Service is re-diagnosed against the new text.
    const dep = await client.open(path.join(dir, 'deployment.yaml'), 'yaml', deployment('web'), 1);
    await client.pushedDiagnostics(dep, 1);
    client.diagnostics.delete(svc);
    await client.change(dep, 2, deployment('webapp'));
    const after = await published(svc, 1, (d) => selectorFindings(d).length === 1, 'the Service warning after the Deployment changed');
    const [w] = selectorFindings(after);
    assert.strictEqual(w.severity, 2, 'a warning: the workload is in the same folder');
    assert.deepStrictEqual(w.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } });
    assert.match(String(w.message), /app=web/);

    // And back: the warning goes away.
    client.diagnostics.delete(svc);
    await client.change(dep, 3, deployment('web'));
    await published(svc, 1, (d) => selectorFindings(d).length === 0, 'no Service warning after the change back');
  });

  it('an Ingress backend naming a Service that appears in another open document', async () => {
    fs.writeFileSync(path.join(dir, 'service.yaml'), SERVICE);
    await start();
    const ing = await client.open(path.join(dir, 'ingress.yaml'), 'yaml', INGRESS, 1);
    const before = await client.pushedDiagnostics(ing, 1);
    const missing = before.filter((d) => d.code === 'kubernetes-ingress-service-missing');
    assert.strictEqual(missing.length, 1);
    assert.match(String(missing[0].message), /web-svc/);
    assert.strictEqual(missing[0].severity, 3, 'information');

    const other = await client.open(path.join(dir, 'more.yaml'), 'yaml', SERVICE.replace('name: web', 'name: web-svc'), 1);
    await client.pushedDiagnostics(other, 1);
    client.diagnostics.delete(ing);
    await client.change(other, 2, SERVICE.replace('name: web', 'name: web-svc').replace('port: 80', 'port: 8080'));
    await published(ing, 1, (d) => !d.some((x) => x.code === 'kubernetes-ingress-service-missing'), 'the Ingress finding gone once web-svc exists');
  });
});
