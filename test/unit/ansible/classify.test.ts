// Which files are Ansible, and which look like it but are not (content wins over names).
import * as assert from 'assert';
import * as path from 'path';
import { FileKind } from '../../../server/src/documents/kinds';
import { FIXTURES, fixtureDocument } from '../../helpers/ruleFixtures';

const CASES: [string, FileKind][] = [
  ['ansible/site.yml', 'ansible-playbook'],
  ['ansible/classify/roles-only.yml', 'ansible-playbook'],
  ['ansible/classify/all.yml', 'ansible-playbook'],
  ['ansible/classify/deploy.yml', 'ansible-playbook'],
  ['ansible/classify/molecule/default/converge.yml', 'ansible-playbook'],
  ['ansible/roles/nginx/tasks/main.yml', 'ansible-tasks'],
  ['ansible/roles/app/tasks/main.yml', 'ansible-tasks'],
  ['ansible/roles/app/tasks/k8s.yml', 'ansible-tasks'],
  ['ansible/classify/tasks/upgrade.yml', 'ansible-tasks'],
  // Collection modules written short (postgresql_privs is not in our list) inside a role.
  ['ansible/classify/roles/db/tasks/main.yml', 'ansible-tasks'],
  ['ansible/roles/nginx/handlers/main.yml', 'ansible-handlers'],
  ['ansible/roles/postgres/handlers/main.yml', 'ansible-handlers'],
  ['ansible/roles/nginx/defaults/main.yml', 'ansible-vars'],
  ['ansible/roles/postgres/defaults/main.yml', 'ansible-vars'],
  ['ansible/classify/roles/kubernetes/defaults/main/etcd.yml', 'ansible-vars'],
  ['ansible/inventory/production/group_vars/all.yml', 'ansible-vars'],
  ['ansible/inventory/mycluster/group_vars/k8s_cluster/k8s-cluster.yml', 'ansible-vars'],
  ['ansible/group_vars/all', 'ansible-vars'],
  ['ansible/ansible.cfg', 'ansible-cfg'],
  ['ansible/inventory/production/hosts', 'ansible-inventory'],
  ['ansible/inventory/mycluster/inventory.ini', 'ansible-inventory'],
  ['generic/.github/workflows/deploy.yml', 'generic'],
  ['generic/not-ansible/deploy.yml', 'generic'],
  ['generic/tekton/tasks/build.yml', 'generic'],
  ['generic/tekton/tasks/settings.yml', 'generic'],
  ['generic/not-ansible/tasks/jobs.yml', 'generic'],
  ['generic/not-ansible/tasks/configmap.yml', 'kubernetes'],
  ['generic/not-ansible/roles/web/tasks/checklist.yml', 'generic'],
  ['generic/not-ansible/requirements.yml', 'generic'],
  ['generic/not-ansible/docker-compose.yml', 'compose'],
  ['generic/not-ansible/hosts', 'generic'],
  ['generic/mkdocs.yml', 'generic'],
  ['generic/config.yaml', 'generic'],
  ['ansible/roles/nginx/templates/nginx.conf.j2', 'generic'],
];

describe('ansible classification', () => {
  for (const [file, kind] of CASES) {
    it(`${file} is ${kind}`, () => {
      assert.strictEqual(fixtureDocument(path.join(FIXTURES, file)).kind, kind);
    });
  }

  it('reads a play list by shape: `hosts` alone is not a play', () => {
    const doc = fixtureDocument(path.join(FIXTURES, 'generic', 'rules.yml'), '- hosts: [a.example.com]\n  paths: [/]\n- hosts: [b.example.com]\n  paths: [/api]\n');
    assert.strictEqual(doc.kind, 'generic');
  });

  it('keeps a playbook with a mistyped keyword a playbook', () => {
    const doc = fixtureDocument(path.join(FIXTURES, 'ansible', 'x.yml'), '- hosts: all\n  gather_fact: false\n  tasks:\n    - ansible.builtin.ping:\n');
    assert.strictEqual(doc.kind, 'ansible-playbook');
  });

  it('classifies each document of a multi-document task file', () => {
    const doc = fixtureDocument(path.join(FIXTURES, 'ansible', 'roles', 'x', 'tasks', 'main.yml'), '- name: a\n  ansible.builtin.ping:\n---\nfoo: bar\n');
    assert.deepStrictEqual(doc.classification.documentKinds, ['ansible-tasks', 'generic']);
  });
});
