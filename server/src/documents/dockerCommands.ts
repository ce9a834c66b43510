// What the commands in a Dockerfile RUN mean: package managers (apt-get, apk, yum/dnf, pip),
// dependency installers (npm, yarn, pnpm, bundle, go, composer, poetry, pipenv) and the shell
// commands the notes name (set -ex, ln -sf /dev/stdout, rm -rf /var/lib/apt/lists/*). Shared
// by the locator (hover) and the Dockerfile rules, so both read a command the same way.
import { effectiveWords, ShellCommand, ShellWord } from './shell';

export type Tool = 'apt-get' | 'apk' | 'yum' | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'bundle' | 'go' | 'composer' | 'poetry' | 'pipenv';

export interface CommandInfo {
  /** The command's words after prefixes that do not change what runs (sudo, env, VAR=x). */
  words: ShellWord[];
  /** Program name without its directory (`/usr/bin/apt-get` -> `apt-get`). */
  program: string;
  tool?: Tool;
  /** The words naming the command: `apt-get install`, `python3 -m pip install`. */
  head: ShellWord[];
  /** Subcommand, lower-case (`install`, `add`, `mod download`), '' when there is none. */
  sub: string;
  /** Options anywhere after the program, with the values of options that take one. */
  options: ShellWord[];
  /** Arguments that are not options: packages of an install. */
  operands: ShellWord[];
}

// Options that take a separate value (`-o Dpkg::Options=...`, `--virtual .build-deps`).
const VALUE_OPTIONS: Record<Tool, ReadonlySet<string>> = {
  'apt-get': new Set(['-o', '-c', '-t', '-a', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture']),
  apk: new Set(['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--repositories-file', '-t', '--virtual', '--keys-dir']),
  yum: new Set(['-c', '--config', '-x', '--exclude', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--setopt', '-d', '-e', '--forcearch']),
  pip: new Set([
    '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root',
    '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--global-option', '-C',
    '--config-settings', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--only-binary', '--no-binary', '--report', '--python',
  ]),
  npm: new Set(['--prefix', '-w', '--workspace', '--registry', '--cache', '--omit', '--include', '--loglevel']),
  yarn: new Set(['--cwd', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex']),
  pnpm: new Set(['-C', '--dir', '--filter', '-F', '--store-dir']),
  bundle: new Set(['--gemfile', '--jobs', '-j', '--path', '--retry', '--without', '--with']),
  go: new Set(['-C', '-modfile', '-x']),
  composer: new Set(['-d', '--working-dir']),
  poetry: new Set(['-C', '--directory', '--only', '--with', '--without', '-E', '--extras']),
  pipenv: new Set(['--python']),
};

const PROGRAMS: Record<string, Tool> = {
  'apt-get': 'apt-get',
  apt: 'apt-get',
  aptitude: 'apt-get',
  apk: 'apk',
  yum: 'yum',
  dnf: 'yum',
  microdnf: 'yum',
  tdnf: 'yum',
  npm: 'npm',
  yarn: 'yarn',
  pnpm: 'pnpm',
  bundle: 'bundle',
  bundler: 'bundle',
  go: 'go',
  composer: 'composer',
  poetry: 'poetry',
  pipenv: 'pipenv',
};

const PIP = /^pip(?:3(?:\.\d+)?)?$/;
const PYTHON = /^python(?:\d(?:\.\d+)?)?$/;

export function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

// Commands are parsed once per document version and read by many rules: analyse each once.
const analysed = new WeakMap<ShellCommand, CommandInfo>();

/** Read a simple command (the result is shared: do not modify it). Never throws. */
export function analyzeCommand(cmd: ShellCommand): CommandInfo {
  let info = analysed.get(cmd);
  if (!info) analysed.set(cmd, (info = analyze(cmd)));
  return info;
}

function analyze(cmd: ShellCommand): CommandInfo {
  const words = effectiveWords(cmd);
  const program = words.length ? basename(words[0].value) : '';
  let tool: Tool | undefined = PROGRAMS[program];
  let rest = 1;
  if (PIP.test(program)) tool = 'pip';
  else if (PYTHON.test(program)) {
    // `python3 -m pip install ...`
    const m = words.findIndex((w, i) => i > 0 && w.value === '-m');
    if (m > 0 && words[m + 1] && PIP.test(words[m + 1].value)) {
      tool = 'pip';
      rest = m + 2;
    }
  }
  const info: CommandInfo = { words, program, tool, head: words.slice(0, rest), sub: '', options: [], operands: [] };
  if (!tool) return info;
  const valueOptions = VALUE_OPTIONS[tool];
  let subWord: ShellWord | undefined;
  for (let i = rest; i < words.length; i++) {
    const w = words[i];
    if (w.value.startsWith('-') && w.value.length > 1 && !w.quoted) {
      info.options.push(w);
      if (valueOptions.has(w.value) && words[i + 1]) info.options.push(words[++i]);
      continue;
    }
    if (!subWord) {
      subWord = w;
      info.sub = w.value.toLowerCase();
      info.head = [...words.slice(0, rest), w];
      if (tool === 'go' && info.sub === 'mod' && words[i + 1]) {
        // `go mod download`: the subcommand is two words.
        i++;
        info.sub = `mod ${words[i].value}`;
        info.head.push(words[i]);
      }
      continue;
    }
    info.operands.push(w);
  }
  return info;
}

/** The value of an option: `-r file`, `--requirement=file`, `--requirement file`. */
export function optionValues(info: CommandInfo, names: readonly string[]): ShellWord[] {
  const out: ShellWord[] = [];
  const opts = info.options;
  for (let i = 0; i < opts.length; i++) {
    const v = opts[i].value;
    if (names.includes(v) && opts[i + 1] && !opts[i + 1].value.startsWith('-')) out.push(opts[i + 1]);
    for (const n of names) {
      if (n.startsWith('--') && v.startsWith(n + '=')) {
        const w = opts[i];
        out.push({ value: v.slice(n.length + 1), start: w.start + n.length + 1, end: w.end, quoted: w.quoted });
      }
    }
  }
  return out;
}

export function hasOption(info: CommandInfo, test: (option: string) => boolean): boolean {
  return info.options.some((o) => test(o.value));
}

/** The command installs packages with a system package manager or pip. */
export function isPackageInstall(info: CommandInfo): boolean {
  switch (info.tool) {
    case 'apt-get':
      return info.sub === 'install';
    case 'apk':
      return info.sub === 'add';
    case 'yum':
      return info.sub === 'install';
    case 'pip':
      return info.sub === 'install';
    default:
      return false;
  }
}

export function isSystemPackageInstall(info: CommandInfo): boolean {
  return isPackageInstall(info) && info.tool !== 'pip';
}

/** `apt-get upgrade`, `dist-upgrade`, `full-upgrade`; `apk upgrade`. */
export function isUpgrade(info: CommandInfo): boolean {
  if (info.tool === 'apt-get') return info.sub === 'upgrade' || info.sub === 'dist-upgrade' || info.sub === 'full-upgrade';
  if (info.tool === 'apk') return info.sub === 'upgrade';
  return false;
}

/** Packages of an install: operands that are package names (not variables or files). */
export function packageWords(info: CommandInfo): ShellWord[] {
  if (!isPackageInstall(info)) return [];
  return info.operands;
}

export interface DependencyStep {
  /** What installs: `pip install -r`, `npm ci`... (for messages). */
  label: string;
  /** Manifest files the step reads, primary first; paths as written (pip -r) or names. */
  manifests: string[];
  /** The manifest is a path the user wrote (pip -r), not a conventional name. */
  explicit: boolean;
}

/**
 * A command that installs a project's dependencies from its manifest (slurm-notes.md:117-118:
 * the dependency files are copied first, then installed, then the code is copied).
 */
export function dependencyStep(info: CommandInfo): DependencyStep | undefined {
  const label = info.head.map((w) => w.value).join(' ');
  const noPackages = info.operands.length === 0;
  switch (info.tool) {
    case 'pip': {
      if (info.sub !== 'install') return undefined;
      const files = optionValues(info, ['-r', '--requirement']).map((w) => w.value);
      return files.length && !files.some((f) => f.includes('$')) ? { label: `${label} -r`, manifests: files, explicit: true } : undefined;
    }
    case 'npm':
      return (info.sub === 'ci' || info.sub === 'install' || info.sub === 'i') && noPackages ? { label, manifests: ['package.json', 'package-lock.json'], explicit: false } : undefined;
    case 'yarn':
      return (info.sub === '' || info.sub === 'install') && noPackages ? { label: info.sub ? label : 'yarn', manifests: ['package.json', 'yarn.lock'], explicit: false } : undefined;
    case 'pnpm':
      return (info.sub === 'install' || info.sub === 'i') && noPackages ? { label, manifests: ['package.json', 'pnpm-lock.yaml'], explicit: false } : undefined;
    case 'bundle':
      return info.sub === 'install' && noPackages ? { label, manifests: ['Gemfile', 'Gemfile.lock'], explicit: false } : undefined;
    case 'go':
      return info.sub === 'mod download' ? { label, manifests: ['go.mod', 'go.sum'], explicit: false } : undefined;
    case 'composer':
      return info.sub === 'install' && noPackages ? { label, manifests: ['composer.json', 'composer.lock'], explicit: false } : undefined;
    case 'poetry':
      // Without --no-root poetry also installs the project itself, which needs the code.
      return info.sub === 'install' && hasOption(info, (o) => o === '--no-root') ? { label, manifests: ['pyproject.toml', 'poetry.lock'], explicit: false } : undefined;
    case 'pipenv':
      return info.sub === 'install' && noPackages ? { label, manifests: ['Pipfile', 'Pipfile.lock'], explicit: false } : undefined;
    default:
      return undefined;
  }
}

/** `set -ex`, `set -eux`, `set -e -x`, `set -o xtrace`: the shell traces what it runs. */
export function isSetEx(info: CommandInfo): boolean {
  if (info.program !== 'set') return false;
  return info.words.slice(1).some((w) => /^-[a-z]*[ex][a-z]*$/.test(w.value) || w.value === 'xtrace' || w.value === 'errexit');
}

/** `ln -sf /dev/stdout /var/log/nginx/access.log` (slurm-notes.md:17-19). */
export function linksToStdio(info: CommandInfo): 'stdout' | 'stderr' | undefined {
  if (info.program !== 'ln' || !info.words.some((w) => /^-[a-zA-Z]*s/.test(w.value) || w.value === '--symbolic')) return undefined;
  for (const w of info.words.slice(1)) {
    if (w.value === '/dev/stdout' || w.value === '/proc/self/fd/1' || w.value === '/proc/1/fd/1') return 'stdout';
    if (w.value === '/dev/stderr' || w.value === '/proc/self/fd/2' || w.value === '/proc/1/fd/2') return 'stderr';
  }
  return undefined;
}

/** `rm -rf /var/lib/apt/lists/*` (or any path under /var/lib/apt/lists). */
export function removesAptLists(info: CommandInfo): boolean {
  return info.program === 'rm' && info.words.some((w) => w.value === '/var/lib/apt' || w.value.startsWith('/var/lib/apt/lists') || w.value === '/var/lib/apt/*');
}

/** `rm -rf /var/cache/apk/*`. */
export function removesApkCache(info: CommandInfo): boolean {
  return info.program === 'rm' && info.words.some((w) => w.value.startsWith('/var/cache/apk'));
}

/** `apt-get clean`, `yum clean all`, `npm cache clean`, `apk cache clean`, `pip cache purge`... */
export function cleansCache(info: CommandInfo): boolean {
  if (info.tool === 'apt-get' || info.tool === 'yum') return info.sub === 'clean';
  if (info.tool === 'npm' || info.tool === 'yarn' || info.tool === 'apk' || info.tool === 'pip') return info.sub === 'cache';
  return false;
}

const USER_COMMANDS = new Set(['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod']);
export function addsUser(info: CommandInfo): boolean {
  return USER_COMMANDS.has(info.program);
}

/** Building static assets (slurm-notes.md:134-135): `npm run build`, `collectstatic`, `assets:precompile`. */
export function buildsStatic(info: CommandInfo): boolean {
  const v = info.words.map((w) => w.value);
  if ((info.tool === 'npm' || info.tool === 'pnpm') && info.sub === 'run' && /^build/.test(v[2] ?? '')) return true;
  if (info.tool === 'yarn' && (info.sub === 'build' || (info.sub === 'run' && /^build/.test(v[2] ?? '')))) return true;
  return v.includes('collectstatic') || v.includes('assets:precompile');
}

/** Package names that are build tools or headers (slurm-notes.md:124). */
export function isDevPackage(name: string): boolean {
  const n = name.replace(/[=:].*$/, '').replace(/~.*$/, '').toLowerCase();
  if (n === 'build-essential' || n === 'build-base' || n === 'gcc' || n === 'g++' || n === 'gcc-c++' || n === 'make' || n === 'linux-headers' || n === 'musl-dev') return true;
  if (/^gcc-\d+$|^g\+\+-\d+$|^linux-headers-/.test(n)) return true;
  return /[a-z0-9]-(?:dev|devel)$/.test(n);
}
