// Which module does what a command does (ansible-lint command-instead-of-module, extended with
// the file operations of its retired CommandsInsteadOfArgumentsRule). A command counts only
// when the module can say the same thing: a subcommand that changes state, no pipeline, no
// redirection, no shell variable, no glob.
import { ShellCommand } from '../../documents/shell';
import { CommandTask, hasGlob, program, usesShellFeatures } from './_command';

export interface ModuleUse {
  command: ShellCommand;
  /** The program as written (`apt-get`, `systemctl`). */
  program: string;
  /** The module to use, by its full name. */
  module: string;
}

const B = (m: string) => `ansible.builtin.${m}`;
// Options that take the next word as their value.
const VALUE_FLAGS = new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file', '-C', '-u', '-g', '-G', '-m', '-p']);

/** The subcommand: the first word that is not an option (nor an option's value). */
function subcommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-')) {
      if (VALUE_FLAGS.has(a)) i++;
      continue;
    }
    return a;
  }
  return undefined;
}

const APT_SUBS = new Set(['install', 'remove', 'purge', 'update', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'autoclean']);
const RPM_SUBS = new Set(['install', 'remove', 'erase', 'update', 'upgrade', 'downgrade', 'reinstall', 'groupinstall', 'localinstall', 'autoremove']);
const SERVICE_VERBS = new Set(['start', 'stop', 'restart', 'reload', 'try-restart', 'reload-or-restart']);
const SYSTEMD_VERBS = new Set(['enable', 'disable', 'daemon-reload', 'mask', 'unmask']);

type Mapper = (args: string[]) => string | undefined;

const MODULES: Record<string, Mapper> = {
  'apt-get': (a) => (APT_SUBS.has(subcommand(a) ?? '') ? B('apt') : undefined),
  apt: (a) => (APT_SUBS.has(subcommand(a) ?? '') ? B('apt') : undefined),
  aptitude: (a) => (APT_SUBS.has(subcommand(a) ?? '') || subcommand(a) === 'safe-upgrade' ? B('apt') : undefined),
  // ansible.builtin.yum redirects to dnf since ansible-core 2.17.
  yum: (a) => (RPM_SUBS.has(subcommand(a) ?? '') ? B('dnf') : undefined),
  dnf: (a) => (RPM_SUBS.has(subcommand(a) ?? '') ? B('dnf') : undefined),
  pip: (a) => (['install', 'uninstall'].includes(subcommand(a) ?? '') ? B('pip') : undefined),
  pip3: (a) => (['install', 'uninstall'].includes(subcommand(a) ?? '') ? B('pip') : undefined),
  python: (a) => (a[0] === '-m' && a[1] === 'pip' && ['install', 'uninstall'].includes(a[2]) ? B('pip') : undefined),
  python3: (a) => (a[0] === '-m' && a[1] === 'pip' && ['install', 'uninstall'].includes(a[2]) ? B('pip') : undefined),
  systemctl: (a) => {
    const verb = subcommand(a) ?? '';
    if (SERVICE_VERBS.has(verb)) return B('service');
    return SYSTEMD_VERBS.has(verb) ? B('systemd') : undefined;
  },
  service: (a) => (a.length >= 2 && !a[0].startsWith('-') && SERVICE_VERBS.has(a[1]) ? B('service') : undefined),
  chkconfig: (a) => (a.length === 2 && (a[1] === 'on' || a[1] === 'off') ? B('service') : undefined),
  cp: (a) => (a.filter((x) => !x.startsWith('-')).length >= 2 ? B('copy') : undefined),
  mkdir: (a) => (a.some((x) => !x.startsWith('-')) ? B('file') : undefined),
  chmod: (a) => (a.filter((x) => !x.startsWith('-')).length >= 2 ? B('file') : undefined),
  chown: (a) => (a.filter((x) => !x.startsWith('-')).length >= 2 ? B('file') : undefined),
  chgrp: (a) => (a.filter((x) => !x.startsWith('-')).length >= 2 ? B('file') : undefined),
  ln: (a) => (a.filter((x) => !x.startsWith('-')).length >= 2 ? B('file') : undefined),
  rm: (a) => (a.some((x) => !x.startsWith('-')) ? B('file') : undefined),
  rmdir: (a) => (a.some((x) => !x.startsWith('-')) ? B('file') : undefined),
  touch: (a) => (a.some((x) => !x.startsWith('-')) ? B('file') : undefined),
  curl: (a) => (a.some((x) => /^-[a-zA-Z]*[oO]/.test(x) || x === '--output' || x === '--remote-name') ? B('get_url') : B('uri')),
  wget: (a) => (a.some((x) => x === '-' || /^-q?O-$/.test(x)) ? B('uri') : B('get_url')),
  git: (a) => (['clone', 'pull', 'fetch', 'checkout'].includes(subcommand(a) ?? '') ? B('git') : undefined),
  useradd: () => B('user'),
  adduser: (a) => (a.length >= 1 ? B('user') : undefined),
  usermod: () => B('user'),
  userdel: () => B('user'),
  groupadd: () => B('group'),
  groupdel: () => B('group'),
  tar: (a) => (a.some((x) => x === '--extract' || x === '-x' || /^-?[a-wyzA-Z]*x[a-zA-Z]*$/.test(x) && !x.startsWith('--')) ? B('unarchive') : undefined),
  unzip: (a) => (a.some((x) => !x.startsWith('-')) ? B('unarchive') : undefined),
  sed: (a) => (a.some((x) => /^-[a-zA-Z]*i/.test(x) || x.startsWith('--in-place')) ? B('replace') : undefined),
  hostnamectl: (a) => (subcommand(a) === 'set-hostname' ? B('hostname') : undefined),
  sysctl: (a) => (a.includes('-w') ? 'ansible.posix.sysctl' : undefined),
};

/** The module for one simple command, if a module does what it does. */
export function moduleFor(cmd: ShellCommand): ModuleUse | undefined {
  const p = program(cmd);
  if (!p) return undefined;
  const mapper = Object.prototype.hasOwnProperty.call(MODULES, p.name) ? MODULES[p.name] : undefined;
  if (!mapper) return undefined;
  const module = mapper(p.args.map((w) => w.value));
  return module ? { command: cmd, program: p.name, module } : undefined;
}

/** Commands of a command/shell task that a module would do, in order. */
export function moduleUses(ct: CommandTask): ModuleUse[] {
  if (ct.module === 'raw' || ct.complex || ct.params.get('warn') === 'false' || ct.params.get('warn') === 'no') return [];
  const out: ModuleUse[] = [];
  ct.commands.forEach((cmd, i) => {
    if (usesShellFeatures(ct.commands, i) || hasGlob(cmd.words)) return;
    const use = moduleFor(cmd);
    if (use) out.push(use);
  });
  return out;
}
