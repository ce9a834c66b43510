// Hover ranges and candidate keys of the Ansible locators beyond the hover case table: the
// token under the cursor (a free-form word, a Jinja2 expression, an ansible.cfg value) and
// silence on positions the notes do not cover.
import * as assert from 'assert';
import * as path from 'path';
import { candidateKeys } from '../../../server/src/locate';
import { FIXTURES, fixtureDocument } from '../../helpers/ruleFixtures';

function at(file: string, text: string) {
  const doc = fixtureDocument(path.join(FIXTURES, file), text.replace('|', ''));
  const offset = text.indexOf('|');
  const located = candidateKeys(doc, offset);
  return { located, token: located ? doc.text.slice(located.start, located.end) : undefined };
}

describe('ansible locator', () => {
  it('ranges a free-form argument word and reads it like the mapping form', () => {
    const r = at('ansible/roles/x/tasks/main.yml', '- name: Restart\n  service: name=nginx state=rest|arted\n');
    assert.strictEqual(r.token, 'state=restarted');
    assert.deepStrictEqual(r.located!.keys.slice(0, 3), ['ansible.module.service.state=restarted', 'ansible.module.service.state', 'ansible.idempotency']);
  });

  it('ranges the whole Jinja2 expression', () => {
    const r = at('ansible/roles/x/tasks/main.yml', '- name: Copy\n  ansible.builtin.copy:\n    dest: "/etc/{{ app_n|ame }}.conf"\n');
    assert.strictEqual(r.token, '{{ app_name }}');
    assert.strictEqual(r.located!.keys[0], 'ansible.jinja2');
  });

  it('reads FQCN and short module names alike', () => {
    const a = at('ansible/roles/x/tasks/main.yml', '- name: A\n  ansible.builtin.te|mplate:\n    src: a.j2\n    dest: /a\n');
    const b = at('ansible/roles/x/tasks/main.yml', '- name: A\n  te|mplate:\n    src: a.j2\n    dest: /a\n');
    assert.strictEqual(a.located!.keys[0], 'ansible.module.template');
    assert.strictEqual(b.located!.keys[0], 'ansible.module.template');
    assert.strictEqual(a.token, 'ansible.builtin.template');
  });

  it('ranges an ansible.cfg value without its comment', () => {
    const r = at('ansible/ansible.cfg', '[defaults]\nstrategy = mitogen_li|near ; fast\n');
    assert.strictEqual(r.token, 'mitogen_linear');
    assert.deepStrictEqual(r.located!.keys.slice(0, 2), ['ansible.cfg.defaults.strategy=mitogen_linear', 'ansible.mitogen']);
  });

  it('stays silent where the notes say nothing', () => {
    assert.strictEqual(at('ansible/site.yml', '- name: Web\n  hosts: web\n  ta|gs: [web]\n  tasks: []\n').located, undefined);
    assert.strictEqual(at('ansible/ansible.cfg', '[defaults]\nfor|ks = 20\n').located, undefined);
  });

  it('keeps hovering in a CRLF file', () => {
    const r = at('ansible/roles/x/handlers/main.yml', '- name: Restart nginx\r\n  ansible.builtin.service:\r\n    name: nginx\r\n    state: resta|rted\r\n');
    assert.strictEqual(r.token, 'restarted');
    assert.strictEqual(r.located!.keys[0], 'ansible.module.service.state=restarted');
  });
});
