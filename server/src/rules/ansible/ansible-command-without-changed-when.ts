// What it does: flags command/shell/raw tasks that say nothing about when they change the
//   system: no `changed_when`, no `creates`/`removes`, no `when:` on a registered check.
// Why: the notes (slurm-notes.md:159): a playbook describes a state and gives the same result on
//   every run. Such a command runs every time and reports "changed" every time, so the report
//   no longer says what changed and handlers it notifies always run.
// Example: `command: nginx -t` -> add `changed_when: false` (it only reads).
// Fix safety: safe, only for commands that only read (cat, grep, systemctl status, kubectl get,
//   nginx -t, `--version`…): `changed_when: false` changes the report, not what runs. Other
//   commands need a condition only the author knows; no fix.
// Not reported: handlers (they run because something changed), and commands the
//   ansible-command-instead-of-module rule already reports.
// References: ansible-lint no-changed-when.
import { defineRule } from '../types';
import { OpsDocument } from '../../documents/document';
import { stringList } from '../../documents/ansible';
import { getNode, nodeRange, scalarString } from '../../documents/yaml';
import { targetsOf } from '../targets';
import { commandTask, isReadOnly } from './_command';
import { insertAfterPair } from './_edit';
import { moduleUses } from './_modules';

export default defineRule({
  id: 'ansible-command-without-changed-when',
  family: 'ansible',
  severity: 'information',
  key: 'ansible.task.changed_when',
  docs: 'https://docs.ansible.com/projects/lint/rules/no-changed-when/',
  fixSafety: 'safe',
  description: {
    en: 'command/shell without changed_when, creates or removes',
    ru: 'command/shell без changed_when, creates или removes',
  },
  messages: {
    readOnly: {
      en: 'This command only reads, yet the task reports "changed" on every run: add `changed_when: false`.',
      ru: 'Команда только читает, но таск при каждом запуске сообщает «changed» — добавьте `changed_when: false`.',
    },
    noCheck: {
      en: 'The task runs the command and reports "changed" on every run: say when it changes something with `creates`/`removes`, `changed_when`, or a `when:` on a registered check (idempotency).',
      ru: 'Таск выполняет команду и сообщает «changed» при каждом запуске — укажите, когда она что-то меняет: `creates`/`removes`, `changed_when` или `when:` по результату проверки (идемпотентность).',
    },
  },
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'],
  visit: {
    task(t, ctx) {
      if (t.isHandler) return;
      const ct = commandTask(t.node, ctx.doc);
      if (!ct || getNode(t.node, 'changed_when') !== undefined || ct.params.has('creates') || ct.params.has('removes')) return;
      if (moduleUses(ct).length) return;
      if (guardedByCheck(ctx.doc, t.node)) return;
      const key = nodeRange(ct.pair.key)!;
      const words = ct.commands.filter((c) => c.words.length > 0);
      const readOnly = !ct.complex && words.length > 0 && words.every((c) => isReadOnly(c));
      ctx.report({
        messageId: readOnly ? 'readOnly' : 'noCheck',
        start: key[0],
        end: key[1],
        fix: readOnly
          ? () => ({
              title: { en: 'Add changed_when: false', ru: 'Добавить changed_when: false' },
              edits: [insertAfterPair(ctx.doc, ct.pair, ['changed_when: false'])],
            })
          : undefined,
      });
    },
  },
});

const registered = new WeakMap<OpsDocument, Set<string>>();

/** Names registered by the document's tasks. */
function registeredNames(doc: OpsDocument): Set<string> {
  let names = registered.get(doc);
  if (!names) {
    names = new Set();
    for (const t of targetsOf(doc).tasks) {
      const r = scalarString(getNode(t.node, 'register'));
      if (r) names.add(r);
    }
    registered.set(doc, names);
  }
  return names;
}

/** `when:` that tests a registered result (`when: not cert.stat.exists`): the command runs only when needed. */
function guardedByCheck(doc: OpsDocument, task: unknown): boolean {
  // The user's text: Jinja2 in `when: "{{ r.rc != 0 }}"` is blanked in the parsed value.
  const conditions = stringList(getNode(task, 'when')).map((c) => {
    const r = nodeRange(c.node);
    return r ? doc.text.slice(r[0], r[1]) : c.value;
  });
  if (!conditions.length) return false;
  const names = registeredNames(doc);
  return conditions.some((c) => (c.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).some((w) => names.has(w)));
}
