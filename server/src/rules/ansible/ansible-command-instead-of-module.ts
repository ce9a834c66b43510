// What it does: flags command/shell tasks that run what a module does (apt-get install,
//   systemctl restart, mkdir, curl -o, git clone, useradd…), naming the module.
// Why: the notes (slurm-notes.md:159, 167): Ansible describes the state the system must be in
//   and gives the same result on every run (idempotency); shell commands run every time and
//   turn the playbook back into a shell script.
// Example: `shell: systemctl restart nginx` -> `ansible.builtin.service: {name: nginx, state: restarted}`.
// Fix safety: suggestion. For a service start/stop/restart/reload, `systemctl daemon-reload`,
//   `systemctl enable [--now]` and `[apt-get update &&] apt-get install -y a b` the task's
//   module is rewritten (other keys, comments and line breaks kept; `sudo` becomes
//   `become: true`). `apt-get install` also upgrades an installed package, `state: present`
//   does not, hence not "safe".
// References: ansible-lint command-instead-of-module.
import { defineRule, Fix } from '../types';
import { OpsDocument } from '../../documents/document';
import { ShellWord } from '../../documents/shell';
import { getNode, nodeRange } from '../../documents/yaml';
import { CommandTask, commandTask, program } from './_command';
import { columnOf, pairEnd, yamlScalar } from './_edit';
import { ModuleUse, moduleUses } from './_modules';

const STATES: Record<string, string> = { start: 'started', stop: 'stopped', restart: 'restarted', reload: 'reloaded' };
const APT_FLAGS = /^(?:-[yq]+|--yes|--assume-yes|--quiet|--no-install-recommends)$/;

export default defineRule({
  id: 'ansible-command-instead-of-module',
  family: 'ansible',
  severity: 'warning',
  key: 'ansible.idempotency',
  docs: 'https://docs.ansible.com/projects/lint/rules/command-instead-of-module/',
  fixSafety: 'suggestion',
  description: {
    en: 'command/shell runs what a module does: use the module',
    ru: 'command/shell выполняет то, что делает модуль: используйте модуль',
  },
  messages: {
    useModule: {
      en: (a: { program: string; module: string }) =>
        `\`${a.program}\` does what the ${a.module} module does: use the module. A module describes the state to reach and changes only what differs (idempotency); a command just runs every time.`,
      ru: (a: { program: string; module: string }) =>
        `\`${a.program}\` делает то же, что модуль ${a.module}, — используйте модуль. Модуль описывает нужное состояние и меняет только то, что отличается (идемпотентность); команда просто выполняется каждый раз.`,
    },
    useModules: {
      en: (a: { programs: string; modules: string }) =>
        `These commands do what modules do (${a.programs}): use ${a.modules}. A module describes the state to reach and changes only what differs (idempotency); a command just runs every time.`,
      ru: (a: { programs: string; modules: string }) =>
        `Эти команды делают то же, что модули (${a.programs}), — используйте ${a.modules}. Модуль описывает нужное состояние и меняет только то, что отличается (идемпотентность); команда просто выполняется каждый раз.`,
    },
  },
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'],
  visit: {
    task(t, ctx) {
      const ct = commandTask(t.node, ctx.doc);
      if (!ct) return;
      const uses = moduleUses(ct);
      if (!uses.length) return;
      const first = uses[0];
      // systemd does all service does: `daemon-reload && restart` is one systemd task.
      let modules = [...new Set(uses.map((u) => u.module))];
      if (modules.includes('ansible.builtin.systemd')) modules = modules.filter((m) => m !== 'ansible.builtin.service');
      const programs = [...new Set(uses.map((u) => u.program))];
      const at = { start: first.command.start, end: first.command.end, fix: () => rewrite(ctx.doc, ct, uses) };
      if (programs.length === 1 && modules.length === 1) ctx.report({ messageId: 'useModule', args: { program: programs[0], module: modules[0] }, ...at });
      else ctx.report({ messageId: 'useModules', args: { programs: programs.map((p) => `\`${p}\``).join(', '), modules: modules.join(', ') }, ...at });
    },
  },
});

/** The new module block for the mechanical cases, or undefined. */
function replacement(doc: OpsDocument, ct: CommandTask, uses: ModuleUse[]): { module: string; lines: string[]; sudo: boolean } | undefined {
  // `set -e` lines of a script change nothing a module would do.
  const cmds = ct.commands.filter((c) => c.words.length > 0 && c.words[0].value !== 'set');
  if (ct.hasArgs || ct.params.size > 0 || cmds.length !== uses.length || cmds.length > 2) return undefined;
  if (cmds.length === 2 && !['&&', ';', '\n'].includes(cmds[0].separator)) return undefined;
  const progs = cmds.map((c) => program(c)!);
  const sudo = progs.some((p) => p.sudo);
  const args = progs.map((p) => p.args);
  const names = progs.map((p) => p.name);
  // systemctl daemon-reload && systemctl restart x
  const reload = names.length === 2 && names[0] === 'systemctl' && args[0].length === 1 && args[0][0].value === 'daemon-reload';
  const last = progs.length - 1;
  if (names.length === 2 && !reload && !(names[0].startsWith('apt') && args[0].map((w) => w.value).join(' ') === 'update')) return undefined;
  if (names[last] === 'systemctl' || names[last] === 'service') {
    const a = args[last].filter((w) => w.value !== '-q' && w.value !== '--quiet');
    const positional = a.filter((w) => !w.value.startsWith('-'));
    const [verb, unit] = names[last] === 'service' ? [positional[1], positional[0]] : [positional[0], positional[1]];
    if (names.length === 1 && names[0] === 'systemctl' && a.length === 1 && a[0].value === 'daemon-reload') {
      return { module: 'ansible.builtin.systemd', lines: ['daemon_reload: true'], sudo };
    }
    if (!verb || !unit || a.some((w) => w.value.startsWith('-') && w.value !== '--now')) return undefined;
    const name = valueOf(doc, unit);
    if (name === undefined) return undefined;
    const now = a.some((w) => w.value === '--now');
    if ((verb.value === 'enable' || verb.value === 'disable') && a.length === (now ? 3 : 2)) {
      const lines = [`name: ${name}`, `enabled: ${verb.value === 'enable'}`];
      if (now) lines.push(`state: ${verb.value === 'enable' ? 'started' : 'stopped'}`);
      if (reload) lines.push('daemon_reload: true');
      return { module: 'ansible.builtin.systemd', lines, sudo };
    }
    const state = STATES[verb.value];
    if (!state || a.length !== 2 || now) return undefined;
    if (reload) return { module: 'ansible.builtin.systemd', lines: [`name: ${name}`, `state: ${state}`, 'daemon_reload: true'], sudo };
    return { module: 'ansible.builtin.service', lines: [`name: ${name}`, `state: ${state}`], sudo };
  }
  if (names.length === 1 && (names[0] === 'mkdir' || names[0] === 'rm')) return fileState(doc, names[0], args[0], sudo);
  if (names.length === 1 && names[0] === 'ln') return link(doc, args[0], sudo);
  if ((names[last] === 'apt-get' || names[last] === 'apt') && !reload) {
    const a = args[last];
    if (names.length === 1 && a.length === 1 && a[0].value === 'update') return { module: 'ansible.builtin.apt', lines: ['update_cache: true'], sudo };
    const installAt = a.findIndex((w) => w.value === 'install');
    if (installAt < 0 || a.slice(0, installAt).some((w) => !APT_FLAGS.test(w.value))) return undefined;
    const rest = a.slice(installAt + 1);
    const flags = rest.filter((w) => w.value.startsWith('-'));
    if (flags.some((w) => !APT_FLAGS.test(w.value)) || a.slice(0, installAt).some((w) => w.value === '--no-install-recommends')) return undefined;
    const pkgs = rest.filter((w) => !w.value.startsWith('-')).map((w) => valueOf(doc, w));
    if (!pkgs.length || pkgs.some((p) => p === undefined)) return undefined;
    const lines = pkgs.length === 1 ? [`name: ${pkgs[0]}`] : ['name:', ...pkgs.map((p) => `  - ${p}`)];
    lines.push('state: present');
    if (names.length === 2) lines.push('update_cache: true');
    if (flags.some((w) => w.value === '--no-install-recommends')) lines.push('install_recommends: false');
    return { module: 'ansible.builtin.apt', lines, sudo };
  }
  return undefined;
}

/** `mkdir [-p] dir` -> state: directory; `rm -rf path` -> state: absent (one path, no other options). */
function fileState(doc: OpsDocument, name: string, args: ShellWord[], sudo: boolean): ReturnType<typeof replacement> {
  const flags = args.filter((w) => w.value.startsWith('-')).map((w) => w.value);
  const paths = args.filter((w) => !w.value.startsWith('-'));
  const ok = name === 'mkdir' ? flags.every((f) => f === '-p' || f === '--parents') : flags.every((f) => /^-[rRf]+$/.test(f));
  const path = paths.length === 1 ? valueOf(doc, paths[0]) : undefined;
  if (!ok || !path || path === '/' || path === '"/"') return undefined;
  return { module: 'ansible.builtin.file', lines: [`path: ${path}`, `state: ${name === 'mkdir' ? 'directory' : 'absent'}`], sudo };
}

/** `ln -s[f] target link` -> state: link (force: true for -f). */
function link(doc: OpsDocument, args: ShellWord[], sudo: boolean): ReturnType<typeof replacement> {
  const flags = args.filter((w) => w.value.startsWith('-')).map((w) => w.value);
  const paths = args.filter((w) => !w.value.startsWith('-')).map((w) => valueOf(doc, w));
  if (flags.length !== 1 || !/^-(?:s|sf|fs|sfn|snf|nsf|fsn)$/.test(flags[0]) || paths.length !== 2 || paths.some((p) => !p)) return undefined;
  const lines = [`src: ${paths[0]}`, `dest: ${paths[1]}`, 'state: link'];
  if (flags[0].includes('f')) lines.push('force: true');
  return { module: 'ansible.builtin.file', lines, sudo };
}

/** A word as a YAML scalar: Jinja2 (blanked in the analysed text) comes from the user's text. */
function valueOf(doc: OpsDocument, w: ShellWord): string | undefined {
  if (!doc.isTemplated(w.start, w.end)) return yamlScalar(w.value);
  return w.quoted ? undefined : yamlScalar(doc.text.slice(w.start, w.end));
}

function rewrite(doc: OpsDocument, ct: CommandTask, uses: ModuleUse[]): Fix | undefined {
  const r = replacement(doc, ct, uses);
  if (!r) return undefined;
  const start = nodeRange(ct.pair.key)![0];
  const end = pairEnd(doc, ct.pair);
  const indent = ' '.repeat(columnOf(doc, start));
  const eol = doc.lines.eol;
  let text = `${r.module}:` + r.lines.map((l) => `${eol}${indent}  ${l}`).join('');
  if (r.sudo && getNode(ct.task, 'become') === undefined) text += `${eol}${indent}become: true`;
  return {
    title: { en: `Use ${r.module}`, ru: `Заменить на модуль ${r.module}` },
    edits: [{ range: doc.rangeOf(start, end), newText: text }],
  };
}
