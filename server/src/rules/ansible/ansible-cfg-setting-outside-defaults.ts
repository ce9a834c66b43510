// What it does: flags `strategy` and `strategy_plugins` written outside [defaults] of ansible.cfg
//   (in another section, or above every section header).
// Why: the notes (slurm-notes.md:204): Mitogen is switched on in the [defaults] directive.
//   Ansible reads both settings only from [defaults]; in [ssh_connection] they are silently
//   ignored, and lines above the first header make the whole file unreadable ("File contains
//   no section headers").
// Example: `strategy = mitogen_linear` under [ssh_connection] -> moved under [defaults].
// Fix safety: safe; the line moves to the end of [defaults] (a new [defaults] section is
//   added at the top when there is none). When [defaults] already sets the same key the
//   misplaced line (ignored by Ansible) is removed instead.
// References: https://docs.ansible.com/ansible/latest/reference_appendices/config.html#default-strategy
import { defineRule, Fix } from '../types';
import { IniEntry, IniModel, IniSection } from '../../documents/ini';
import { OpsDocument } from '../../documents/document';

const KEYS = new Set(['strategy', 'strategy_plugins']);

export default defineRule({
  id: 'ansible-cfg-setting-outside-defaults',
  family: 'ansible',
  severity: 'error',
  key: 'ansible.cfg.defaults',
  docs: 'https://docs.ansible.com/ansible/latest/reference_appendices/config.html#default-strategy',
  fixSafety: 'safe',
  description: {
    en: 'strategy/strategy_plugins outside [defaults] in ansible.cfg',
    ru: 'strategy/strategy_plugins вне [defaults] в ansible.cfg',
  },
  messages: {
    otherSection: {
      en: (a: { key: string; section: string }) => `${a.key} is read only from [defaults]; in [${a.section}] Ansible ignores it.`,
      ru: (a: { key: string; section: string }) => `${a.key} читается только из [defaults]; в [${a.section}] Ansible его не видит.`,
    },
    noSection: {
      en: (a: { key: string }) => `${a.key} is above every section: Ansible cannot read this file ("File contains no section headers"). Put it under [defaults].`,
      ru: (a: { key: string }) => `${a.key} стоит до всех секций — Ansible не сможет прочитать файл («File contains no section headers»). Перенесите в [defaults].`,
    },
  },
  kinds: ['ansible-cfg'],
  visit: {
    ini(model, ctx) {
      for (const section of model.sections) {
        if (section.name === 'defaults') continue;
        for (const e of section.entries) {
          if (!KEYS.has(e.key)) continue;
          const fix = () => move(ctx.doc, model, e, section);
          if (section.name === '') ctx.report({ messageId: 'noSection', args: { key: e.key }, start: e.keyStart, end: e.keyEnd, fix });
          else ctx.report({ messageId: 'otherSection', args: { key: e.key, section: section.name }, start: e.keyStart, end: e.keyEnd, fix });
        }
      }
    },
  },
});

function move(doc: OpsDocument, model: IniModel, e: IniEntry, section: IniSection): Fix {
  const eol = doc.lines.eol;
  const lineStart = doc.lines.lineStart(e.line);
  const lastLine = doc.lines.positionAt(e.valueEnd).line;
  const lineText = doc.text.slice(lineStart, doc.lines.lineEnd(lastLine)).trimStart();
  const cutEnd = lastLine + 1 < doc.lines.lineCount ? doc.lines.lineStart(lastLine + 1) : doc.text.length;
  const cut = { range: doc.rangeOf(lineStart, cutEnd), newText: '' };
  const defaults = model.sections.find((s) => s.name === 'defaults');
  if (defaults?.entries.some((d) => d.key === e.key)) {
    return { title: { en: `Remove the ignored ${e.key} line`, ru: `Удалить игнорируемую строку ${e.key}` }, edits: [cut] };
  }
  const title = { en: `Move ${e.key} to [defaults]`, ru: `Перенести ${e.key} в [defaults]` };
  if (!defaults && section.name === '') {
    // Lines above every header: a [defaults] header above the first of them.
    const at = doc.lines.lineStart(section.entries[0].line);
    return { title, edits: [{ range: doc.rangeOf(at, at), newText: `[defaults]${eol}` }] };
  }
  if (!defaults) {
    const at = doc.lines.lineStart(model.sections[1].line);
    return { title, edits: [{ range: doc.rangeOf(at, at), newText: `[defaults]${eol}${lineText}${eol}${eol}` }, cut] };
  }
  const at = doc.lines.lineEnd(endLine(doc, defaults));
  return { title, edits: [{ range: doc.rangeOf(at, at), newText: eol + lineText }, cut] };
}

/** The last line of a section's entries (or its header). */
function endLine(doc: OpsDocument, s: IniSection): number {
  const last = s.entries[s.entries.length - 1];
  return last ? doc.lines.positionAt(last.valueEnd).line : s.line;
}
