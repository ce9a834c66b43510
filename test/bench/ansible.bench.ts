// Ansible: diagnostics for a generated 3,000-line playbook (parse + every rule, fresh document
// each run, as after an edit) and hover latency p50/p95 over 1,000 positions in it.
import * as path from 'path';
import type { Bench } from './bench';
import { percentile, timeRuns } from './bench';
import { OpsDocument, pathToUri } from '../../server/src/documents/document';
import { computeHover } from '../../server/src/features/hover';
import { loadKnowledge } from '../../server/src/knowledge/load';
import { runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';

/** A realistic playbook of about `lines` lines: plays with roles, handlers, Jinja2, loops, shell. */
export function generatePlaybook(lines: number): string {
  const out: string[] = ['---'];
  for (let p = 0; out.length < lines; p++) {
    out.push(
      `- name: Configure tier ${p}`,
      `  hosts: tier${p}`,
      '  become: true',
      '  serial: 2',
      '  strategy: free',
      '  vars:',
      `    app_port: ${8000 + p}`,
      '  tasks:',
    );
    for (let t = 0; t < 20; t++) {
      out.push(
        `    - name: Install packages ${p}.${t}`,
        '      ansible.builtin.apt:',
        '        name: "{{ item }}"',
        '        state: present',
        '      loop: "{{ packages_' + t + ' | default([]) }}"',
        `    - name: Render the config ${p}.${t}`,
        '      ansible.builtin.template:',
        `        src: app${t}.conf.j2`,
        `        dest: "/etc/app/{{ app_name }}-${t}.conf"`,
        '        mode: "0644"',
        '      notify: Restart app',
        `    - name: Restart through systemctl ${p}.${t}`,
        `      ansible.builtin.shell: systemctl restart app${t}`,
        '      when: ansible_os_family == "Debian"',
        '    - ansible.builtin.command: cat /etc/os-release',
        '      register: os_release',
      );
    }
    out.push('  handlers:', '    - name: Restart app', '      ansible.builtin.service:', '        name: app', '        state: restarted');
  }
  return out.slice(0, lines).join('\n') + '\n';
}

export default async function (b: Bench): Promise<void> {
  b.section('Ansible (3,000-line playbook)');
  const text = generatePlaybook(3000);
  const file = path.join(__dirname, 'generated', 'site.yml');
  const make = () => new OpsDocument({ uri: pathToUri(file), path: file, text, languageId: 'yaml' });
  const first = make();
  const findings = runRules(first, RULES, { budgetMs: 10_000 });
  b.figure(`diagnostics, first run (${findings.length} findings)`, timeRuns(1, () => runRules(make(), RULES, { budgetMs: 10_000 }))[0], 'ms');
  const runs = timeRuns(20, () => runRules(make(), RULES, { budgetMs: 10_000 }));
  b.figure('diagnostics (classify + parse + all rules), median of 20', percentile(runs, 50), 'ms', '< 100 ms');
  b.figure('  of which YAML parse + classify, median of 20', percentile(timeRuns(20, () => make().kind), 50), 'ms');
  const { kb } = loadKnowledge({ bundled: true });
  const doc = make();
  computeHover(doc, 0, kb, 'ru');
  let seed = 7;
  const offsets = Array.from({ length: 1000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % text.length;
  });
  const samples = timeRuns(offsets.length, (i) => computeHover(doc, offsets[i], kb, 'ru'));
  b.figure('hover p50 (1,000 positions)', percentile(samples, 50), 'ms');
  b.figure('hover p95', percentile(samples, 95), 'ms', '< 5 ms');
}
