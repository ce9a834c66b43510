// Realistic files to insert snippets into: one host per snippet context, with the cursor
// where a person would ask for the snippet (a `# @context` comment line). A snippet is
// inserted through the server's own completion (snippetOffers) and expanded with its defaults,
// together with the snippets it goes with (`opsnotes.with`: a volumeMount and its volume, a
// task's notify and its handler), so the result is the file a user gets. Hosts carry what
// their own rules demand (probes, resources) except the keys the inserted snippets add.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument, pathToUri } from '../../../server/src/documents/document';
import { Snippet, SnippetContext } from '../../../server/src/snippets/catalog';
import { snippetOffers } from '../../../server/src/snippets/offers';
import { expandSnippet } from '../../../server/src/snippets/syntax';

export const COMPLETION_FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'completion');

export function document(file: string, text: string, languageId = ''): OpsDocument {
  return new OpsDocument({ uri: pathToUri(file), path: file, text, languageId, exists: fs.existsSync });
}

/** Keys the given snippets add (their first line's key), to leave out of the host. */
function provided(snippets: Snippet[]): Set<string> {
  return new Set(snippets.map((s) => /^([\w.-]+):/.exec(s.body)?.[1]).filter((k): k is string => !!k));
}

const PROBES = (indent: string) =>
  [
    'readinessProbe:',
    '  httpGet:',
    '    path: /ready',
    '    port: http',
    '  periodSeconds: 10',
    'livenessProbe:',
    '  httpGet:',
    '    path: /healthz',
    '    port: http',
    '  periodSeconds: 10',
  ].map((l) => indent + l);

const RESOURCES = (indent: string) => ['resources:', '  requests:', '    cpu: 100m', '    memory: 128Mi', '  limits:', '    cpu: 500m', '    memory: 256Mi'].map((l) => indent + l);

function workloadHost(keys: Set<string>, target: SnippetContext): string {
  const c = '          ';
  // Only the container the snippet goes into leaves out what the snippet adds.
  const own = (ctx: SnippetContext) => (target === ctx ? keys : new Set<string>());
  const probes = PROBES(c).filter((_, i, all) => !blockOf(all, i, own('k8s.container')));
  const container = [
    '        - name: web',
    '          image: registry.example.com/web:1.0.0',
    '          ports:',
    '            - name: http',
    '              containerPort: 8080',
    ...probes,
    ...(own('k8s.container').has('resources') ? [] : RESOURCES(c)),
    `${c}# @k8s.container`,
  ];
  const init = keys.has('initContainers')
    ? []
    : [
        '      initContainers:',
        '        - name: init',
        '          image: registry.example.com/web:1.0.0',
        '          command: ["./prepare"]',
        ...(own('k8s.initContainer').has('resources') ? [] : RESOURCES(c)),
        `${c}# @k8s.initContainer`,
      ];
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    '      app.kubernetes.io/name: web',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app.kubernetes.io/name: web',
    '    spec:',
    ...init,
    '      containers:',
    ...container,
    '      # @k8s.pod',
    '',
  ].join('\n');
}

/** Whether line i of the probes block belongs to a probe the snippets provide. */
function blockOf(lines: string[], i: number, keys: Set<string>): boolean {
  for (let j = i; j >= 0; j--) {
    const m = /^ {10}(\w+):/.exec(lines[j]);
    if (m) return keys.has(m[1]);
  }
  return false;
}

function playbookHost(keys: Set<string>, contexts: Set<SnippetContext>): string {
  const handlers = contexts.has('ansible.handlers') ? ['  handlers:', '    # @ansible.handlers'] : [];
  return [
    '- name: Configure web servers',
    '  hosts: webservers',
    '  become: true',
    '  tasks:',
    '    - name: Check the connection',
    '      ansible.builtin.ping:',
    '    # @ansible.tasks',
    ...(keys.has('handlers') ? [] : handlers),
    '  # @ansible.play',
    '',
  ].join('\n');
}

function dockerfileHost(snippets: Snippet[]): string {
  const body = snippets.map((s) => s.body).join('\n');
  if (/^FROM /.test(snippets[0].body)) return '# @dockerfile\n';
  const image = /\bnpm\b/.test(body) ? 'node:22-bookworm-slim' : /\bpip\b/.test(body) ? 'python:3.12-slim' : 'debian:bookworm-slim';
  return `FROM ${image}\n# @dockerfile\n`;
}

/** File name and text of the host for a context, given the snippets to insert. */
export function hostFor(context: SnippetContext, snippets: Snippet[]): { file: string; text: string; languageId: string } {
  const keys = provided(snippets);
  const contexts = new Set(snippets.flatMap((s) => s.contexts));
  const dir = COMPLETION_FIXTURES;
  switch (context) {
    case 'dockerfile':
      return { file: path.join(dir, 'docker', 'Dockerfile'), text: dockerfileHost(snippets), languageId: 'dockerfile' };
    case 'compose.service':
    case 'compose.services':
      return {
        file: path.join(dir, 'compose', 'compose.yaml'),
        languageId: 'yaml',
        text: [
          'services:',
          '  app:',
          '    image: registry.example.com/app:1.0.0',
          '    # @compose.service',
          '  db:',
          '    image: postgres:16.4-alpine',
          '    # @compose.service',
          '  # @compose.services',
          '',
        ].join('\n'),
      };
    case 'compose.override':
      return { file: path.join(dir, 'compose', 'docker-compose.override.yml'), text: '# @compose.override\n', languageId: 'yaml' };
    case 'k8s.top':
      return { file: path.join(dir, 'k8s', 'manifest.yaml'), text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n# @k8s.top\n', languageId: 'yaml' };
    case 'helm.tests':
      return { file: path.join(dir, 'chart', 'templates', 'tests', 'test-connection.yaml'), text: '# @helm.tests\n', languageId: 'yaml' };
    case 'k8s.pod':
    case 'k8s.container':
    case 'k8s.initContainer':
      return { file: path.join(dir, 'k8s', 'deployment.yaml'), text: workloadHost(keys, context), languageId: 'yaml' };
    case 'ansible.top':
      return { file: path.join(dir, 'ansible', 'site.yml'), text: '# @ansible.top\n', languageId: 'yaml' };
    case 'ansible.play':
    case 'ansible.tasks':
    case 'ansible.handlers':
      return { file: path.join(dir, 'ansible', 'site.yml'), text: playbookHost(keys, contexts), languageId: 'yaml' };
    case 'ansible-cfg.defaults':
      return { file: path.join(dir, 'ansible', 'ansible.cfg'), text: '[defaults]\ninventory = inventory/hosts.ini\n# @ansible-cfg.defaults\n', languageId: 'ini' };
    case 'ansible-cfg.top':
      return { file: path.join(dir, 'ansible', 'ansible.cfg'), text: '# @ansible-cfg.top\n', languageId: 'ini' };
  }
}

/**
 * Insert `snippet` at its context's marker and its companions at theirs, through the
 * completion offers, each expanded with its defaults; remaining markers are removed.
 */
export function insertInto(context: SnippetContext, snippet: Snippet, all: readonly Snippet[]): OpsDocument {
  const companions = snippet.with.map((id) => all.find((s) => s.id === id)!);
  const host = hostFor(context, [snippet, ...companions]);
  let text = host.text;
  const steps: [SnippetContext, Snippet][] = [[context, snippet], ...companions.map((c): [SnippetContext, Snippet] => [c.contexts.find((x) => text.includes(`# @${x}`))!, c])];
  for (const [ctx, s] of steps) {
    assert.ok(ctx, `${snippet.id}: no place for ${s.id} in the ${context} host`);
    const marker = `# @${ctx}\n`;
    const at = text.indexOf(marker);
    assert.ok(at >= 0, `${s.id}: the ${context} host has no marker for ${ctx}`);
    text = text.slice(0, at) + text.slice(at + marker.length - 1);
    const doc = document(host.file, text, host.languageId);
    const offer = snippetOffers(doc, at, all).find((o) => o.snippet === s);
    assert.ok(offer, `${s.id} is offered at the ${ctx} marker; offered: ${snippetOffers(doc, at, all).map((o) => o.snippet.id).join(', ') || 'nothing'}`);
    text = text.slice(0, offer.start) + expandSnippet(offer.text) + text.slice(offer.end);
  }
  text = text.replace(/^[ \t]*# @[\w.-]+\n/gm, '');
  return document(host.file, text, host.languageId);
}
