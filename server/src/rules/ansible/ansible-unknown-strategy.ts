// What it does: flags a strategy Ansible does not have, in ansible.cfg ([defaults] strategy)
//   and in plays (`strategy:`). `serial` gets its own message: it is a play keyword.
// Why: the notes (slurm-notes.md:208-210) list linear (the default), free and Mitogen's
//   mitogen_linear; they also call serial a strategy, which it is not (today: ansible-serial).
//   An unknown name stops the run with "Invalid play strategy specified".
// Example: `strategy = mitogen_liner` -> `mitogen_linear`; `strategy: serial` -> `serial: N`.
// Fix safety: suggestion; the closest known name (one or two letters off) is offered.
//   Collection strategies (`ns.collection.name`) and Jinja2 values are not checked.
// References: https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_strategies.html
import { defineRule, Fix, RuleContext } from '../types';
import { findEntry } from '../../documents/ini';
import { OpsDocument } from '../../documents/document';
import { getNode, isScalar, nodeRange, scalarString } from '../../documents/yaml';
import { closest } from './_names';

const messages = {
  unknown: {
    en: (a: { value: string; known: string }) => `"${a.value}" is not a strategy Ansible has (${a.known}): the run stops with "Invalid play strategy specified".`,
    ru: (a: { value: string; known: string }) => `«${a.value}» — такой стратегии в Ansible нет (${a.known}): запуск остановится с ошибкой «Invalid play strategy specified».`,
  },
  serial: {
    en: 'serial is not a strategy but a play keyword: `serial: 2` (or "30%") runs the play on batches of hosts, with the linear or free strategy inside each batch.',
    ru: 'serial — не стратегия, а ключ плея: `serial: 2` (или "30%") выполняет плей пачками хостов, а внутри пачки работает стратегия linear или free.',
  },
};

const BUILTIN = ['linear', 'free', 'debug', 'host_pinned'];
const KNOWN = new Set([...BUILTIN, 'mitogen', 'mitogen_linear', 'mitogen_free', 'mitogen_host_pinned']);

export default defineRule({
  id: 'ansible-unknown-strategy',
  family: 'ansible',
  severity: 'warning',
  key: 'ansible.cfg.defaults.strategy',
  docs: 'https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_strategies.html',
  fixSafety: 'suggestion',
  description: {
    en: 'Unknown strategy name',
    ru: 'Неизвестная стратегия',
  },
  messages,
  kinds: ['ansible-cfg', 'ansible-playbook'],
  visit: {
    ini(model, ctx) {
      const e = findEntry(model, 'defaults', 'strategy');
      if (e) check(ctx, e.value, e.valueStart, e.valueEnd);
    },
    play(play, ctx) {
      const node = getNode(play.node, 'strategy');
      const value = scalarString(node);
      const r = nodeRange(node);
      if (!isScalar(node) || value === undefined || !r || ctx.doc.isTemplated(r[0], r[1])) return;
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
      check(ctx, value, r[0] + quoted, r[1] - quoted);
    },
  },
});

type Ctx = RuleContext<typeof messages>;

function check(ctx: Ctx, value: string, start: number, end: number): void {
  const name = value.startsWith('ansible.builtin.') ? value.slice('ansible.builtin.'.length) : value;
  if (!name || KNOWN.has(name) || (name.includes('.') && !value.startsWith('ansible.builtin.')) || name.includes('{')) return;
  if (name === 'serial') {
    ctx.report({ messageId: 'serial', start, end });
    return;
  }
  const near = closest(name, KNOWN);
  ctx.report({
    messageId: 'unknown',
    args: { value, known: [...KNOWN].filter((k) => k !== 'mitogen').join(', ') },
    start,
    end,
    fix: near ? () => replaceWith(ctx.doc, start, end, value.startsWith('ansible.builtin.') ? `ansible.builtin.${near}` : near) : undefined,
  });
}

function replaceWith(doc: OpsDocument, start: number, end: number, text: string): Fix {
  return { title: { en: `Change to ${text}`, ru: `Заменить на ${text}` }, edits: [{ range: doc.rangeOf(start, end), newText: text }] };
}
