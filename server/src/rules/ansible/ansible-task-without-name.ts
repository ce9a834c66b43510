// What it does: flags tasks (and handlers, include_tasks/import_tasks, meta) without a `name`.
//   Blocks are not flagged: their tasks carry the names Ansible prints.
// Why: the notes (slurm-notes.md:214-215, 163): a task is one module call, run one after another
//   in the order the playbook's author wrote; the name is what the run prints for each of
//   them, what `--step` asks about (line 190) and what `--start-at-task` finds.
// Example: `- ansible.builtin.apt: name=nginx` -> `- name: Install nginx` above it.
// Fix safety: none; only the author can name the task.
// References: ansible-lint name[missing].
import { defineRule } from '../types';
import { isBlock } from '../../documents/ansible';
import { entries, getNode, nodeRange, scalarString } from '../../documents/yaml';
import { taskModule } from '../../documents/ansible';

export default defineRule({
  id: 'ansible-task-without-name',
  family: 'ansible',
  severity: 'information',
  key: 'ansible.task',
  docs: 'https://docs.ansible.com/projects/lint/rules/name/',
  fixSafety: 'none',
  description: {
    en: 'Task without a name',
    ru: 'Таск без имени',
  },
  messages: {
    missing: {
      en: 'Name the task: the name is what Ansible prints for it, what --step asks about and what --start-at-task looks for.',
      ru: 'Дайте таску имя: его Ansible выводит при выполнении, о нём спрашивает --step, по нему ищет --start-at-task.',
    },
  },
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'],
  visit: {
    task(t, ctx) {
      if (isBlock(t.node)) return;
      const name = getNode(t.node, 'name');
      if (name !== undefined && (scalarString(name) ?? '').trim() !== '') return;
      if (!entries(t.node).length) return;
      const pair = taskModule(t.node, true) ?? entries(t.node)[0][1];
      const r = nodeRange(pair.key)!;
      ctx.report({ messageId: 'missing', start: r[0], end: r[1] });
    },
  },
});
