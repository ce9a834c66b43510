// Which snippets the server offers where, and the text an insertion leaves: exact label sets
// at positions people type at (half-typed lines, empty lines below a key, `- ` items, Helm
// template lines, compact sequences), and nothing where nothing fits (values, block scalars,
// generic YAML). `‸` marks the cursor.
import * as assert from 'assert';
import * as path from 'path';
import { snippetOffers } from '../../../server/src/snippets/offers';
import { expandSnippet } from '../../../server/src/snippets/syntax';
import { COMPLETION_FIXTURES, document } from './hosts';

const W = COMPLETION_FIXTURES;

function at(file: string, marked: string, languageId = 'yaml') {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const doc = document(file, text, languageId);
  const offers = snippetOffers(doc, offset);
  return {
    labels: offers.map((o) => o.snippet.id),
    /** The document after inserting `id` with its defaults. */
    insert(id: string): string {
      const o = offers.find((x) => x.snippet.id === id);
      assert.ok(o, `${id} is offered`);
      return text.slice(0, o.start) + expandSnippet(o.text) + text.slice(o.end);
    },
  };
}

const CONTAINER = [
  'livenessProbe-httpGet', 'livenessProbe-tcpSocket', 'livenessProbe-exec', 'readinessProbe-httpGet', 'readinessProbe-tcpSocket', 'readinessProbe-exec',
  'startupProbe-httpGet', 'startupProbe-tcpSocket', 'startupProbe-exec', 'resources', 'env-secretKeyRef', 'env-configMapKeyRef', 'envFrom', 'volumeMounts-configMap',
];
const POD = ['volumes-configMap', 'initContainers', 'tolerations', 'nodeAffinity-required', 'nodeAffinity-preferred', 'podAntiAffinity-hostname', 'dnsConfig-ndots'];
const OBJECTS = [
  'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Service-ClusterIP', 'Service-NodePort', 'Service-LoadBalancer', 'Service-ExternalName',
  'Service-headless', 'Ingress', 'ConfigMap', 'Secret-generic', 'Secret-tls', 'Secret-docker-registry', 'PersistentVolume', 'PersistentVolumeClaim',
  'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'ServiceAccount',
];
const TASKS = ['task-notify', 'task-template', 'task-package', 'task-service'];
const DOCKERFILE = ['RUN-apt-get-install', 'RUN-pip-install', 'deps-first-python', 'deps-first-node', 'FROM-multi-stage', 'ENTRYPOINT-CMD', 'RUN-nginx-logs', 'ARG-BUILD_PACKAGES', 'RUN-set-ex'];

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0.0
          CURSOR
`;
const deployment = (cursor: string) => DEPLOYMENT.replace('          CURSOR', cursor);
const K8S = path.join(W, 'k8s', 'deployment.yaml');

describe('context completion: Kubernetes', () => {
  it('inside a container: probes, resources, env, volumeMounts', () => {
    assert.deepStrictEqual(at(K8S, deployment('          ‸')).labels, CONTAINER);
  });

  it('a half-typed key in a container replaces the word and indents below it', () => {
    const r = at(K8S, deployment('          res‸'));
    assert.deepStrictEqual(r.labels, CONTAINER);
    assert.strictEqual(
      r.insert('resources'),
      deployment('          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              cpu: 500m\n              memory: 256Mi'),
    );
  });

  it('keys the container already has are not offered again', () => {
    const text = deployment('          livenessProbe:\n            tcpSocket:\n              port: 8080\n          resources: {}\n          ‸');
    assert.deepStrictEqual(at(K8S, text).labels, CONTAINER.filter((l) => !l.startsWith('livenessProbe') && l !== 'resources'));
  });

  it('inside a pod spec: initContainers, tolerations, affinity, dnsConfig, volumes', () => {
    assert.deepStrictEqual(at(K8S, deployment('      ‸')).labels, POD);
  });

  it('an init container gets no probes', () => {
    const text = DEPLOYMENT.replace('      containers:', '      initContainers:\n        - name: init\n          image: busybox:1.36\n          ‸\n      containers:').replace('          CURSOR\n', '');
    assert.deepStrictEqual(at(K8S, text).labels, ['resources', 'env-secretKeyRef', 'env-configMapKeyRef', 'envFrom', 'volumeMounts-configMap']);
  });

  it('below `env:` the env snippets insert their items', () => {
    const r = at(K8S, deployment('          env:\n            ‸'));
    assert.deepStrictEqual(r.labels, ['env-secretKeyRef', 'env-configMapKeyRef']);
    assert.strictEqual(
      r.insert('env-configMapKeyRef'),
      deployment('          env:\n            - name: LOG_LEVEL\n              valueFrom:\n                configMapKeyRef:\n                  name: app-config\n                  key: log-level'),
    );
  });

  it('on a `- ` line of an env list the item aligns after the dash', () => {
    const r = at(K8S, deployment('          env:\n            - name: A\n              value: "1"\n            - ‸'));
    assert.deepStrictEqual(r.labels, ['env-secretKeyRef', 'env-configMapKeyRef']);
    assert.strictEqual(
      r.insert('env-secretKeyRef'),
      deployment(
        '          env:\n            - name: A\n              value: "1"\n            - name: DATABASE_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: app-secrets\n                  key: database-password',
      ),
    );
  });

  it('inside `livenessProbe:` the liveness snippets insert the probe fields', () => {
    const r = at(K8S, deployment('          livenessProbe:\n            ‸'));
    assert.deepStrictEqual(r.labels, ['livenessProbe-httpGet', 'livenessProbe-tcpSocket', 'livenessProbe-exec']);
    assert.strictEqual(
      r.insert('livenessProbe-tcpSocket'),
      deployment('          livenessProbe:\n            tcpSocket:\n              port: http\n            periodSeconds: 10\n            failureThreshold: 3'),
    );
  });

  it('inside `affinity:` only what it does not have yet', () => {
    const text = DEPLOYMENT.replace('      containers:', '      affinity:\n        nodeAffinity: {}\n        ‸\n      containers:').replace('          CURSOR\n', '');
    assert.deepStrictEqual(at(K8S, text).labels, ['podAntiAffinity-hostname']);
  });

  it('kubectl-style compact sequences: a key beside `containers`', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n  - name: sh\n    image: busybox:1.36\n  ‸\n';
    assert.deepStrictEqual(at(path.join(W, 'k8s', 'pod.yaml'), text).labels, POD);
  });

  it('at the top of a `---` document of a manifest: the objects, indented from column 0', () => {
    const r = at(K8S, deployment('          ports: []') + '---\nSer‸');
    assert.deepStrictEqual(r.labels, OBJECTS);
    assert.strictEqual(
      r.insert('Service-ExternalName'),
      deployment('          ports: []') + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: external-db\nspec:\n  type: ExternalName\n  externalName: db.example.com',
    );
  });

  it('nothing in values, block scalars, or lines that continue a value', () => {
    assert.deepStrictEqual(at(K8S, deployment('          image2: ‸')).labels, []);
    assert.deepStrictEqual(at(K8S, deployment('          command:\n            - |\n              echo hi\n              ‸')).labels, []);
    assert.deepStrictEqual(at(K8S, deployment('          args: [a,\n            ‸')).labels, []);
    assert.deepStrictEqual(at(K8S, DEPLOYMENT.replace('registry.example.com/web:1.0.0\n          CURSOR', 'registry.example.com/web:1.0.0\n            liv‸')).labels, []);
    assert.deepStrictEqual(at(K8S, deployment('          # liv‸')).labels, []);
    assert.deepStrictEqual(at(K8S, deployment('          name2: a  ‸')).labels, []);
  });

  it('a bare Kubernetes file is not known until it has a manifest: nothing', () => {
    assert.deepStrictEqual(at(path.join(W, 'k8s', 'new.yaml'), 'Dep‸').labels, []);
  });
});

describe('context completion: Helm templates', () => {
  const CHART = path.join(W, 'chart', 'templates');
  const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "web.fullname" . }}
  labels:
    {{- include "web.labels" . | nindent 4 }}
spec:
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          {{- with .Values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          ‸
`;

  it('template lines are not keys: the container is still found', () => {
    assert.deepStrictEqual(at(path.join(CHART, 'deployment.yaml'), TEMPLATE).labels, CONTAINER.filter((l) => l !== 'resources'));
  });

  it('an empty template offers the objects; templates/tests offers the test pod', () => {
    assert.deepStrictEqual(at(path.join(CHART, 'service.yaml'), '‸').labels, OBJECTS);
    assert.deepStrictEqual(at(path.join(CHART, 'tests', 'test-connection.yaml'), '‸').labels, ['helm-test']);
  });

  it('nothing inside a template action', () => {
    assert.deepStrictEqual(at(path.join(CHART, 'deployment.yaml'), TEMPLATE.replace('          ‸', '          {{- if .Values.x‸')).labels, []);
  });
});

describe('context completion: Compose', () => {
  const COMPOSE = path.join(W, 'compose', 'compose.yaml');
  const SERVICES = 'services:\n  web:\n    image: nginx:1.27-alpine\n    CURSOR\n  db:\n    image: postgres:16.4-alpine\n';

  it('inside a service: healthcheck, depends_on, logging', () => {
    const r = at(COMPOSE, SERVICES.replace('CURSOR', 'hea‸'));
    assert.deepStrictEqual(r.labels, ['healthcheck', 'depends_on-healthy', 'logging-json-file']);
    assert.strictEqual(
      r.insert('logging-json-file'),
      SERVICES.replace('CURSOR', 'logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"'),
    );
  });

  it('a service with a healthcheck is not offered another', () => {
    assert.deepStrictEqual(at(COMPOSE, SERVICES.replace('CURSOR', 'healthcheck:\n      test: ["CMD", "true"]\n    ‸')).labels, ['depends_on-healthy', 'logging-json-file']);
  });

  it('beside the services: a service with a healthy dependency; nothing at the top level', () => {
    assert.deepStrictEqual(at(COMPOSE, SERVICES.replace('    CURSOR\n', '  ‸\n')).labels, ['service-healthy-dependency']);
    assert.deepStrictEqual(at(COMPOSE, SERVICES.replace('    CURSOR\n', '') + '‸').labels, []);
  });

  it('an empty override file offers the override skeleton', () => {
    assert.deepStrictEqual(at(path.join(W, 'compose', 'docker-compose.override.yml'), '‸').labels, ['compose-override']);
    assert.deepStrictEqual(at(path.join(W, 'compose', 'compose.yaml'), '‸').labels, []);
  });

  it('keeps CRLF line breaks', () => {
    const r = at(COMPOSE, SERVICES.replace('CURSOR', '‸').replace(/\n/g, '\r\n'));
    assert.strictEqual(
      r.insert('healthcheck'),
      SERVICES.replace('CURSOR', 'healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n      interval: 10s\n      timeout: 5s\n      retries: 5').replace(/\n/g, '\r\n'),
    );
  });
});

describe('context completion: Ansible', () => {
  const SITE = path.join(W, 'ansible', 'site.yml');
  const PLAY = '- name: Web\n  hosts: web\n  tasks:\n    - name: Ping\n      ansible.builtin.ping:\n    CURSOR\n';

  it('in a task list: the task snippets; `- ` typed aligns after the dash', () => {
    const r = at(SITE, PLAY.replace('    CURSOR', '    - pack‸'));
    assert.deepStrictEqual(r.labels, TASKS);
    assert.strictEqual(
      r.insert('task-package'),
      PLAY.replace('    CURSOR', '    - name: Install packages\n      ansible.builtin.package:\n        name:\n          - nginx\n        state: present'),
    );
  });

  it('in a task list without a dash typed, the task comes with its dash', () => {
    const r = at(SITE, PLAY.replace('CURSOR', '‸'));
    assert.deepStrictEqual(r.labels, TASKS);
    assert.strictEqual(r.insert('task-service'), PLAY.replace('CURSOR', '- name: Start nginx\n      ansible.builtin.service:\n        name: nginx\n        state: started\n        enabled: true'));
  });

  it('in a play: the handlers section, unless the play has one', () => {
    assert.deepStrictEqual(at(SITE, PLAY.replace('    CURSOR', '  ‸')).labels, ['handlers']);
    assert.deepStrictEqual(at(SITE, PLAY.replace('    CURSOR', '  handlers: []\n  ‸')).labels, []);
  });

  it('inside a task, in other play lists, beside an import: nothing', () => {
    assert.deepStrictEqual(at(SITE, PLAY.replace('    CURSOR', '      ‸')).labels, []);
    assert.deepStrictEqual(at(SITE, PLAY.replace('    CURSOR', '  vars_files:\n    - ‸')).labels, []);
    assert.deepStrictEqual(at(SITE, PLAY.replace('    CURSOR', '  roles:\n    - name: web\n      vars:\n        block:\n          - ‸')).labels, []);
    assert.deepStrictEqual(at(SITE, '- import_playbook: base.yml\n  ‸\n').labels, []);
  });

  it('below the plays: another play; in handlers: a handler; in a block: tasks', () => {
    assert.deepStrictEqual(at(SITE, PLAY.replace('    CURSOR\n', '- ‸')).labels, ['playbook']);
    assert.deepStrictEqual(at(SITE, PLAY.replace('    CURSOR', '  handlers:\n    - ‸')).labels, ['handler']);
    assert.deepStrictEqual(at(SITE, PLAY.replace('    CURSOR', '    - name: Grouped\n      block:\n        - ‸')).labels, TASKS);
  });

  it('empty playbooks and role task files', () => {
    assert.deepStrictEqual(at(SITE, '‸').labels, ['playbook']);
    assert.ok(at(SITE, '- ‸').insert('playbook').startsWith('- name: Configure web servers\n  hosts: webservers\n  become: true\n  tasks:\n'));
    assert.deepStrictEqual(at(path.join(W, 'ansible', 'roles', 'web', 'tasks', 'main.yml'), '‸').labels, TASKS);
    assert.deepStrictEqual(at(path.join(W, 'ansible', 'roles', 'web', 'handlers', 'main.yml'), '- ‸').labels, ['handler']);
    assert.deepStrictEqual(at(path.join(W, 'ansible', 'roles', 'web', 'defaults', 'main.yml'), '‸').labels, []);
  });
});

describe('context completion: Dockerfile and ansible.cfg', () => {
  const DOCKER = path.join(W, 'docker', 'Dockerfile');

  it('at the start of a line: every Dockerfile pattern', () => {
    const r = at(DOCKER, 'FROM python:3.12-slim\nRU‸\n', 'dockerfile');
    assert.deepStrictEqual(r.labels, DOCKERFILE);
    assert.strictEqual(r.insert('RUN-pip-install'), 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n');
  });

  it('not on a continuation line, in a heredoc, after a keyword or in a comment', () => {
    assert.deepStrictEqual(at(DOCKER, 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    ‸\n', 'dockerfile').labels, []);
    assert.deepStrictEqual(at(DOCKER, 'FROM debian:bookworm-slim\nRUN <<EOF\nset -e\n‸\nEOF\n', 'dockerfile').labels, []);
    assert.deepStrictEqual(at(DOCKER, 'FROM debian:bookworm-slim\nRUN apt‸\n', 'dockerfile').labels, []);
    assert.deepStrictEqual(at(DOCKER, 'FROM debian:bookworm-slim\n# RUN‸\n', 'dockerfile').labels, []);
  });

  it('ansible.cfg: the Mitogen keys in [defaults], or a [defaults] section where none exists', () => {
    const CFG = path.join(W, 'ansible', 'ansible.cfg');
    assert.deepStrictEqual(at(CFG, '[defaults]\ninventory = hosts.ini\nmit‸\n', 'ini').labels, ['mitogen']);
    assert.deepStrictEqual(at(CFG, '[defaults]\nstrategy = linear\n‸\n', 'ini').labels, []);
    assert.deepStrictEqual(at(CFG, '[ssh_connection]\npipelining = True\n‸\n', 'ini').labels, ['defaults-mitogen']);
    assert.deepStrictEqual(at(CFG, '[ssh_connection]\n‸\npipelining = True\n', 'ini').labels, []);
    assert.deepStrictEqual(at(CFG, '[defaults]\nroles_path = roles\n  ‸\n', 'ini').labels, []);
    assert.strictEqual(
      at(CFG, '[defaults]\nforks = 20\n‸', 'ini').insert('mitogen'),
      '[defaults]\nforks = 20\nstrategy_plugins = /usr/lib/python3/dist-packages/ansible_mitogen/plugins/strategy\nstrategy = mitogen_linear',
    );
  });
});

describe('context completion: generic YAML gets nothing', () => {
  const GENERIC = path.resolve(W, '..', 'generic');
  const cases: [string, string][] = [
    ['.github/workflows/deploy.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    ‸\n'],
    ['.github/workflows/deploy.yml', 'on: push\njobs:\n  build:\n    steps:\n      - ‸\n'],
    ['mkdocs.yml', 'site_name: Docs\nnav:\n  - ‸\n'],
    ['mkdocs.yml', '‸'],
    ['config.yaml', 'services:\n  cache:\n    ttl: 10\n    ‸\n'],
    ['tekton/tasks/build.yml', 'apiVersion: tekton.dev/v1\nkind: Task\nspec:\n  steps:\n    - name: build\n      ‸\n'],
    ['values.yaml', 'resources:\n  ‸\n'],
  ];
  for (const [file, text] of cases) {
    it(`${file}: ${JSON.stringify(text.slice(text.lastIndexOf('\n', text.indexOf('‸')) + 1, text.indexOf('‸') + 1))}`, () => {
      assert.deepStrictEqual(at(path.join(GENERIC, file), text).labels, []);
    });
  }
});
