// Context completion over stdio: at a dozen positions in real-looking files (a container, a
// pod spec, a Compose service, an Ansible task list, a Dockerfile line, a Helm template,
// ansible.cfg, generic YAML) the server offers exactly the snippets that fit, and applying an
// item's textEdit (expanded with its defaults, as an editor would) leaves correctly indented
// text that still parses.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CompletionItem, CompletionList, InsertTextFormat, InsertTextMode } from 'vscode-languageserver-protocol';
import { OpsDocument } from '../../server/src/documents/document';
import { expandSnippet } from '../../server/src/snippets/syntax';
import { pathToUri, REPO, TestClient } from '../helpers/lspClient';

const FIXTURES = path.join(REPO, 'test', 'fixtures');
const C = path.join(FIXTURES, 'completion');

const CONTAINER = [
  'livenessProbe-httpGet', 'livenessProbe-tcpSocket', 'livenessProbe-exec', 'readinessProbe-httpGet', 'readinessProbe-tcpSocket', 'readinessProbe-exec',
  'startupProbe-httpGet', 'startupProbe-tcpSocket', 'startupProbe-exec', 'resources', 'env-secretKeyRef', 'env-configMapKeyRef', 'envFrom', 'volumeMounts-configMap',
];
const OBJECTS = [
  'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Service-ClusterIP', 'Service-NodePort', 'Service-LoadBalancer', 'Service-ExternalName',
  'Service-headless', 'Ingress', 'ConfigMap', 'Secret-generic', 'Secret-tls', 'Secret-docker-registry', 'PersistentVolume', 'PersistentVolumeClaim',
  'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'ServiceAccount',
];
const TASKS = ['task-notify', 'task-template', 'task-package', 'task-service'];
const DOCKERFILE = ['RUN-apt-get-install', 'RUN-pip-install', 'deps-first-python', 'deps-first-node', 'FROM-multi-stage', 'ENTRYPOINT-CMD', 'RUN-nginx-logs', 'ARG-BUILD_PACKAGES', 'RUN-set-ex'];

/** A fixture with `insert` added after the end of the line holding `after`; the cursor ends the insert. */
function edited(file: string, after: string, insert: string): { text: string; offset: number } {
  const base = fs.readFileSync(file, 'utf8');
  const at = base.indexOf(after);
  assert.ok(at >= 0, `"${after}" in ${file}`);
  const eol = base.indexOf('\n', at);
  const cut = eol < 0 ? base.length : eol;
  return { text: base.slice(0, cut) + insert + base.slice(cut), offset: cut + insert.length };
}

function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

/** What an editor does with a snippet item: replace its range with the expanded snippet. */
function apply(text: string, item: CompletionItem): string {
  const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + expandSnippet(edit.newText) + text.slice(offset(edit.range.end));
}

describe('context completion over LSP', () => {
  let client: TestClient;
  const versions = new Map<string, number>();
  before(async () => {
    client = new TestClient({ rootPath: C });
    await client.initialize({ rootPath: C, locale: 'en', initializationOptions: { client: 'vscode' } });
  });
  after(async () => client?.stop());

  async function complete(file: string, languageId: string, text: string, offset: number): Promise<CompletionItem[]> {
    const uri = pathToUri(file);
    const v = (versions.get(uri) ?? 0) + 1;
    versions.set(uri, v);
    if (v === 1) await client.open(file, languageId, text, v);
    else await client.change(uri, v, text);
    const r = await client.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const item = (items: CompletionItem[], label: string) => {
    const found = items.find((i) => i.label === label);
    assert.ok(found, `${label} among ${labels(items).join(', ')}`);
    return found;
  };

  it('inside a container: probe, resources, env and volumeMount snippets; inserting one indents it under the container', async () => {
    const file = path.join(C, 'k8s', 'shop.yaml');
    const { text, offset } = edited(file, '              memory: 512Mi', '\n          vol');
    const items = await complete(file, 'yaml', text, offset);
    assert.deepStrictEqual(labels(items), CONTAINER.filter((l) => !/^(liveness|readiness)Probe|^resources$/.test(l)));
    const mount = item(items, 'volumeMounts-configMap');
    assert.strictEqual(mount.insertTextFormat, InsertTextFormat.Snippet);
    assert.strictEqual(mount.insertTextMode, InsertTextMode.asIs);
    assert.deepStrictEqual(mount.data, { snippet: 'volumeMounts-configMap' });
    const docs = (mount.documentation as { value: string }).value;
    assert.match(docs, /^```yaml\nvolumeMounts:\n  - name: config\n/);
    assert.match(docs, /\[slurm-notes\.md:333\]\(command:opsnotes\.openNote\?/);
    assert.match(docs, /Mounting - via VolumeMounts\./);
    const result = apply(text, mount);
    assert.strictEqual(result, edited(file, '              memory: 512Mi', '\n          volumeMounts:\n            - name: config\n              mountPath: /etc/app\n              readOnly: true').text);
    assert.deepStrictEqual(new OpsDocument({ uri: pathToUri(file), text: result }).yaml.errors, []);
  });

  it('inside a pod spec: initContainers, tolerations, affinity, dnsConfig, volumes', async () => {
    const file = path.join(C, 'k8s', 'shop.yaml');
    const { text, offset } = edited(file, '      serviceAccountName: shop', '\n      ');
    const items = await complete(file, 'yaml', text, offset);
    assert.deepStrictEqual(labels(items), ['volumes-configMap', 'initContainers', 'tolerations', 'nodeAffinity-required', 'nodeAffinity-preferred', 'podAntiAffinity-hostname', 'dnsConfig-ndots']);
    const result = apply(text, item(items, 'dnsConfig-ndots'));
    assert.strictEqual(result, edited(file, '      serviceAccountName: shop', '\n      dnsConfig:\n        options:\n          - name: ndots\n            value: "2"').text);
  });

  it('on a `- ` line of a new env list the item aligns after the dash', async () => {
    const file = path.join(C, 'k8s', 'shop.yaml');
    const { text, offset } = edited(file, '              memory: 512Mi', '\n          env:\n            - ');
    const items = await complete(file, 'yaml', text, offset);
    assert.deepStrictEqual(labels(items), ['env-secretKeyRef', 'env-configMapKeyRef']);
    const result = apply(text, item(items, 'env-secretKeyRef'));
    assert.strictEqual(
      result,
      edited(file, '              memory: 512Mi', '\n          env:\n            - name: DATABASE_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: app-secrets\n                  key: database-password').text,
    );
  });

  it('at the top of a new `---` document of a manifest: the Kubernetes objects', async () => {
    const file = path.join(C, 'k8s', 'shop.yaml');
    const { text, offset } = edited(file, '      targetPort: http', '\n---\nIng');
    const items = await complete(file, 'yaml', text, offset);
    assert.deepStrictEqual(labels(items), OBJECTS);
    const result = apply(text, item(items, 'Ingress'));
    const doc = new OpsDocument({ uri: pathToUri(file), path: file, text: result });
    assert.deepStrictEqual(doc.yaml.errors, []);
    assert.deepStrictEqual(doc.yamlDocuments().map((d) => d.kind), ['kubernetes', 'kubernetes', 'kubernetes']);
    assert.ok(result.includes('      targetPort: http\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: app\nspec:\n  ingressClassName: nginx\n  tls:\n    - hosts:\n        - app.example.com\n      secretName: app-tls\n  rules:\n'));
  });

  it('in a Helm template: container snippets between template lines; the test pod in templates/tests', async () => {
    const file = path.join(C, 'chart', 'templates', 'deployment.yaml');
    const { text, offset } = edited(file, '          {{- end }}', '\n          ');
    const items = await complete(file, 'helm', text, offset);
    assert.deepStrictEqual(labels(items), CONTAINER.filter((l) => l !== 'resources'));
    const result = apply(text, item(items, 'readinessProbe-httpGet'));
    assert.ok(result.endsWith('          {{- end }}\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n            periodSeconds: 10\n            failureThreshold: 3\n'));
    const tests = path.join(C, 'chart', 'templates', 'tests', 'test-connection.yaml');
    assert.deepStrictEqual(labels(await complete(tests, 'helm', '', 0)), ['helm-test']);
  });

  it('inside a Compose service: healthcheck, depends_on, logging (kept in VS Code: not marked static)', async () => {
    const file = path.join(C, 'compose', 'compose.yaml');
    const { text, offset } = edited(file, '      - db-data:/var/lib/postgresql/data', '\n    he');
    const items = await complete(file, 'yaml', text, offset);
    assert.deepStrictEqual(labels(items), ['healthcheck', 'depends_on-healthy', 'logging-json-file']);
    const hc = item(items, 'healthcheck');
    assert.deepStrictEqual(hc.data, { snippet: 'healthcheck' });
    assert.deepStrictEqual((hc.textEdit as { range: unknown }).range, { start: positionAt(text, offset - 2), end: positionAt(text, offset) });
    const result = apply(text, hc);
    assert.strictEqual(
      result,
      edited(file, '      - db-data:/var/lib/postgresql/data', '\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n      interval: 10s\n      timeout: 5s\n      retries: 5').text,
    );
  });

  it('in an Ansible task list: the task snippets, aligned after a typed dash', async () => {
    const file = path.join(C, 'ansible', 'site.yml');
    const { text, offset } = edited(file, '        enabled: true', '\n\n    - ');
    const items = await complete(file, 'ansible', text, offset);
    assert.deepStrictEqual(labels(items), TASKS);
    const result = apply(text, item(items, 'task-template'));
    assert.strictEqual(
      result,
      edited(file, '        enabled: true', '\n\n    - name: Render app config\n      ansible.builtin.template:\n        src: app.conf.j2\n        dest: /etc/app/app.conf\n        owner: root\n        group: root\n        mode: "0644"').text,
    );
    assert.strictEqual(new OpsDocument({ uri: pathToUri(file), path: file, text: result }).kind, 'ansible-playbook');
  });

  it('in an Ansible play: the handlers section', async () => {
    const file = path.join(C, 'ansible', 'site.yml');
    const { text, offset } = edited(file, '        enabled: true', '\n  ');
    assert.deepStrictEqual(labels(await complete(file, 'ansible', text, offset)), ['handlers']);
  });

  it('at the start of a Dockerfile line: the RUN patterns and the other Dockerfile snippets', async () => {
    const file = path.join(C, 'docker', 'Dockerfile');
    const { text, offset } = edited(file, 'WORKDIR /app', '\nRUN');
    const items = await complete(file, 'dockerfile', text, offset);
    assert.deepStrictEqual(labels(items), DOCKERFILE);
    assert.deepStrictEqual(item(items, 'RUN-apt-get-install').data, { snippet: 'RUN-apt-get-install', static: 'dockerfile' });
    const result = apply(text, item(items, 'RUN-apt-get-install'));
    assert.strictEqual(
      result,
      edited(file, 'WORKDIR /app', '\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        ca-certificates curl \\\n    && rm -rf /var/lib/apt/lists/*').text,
    );
    const continued = edited(file, 'WORKDIR /app', '\nRUN apt-get update \\\n    ');
    assert.deepStrictEqual(labels(await complete(file, 'dockerfile', continued.text, continued.offset)), []);
  });

  it('in ansible.cfg [defaults]: the Mitogen strategy keys', async () => {
    const file = path.join(C, 'ansible', 'ansible.cfg');
    const { text, offset } = edited(file, 'host_key_checking = False', '\nstra');
    const items = await complete(file, 'ini', text, offset);
    assert.deepStrictEqual(labels(items), ['mitogen']);
    assert.strictEqual(apply(text, items[0]), edited(file, 'host_key_checking = False', '\nstrategy_plugins = /usr/lib/python3/dist-packages/ansible_mitogen/plugins/strategy\nstrategy = mitogen_linear').text);
    const other = edited(file, 'pipelining = True', '\n');
    assert.deepStrictEqual(labels(await complete(file, 'ini', other.text, other.offset)), []);
  });

  it('generic YAML gets nothing: a GitHub workflow and mkdocs.yml', async () => {
    const workflow = path.join(FIXTURES, 'generic', '.github', 'workflows', 'deploy.yml');
    const base = fs.readFileSync(workflow, 'utf8');
    for (const insert of ['\n  ', '\n    ', '\n']) {
      const text = base.replace(/\n*$/, '') + insert;
      assert.deepStrictEqual(labels(await complete(workflow, 'yaml', text, text.length)), [], JSON.stringify(insert));
    }
    const mkdocs = path.join(FIXTURES, 'generic', 'mkdocs.yml');
    const m = fs.readFileSync(mkdocs, 'utf8').replace(/\n*$/, '') + '\n';
    assert.deepStrictEqual(labels(await complete(mkdocs, 'yaml', m, m.length)), []);
  });

  it('speaks the user language: Russian names and the note as written', async () => {
    const ru = new TestClient({ rootPath: C });
    try {
      ru.settings = { language: 'ru' };
      await ru.initialize({ rootPath: C, locale: 'ru' });
      const file = path.join(C, 'compose', 'compose.yaml');
      const { text, offset } = edited(file, '      - db-data:/var/lib/postgresql/data', '\n    ');
      await ru.open(file, 'yaml', text);
      const r = await ru.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: pathToUri(file) }, position: positionAt(text, offset) });
      const hc = r.find((i) => i.label === 'healthcheck')!;
      assert.strictEqual(hc.detail, 'Проверка здоровья: test, interval, timeout, retries');
      const doc = (hc.documentation as { value: string }).value;
      assert.match(doc, /Docker › Docker Compose — \[slurm-notes\.md:90\]\(file:\/\/.*slurm-notes\.md#L90 "Открыть заметку"\)/);
      assert.match(doc, /test: \["CMD", "команда", "параметры"\]/);
      assert.match(doc, /```yaml\nhealthcheck:\n  test: \["CMD", "curl", "-f", "http:\/\/localhost:8080\/health"\]\n/);
    } finally {
      await ru.stop();
    }
  });
});
