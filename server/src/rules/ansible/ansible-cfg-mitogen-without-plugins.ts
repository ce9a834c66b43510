// What it does: flags `strategy = mitogen_*` in ansible.cfg's [defaults] without a
//   `strategy_plugins` path there.
// Why: the notes (slurm-notes.md:203-208): Mitogen is switched on in ansible.cfg, in [defaults],
//   with both lines: `strategy_plugins = /.../ansible_mitogen/plugins/strategy` and
//   `strategy = mitogen_linear`. Without the path Ansible stops with "Invalid play strategy
//   specified: mitogen_linear".
// Example: `strategy = mitogen_linear` alone -> add `strategy_plugins = …` above it.
// Fix safety: suggestion; the path depends on where Mitogen is installed, so a placeholder is
//   inserted and selected. A collection strategy (`serverscom.mitogen.mitogen_linear`) needs
//   no path and is not reported.
// References: https://mitogen.networkgenomics.com/ansible_detailed.html#installation
import { defineRule } from '../types';
import { findEntry } from '../../documents/ini';

const PLACEHOLDER = '/path/to/ansible_mitogen/plugins/strategy';

export default defineRule({
  id: 'ansible-cfg-mitogen-without-plugins',
  family: 'ansible',
  // A warning, not an error: Mitogen from a distro package installs its strategies into
  // Ansible's plugin folder, and ANSIBLE_STRATEGY_PLUGINS can name them; both work without
  // strategy_plugins.
  severity: 'warning',
  key: 'ansible.cfg.defaults.strategy_plugins',
  docs: 'https://mitogen.networkgenomics.com/ansible_detailed.html#installation',
  fixSafety: 'suggestion',
  description: {
    en: 'Mitogen strategy without strategy_plugins in [defaults]',
    ru: 'Стратегия Mitogen без strategy_plugins в [defaults]',
  },
  messages: {
    missingPlugins: {
      en: (a: { strategy: string }) =>
        `${a.strategy} is a Mitogen strategy: set strategy_plugins in [defaults] to the ansible_mitogen/plugins/strategy folder too, or Ansible stops with "Invalid play strategy specified".`,
      ru: (a: { strategy: string }) =>
        `${a.strategy} — стратегия Mitogen: укажите в [defaults] и strategy_plugins с путём к папке ansible_mitogen/plugins/strategy, иначе Ansible остановится с ошибкой «Invalid play strategy specified».`,
    },
  },
  kinds: ['ansible-cfg'],
  visit: {
    ini(model, ctx) {
      const strategy = findEntry(model, 'defaults', 'strategy');
      if (!strategy || !/^mitogen(?:_\w+)?$/.test(strategy.value)) return;
      if (findEntry(model, 'defaults', 'strategy_plugins')) return;
      ctx.report({
        messageId: 'missingPlugins',
        args: { strategy: strategy.value },
        start: strategy.valueStart,
        end: strategy.valueEnd,
        fix: () => {
          const lineStart = ctx.doc.lines.lineStart(strategy.line);
          const indent = ctx.doc.text.slice(lineStart, strategy.keyStart);
          const prefix = `${indent}strategy_plugins = `;
          const select = lineStart + prefix.length;
          return {
            title: { en: 'Add strategy_plugins (edit the path)', ru: 'Добавить strategy_plugins (поправьте путь)' },
            edits: [{ range: ctx.doc.rangeOf(lineStart, lineStart), newText: prefix + PLACEHOLDER + ctx.doc.lines.eol }],
            select: { start: select, end: select + PLACEHOLDER.length },
          };
        },
      });
    },
  },
});
