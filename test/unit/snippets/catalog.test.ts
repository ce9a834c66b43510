// The snippet files are the one source: what package.json contributes, what the server
// offers and what the descriptions say come from snippets/*.json and cannot drift apart.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadKnowledge } from '../../../server/src/knowledge/load';
import { loadSnippets, SNIPPET_CONTEXTS, SNIPPET_FILES, snippetsDir } from '../../../server/src/snippets/catalog';
import { snippetOffers } from '../../../server/src/snippets/offers';
import { expectedDescription } from '../../../server/src/snippets/provenance';
import { expandSnippet, parseSnippet, placeholderSpansLines, SnippetNode } from '../../../server/src/snippets/syntax';
import { document, hostFor } from './hosts';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** Issue 7's list, by family: each must exist. */
const REQUIRED: Record<string, string[]> = {
  'dockerfile.json': ['RUN-apt-get-install', 'RUN-pip-install', 'deps-first-python', 'deps-first-node', 'FROM-multi-stage', 'ENTRYPOINT-CMD', 'RUN-nginx-logs', 'ARG-BUILD_PACKAGES', 'RUN-set-ex'],
  'dockercompose.json': ['healthcheck', 'depends_on-healthy', 'service-healthy-dependency', 'logging-json-file', 'compose-override'],
  'yaml.json': [
    'Deployment', 'livenessProbe-httpGet', 'livenessProbe-tcpSocket', 'livenessProbe-exec', 'readinessProbe-httpGet', 'readinessProbe-tcpSocket',
    'readinessProbe-exec', 'startupProbe-httpGet', 'startupProbe-tcpSocket', 'startupProbe-exec', 'resources', 'env-secretKeyRef',
    'env-configMapKeyRef', 'envFrom', 'volumes-configMap', 'volumeMounts-configMap', 'Secret-generic', 'Secret-tls', 'Secret-docker-registry',
    'Service-ClusterIP', 'Service-NodePort', 'Service-LoadBalancer', 'Service-ExternalName', 'Service-headless', 'Ingress', 'PersistentVolume',
    'PersistentVolumeClaim', 'initContainers', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Role', 'RoleBinding', 'ClusterRole',
    'ClusterRoleBinding', 'ServiceAccount', 'nodeAffinity-required', 'nodeAffinity-preferred', 'podAntiAffinity-hostname', 'dnsConfig-ndots',
    'tolerations', 'helm-test',
  ],
  'ansible.json': ['playbook', 'task-notify', 'handler', 'task-template', 'task-package', 'task-service'],
  'ansible-cfg.json': ['mitogen', 'defaults-mitogen'],
};

function tabstopDefaults(nodes: SnippetNode[], out = new Map<number, Set<string>>()): Map<number, Set<string>> {
  for (const n of nodes) {
    if (n.type === 'text') continue;
    if (n.type === 'tabstop' && n.children.length) {
      if (!out.has(n.index)) out.set(n.index, new Set());
      out.get(n.index)!.add(expandSnippet(n.children));
    }
    tabstopDefaults(n.children, out);
  }
  return out;
}

describe('snippet catalog', () => {
  const { snippets, problems } = loadSnippets();

  it('reads every file without problems', () => {
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(snippetsDir(), path.join(REPO, 'snippets'));
    assert.deepStrictEqual(fs.readdirSync(snippetsDir()).filter((f) => f.endsWith('.json')).sort(), SNIPPET_FILES.map((f) => f.file).sort());
  });

  it('package.json contributes exactly the files the server marks as static', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const contributed = (pkg.contributes.snippets as { language: string; path: string }[]).map((c) => `${c.language}=${path.basename(c.path)}`).sort();
    const marked = SNIPPET_FILES.filter((f) => f.staticLanguage).map((f) => `${f.staticLanguage}=${f.file}`).sort();
    assert.deepStrictEqual(contributed, marked);
    assert.ok(!contributed.some((c) => c.startsWith('yaml=')), 'no static snippets in every YAML file');
    const ignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!snippets\/\*\*$/m, 'the .vsix ships snippets/ for the server');
  });

  it('has the snippets issue 7 lists, each in its file', () => {
    for (const [file, ids] of Object.entries(REQUIRED)) {
      for (const id of ids) assert.strictEqual(snippets.find((s) => s.id === id)?.file, file, id);
    }
  });

  it('offers something in every context', () => {
    for (const c of SNIPPET_CONTEXTS) assert.ok(snippets.some((s) => s.contexts.includes(c)), c);
  });

  it('descriptions name the note in both languages, as scripts/snippets.mjs writes them', () => {
    for (const s of snippets) {
      const expected = expectedDescription(s);
      assert.ok(expected, `${s.id}: its note ${s.note.file}:${s.note.line} exists`);
      assert.strictEqual(s.description, expected, `${s.id}: run node scripts/snippets.mjs`);
      assert.match(s.description, / \(notes: .+\) — .+ \(заметки: .+\)$/);
    }
  });

  it('each snippet points at a note block the knowledge base has', () => {
    const { kb } = loadKnowledge({ bundled: true });
    for (const s of snippets) {
      const source = kb.sources.find((src) => src.bundled && path.basename(src.path) === s.note.file);
      assert.ok(source && kb.blockAtLine(source.path, s.note.line - 1), `${s.id}: no note block at ${s.note.file}:${s.note.line}`);
    }
  });

  it('bodies can be re-indented line by line and mirror placeholders consistently', () => {
    for (const s of snippets) {
      assert.strictEqual(placeholderSpansLines(s.nodes), false, s.id);
      for (const [index, values] of tabstopDefaults(s.nodes)) assert.strictEqual(values.size, 1, `${s.id}: $${index} has defaults ${[...values].join(' / ')}`);
      // Every `$` of the expanded text comes from an escaped `\$`: no placeholder left unparsed.
      const literal = (s.body.match(/\\\$/g) ?? []).length;
      assert.strictEqual((expandSnippet(s.body).match(/\$/g) ?? []).length, literal, `${s.id}: a $ that is neither a placeholder nor escaped`);
      if (s.syntax === 'yaml') {
        for (const line of s.body.split('\n')) {
          const indent = line.length - line.trimStart().length;
          assert.ok(!line.includes('\t') && indent % 2 === 0, `${s.id}: indentation of "${line}"`);
          assert.strictEqual(line, line.trimEnd(), `${s.id}: trailing spaces in "${line}"`);
        }
      }
    }
    assert.deepStrictEqual(parseSnippet(''), []);
  });

  it('the server offers each snippet with the body of the file, only indented', () => {
    for (const s of snippets) {
      const host = hostFor(s.contexts[0], [s, ...s.with.map((id) => snippets.find((x) => x.id === id)!)]);
      const at = host.text.indexOf(`# @${s.contexts[0]}\n`);
      assert.ok(at >= 0, `${s.id}: marker in its host`);
      const text = host.text.slice(0, at) + host.text.slice(at + `# @${s.contexts[0]}`.length);
      const offer = snippetOffers(document(host.file, text, host.languageId), at).find((o) => o.snippet === s);
      assert.ok(offer, s.id);
      const column = at - (at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1);
      const pad = ' '.repeat(column);
      const unindented = offer.text
        .split('\n')
        .map((l, i) => (i === 0 || l === '' ? l : l.startsWith(pad) ? l.slice(column) : `!${l}`))
        .join('\n');
      assert.strictEqual(unindented, s.body, s.id);
    }
  });
});
