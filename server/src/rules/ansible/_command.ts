// Command and shell tasks: the command line (free form, `cmd:`, `argv:`), their parameters
// (creates, removes, chdir…) and the simple commands it runs, tokenized with offsets by the
// shell tokenizer. Shared by ansible-command-instead-of-module and -without-changed-when.
import { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { shortModuleName, TASK_KEYWORDS } from '../../documents/ansible';
import { effectiveWords, ShellCommand, ShellWord, tokenizeShell } from '../../documents/shell';
import { entries, getNode, isMap, isScalar, isSeq, nodeRange, scalarString } from '../../documents/yaml';

/** Parameters of command/shell (Ansible takes them out of the free-form string too). */
const PARAMS = new Set(['creates', 'removes', 'chdir', 'executable', 'warn', 'stdin', 'stdin_add_newline', 'strip_empty_ends', 'expand_argument_vars']);
const FREE_PARAM = /^(creates|removes|chdir|executable|warn|stdin|stdin_add_newline|strip_empty_ends)=/;
// First words of shell control structures: a script with logic is not a list of module calls.
const CONTROL = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select']);

export interface CommandTask {
  task: YAMLMap;
  /** The module pair (`ansible.builtin.shell: …`). */
  pair: Pair<Scalar, Node | null>;
  /** `command`, `shell` or `raw`. */
  module: 'command' | 'shell' | 'raw';
  /** Parameters from the free form, the module's mapping and `args:`. */
  params: Map<string, string>;
  /** Whether `args:` is present (fixes that rewrite the module then do not apply). */
  hasArgs: boolean;
  /** The simple commands run, with offsets into the document. */
  commands: ShellCommand[];
  /** The script uses control structures, heredocs, subshells or backgrounding. */
  complex: boolean;
}

// Both command rules read the same tasks: parse each once per document version (the task map
// belongs to one parsed version, so it is the cache key).
const parsed = new WeakMap<YAMLMap, CommandTask | null>();

/** The command/shell/raw module of a task, parsed; undefined for other tasks. */
export function commandTask(task: YAMLMap, doc: OpsDocument): CommandTask | undefined {
  let ct = parsed.get(task);
  if (ct === undefined) parsed.set(task, (ct = parseCommandTask(task, doc) ?? null));
  return ct ?? undefined;
}

function parseCommandTask(task: YAMLMap, doc: OpsDocument): CommandTask | undefined {
  let pair: Pair<Scalar, Node | null> | undefined;
  let module: CommandTask['module'] | undefined;
  for (const [key, p] of entries(task)) {
    if (TASK_KEYWORDS.has(key)) continue;
    const short = shortModuleName(key);
    if ((short === 'command' || short === 'shell' || short === 'raw') && (key === short || /^ansible\.(?:builtin|legacy)\./.test(key))) {
      pair = p;
      module = short;
      break;
    }
  }
  if (!pair || !module) return undefined;
  const params = new Map<string, string>();
  const args = getNode(task, 'args');
  for (const [k, p] of entries(args)) params.set(k, scalarString(p.value) ?? '');
  for (const k of ['creates', 'removes']) if (getNode(task, k) !== undefined) params.set(k, scalarString(getNode(task, k)) ?? '');
  let commands: ShellCommand[] = [];
  let complex = false;
  const value = pair.value;
  if (isMap(value)) {
    for (const [k, p] of entries(value)) if (PARAMS.has(k)) params.set(k, scalarString(p.value) ?? '');
    const argv = getNode(value, 'argv');
    const cmd = getNode(value, 'cmd');
    if (isSeq(argv)) commands = [argvCommand(argv)];
    else if (isScalar(cmd)) ({ commands, complex } = scriptCommands(cmd, doc, module, params));
  } else if (isScalar(value)) {
    ({ commands, complex } = scriptCommands(value, doc, module, params));
  }
  return { task, pair, module, params, hasArgs: args !== undefined, commands, complex };
}

function argvCommand(argv: Node): ShellCommand {
  const words: ShellWord[] = [];
  for (const item of (argv as { items: unknown[] }).items) {
    const r = nodeRange(item as Node);
    const v = scalarString(item);
    if (r && v !== undefined) words.push({ value: v, start: r[0], end: r[1], quoted: true });
  }
  const start = words[0]?.start ?? 0;
  const end = words[words.length - 1]?.end ?? 0;
  return { words, separator: '', separatorStart: end, separatorEnd: end, start, end };
}

/**
 * The scalar's source, tokenized in place: offsets are document offsets. The neutralised text
 * (Jinja2 blanked to `_`) is read, so `{{ pkgs | join(' ') }}` is one word, not a pipeline.
 */
function scriptCommands(node: Scalar, doc: OpsDocument, module: string, params: Map<string, string>): { commands: ShellCommand[]; complex: boolean } {
  const r = nodeRange(node);
  if (!r || typeof node.value !== 'string') return { commands: [], complex: false };
  let [start, end] = r;
  const text = doc.yamlText;
  const type = node.type;
  let folded = true;
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
    start++;
    end--;
  } else if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const nl = text.indexOf('\n', start);
    start = nl < 0 ? end : nl + 1;
    folded = type === 'BLOCK_FOLDED';
  }
  let source = text.slice(start, end);
  // Plain, quoted and folded scalars join their lines with spaces; a literal block keeps them.
  if (folded) source = source.replace(/[\r\n]/g, ' ');
  const raw = tokenizeShell(source, { base: start, continuations: true });
  const complex =
    source.includes('<<') ||
    raw.some((c) => c.separator === '(' || c.separator === '{' || c.separator === '&' || (c.words[0] && CONTROL.has(c.words[0].value)));
  const commands: ShellCommand[] = [];
  for (const c of raw) {
    const words = c.words.filter((w) => {
      const hit = module !== 'raw' ? FREE_PARAM.exec(w.value) : null;
      if (hit) params.set(hit[1], w.value.slice(hit[0].length));
      return !hit;
    });
    if (words.length === 0 && c.separator === '') continue;
    commands.push({ ...c, words, start: words[0]?.start ?? c.start, end: words[words.length - 1]?.end ?? c.end });
  }
  return { commands, complex };
}

/** Whether a command is part of a pipeline, an `||` fallback or writes through a redirection. */
export function usesShellFeatures(commands: ShellCommand[], i: number): boolean {
  const c = commands[i];
  const prev = commands[i - 1];
  if (c.separator === '|' || c.separator === '||' || c.separator === '&') return true;
  if (prev && (prev.separator === '|' || prev.separator === '||')) return true;
  return c.words.some((w) => !w.quoted && /[<>]/.test(w.value)) || c.words.some((w) => /\$\(|`/.test(w.value) || (!w.quoted && w.value.includes('$')));
}

/** An unquoted glob (`rm -rf /tmp/build/*`): a module takes one path, not a pattern. */
export function hasGlob(words: ShellWord[]): boolean {
  return words.some((w) => !w.quoted && /[*?[]/.test(w.value));
}

/** The program and arguments of a command (after sudo, env, VAR=value), with `sudo` noted. */
export function program(cmd: ShellCommand): { name: string; args: ShellWord[]; words: ShellWord[]; sudo: boolean } | undefined {
  const words = effectiveWords(cmd);
  if (!words.length) return undefined;
  const sudo = cmd.words.slice(0, cmd.words.length - words.length).some((w) => w.value === 'sudo');
  const name = words[0].value.slice(words[0].value.lastIndexOf('/') + 1);
  return { name, args: words.slice(1), words, sudo };
}

const READ_ONLY = new Set([
  'cat', 'ls', 'test', '[', 'stat', 'which', 'id', 'grep', 'egrep', 'fgrep', 'uname', 'whoami', 'date', 'echo',
  'printf', 'head', 'tail', 'wc', 'df', 'du', 'free', 'ps', 'pgrep', 'getent', 'env', 'printenv', 'lsblk', 'blkid',
  'ss', 'netstat', 'sort', 'uniq', 'cut', 'jq', 'md5sum', 'sha256sum', 'sha1sum', 'readlink', 'realpath', 'dirname',
  'basename', 'true', 'uptime', 'nproc', 'lscpu', 'file', 'dig', 'nslookup', 'getconf', 'dpkg-query', 'apt-cache',
]);
const READ_ONLY_SUB: Record<string, Set<string>> = {
  systemctl: new Set(['status', 'is-active', 'is-enabled', 'is-failed', 'show', 'list-units', 'list-unit-files', 'cat', 'list-timers']),
  kubectl: new Set(['get', 'describe', 'version', 'cluster-info', 'top', 'logs', 'explain', 'api-resources', 'api-versions']),
  docker: new Set(['ps', 'inspect', 'images', 'version', 'info', 'logs']),
  git: new Set(['rev-parse', 'status', 'log', 'describe', 'show', 'diff', 'ls-remote']),
  helm: new Set(['list', 'ls', 'status', 'version', 'get', 'history', 'search', 'show']),
  ip: new Set(['addr', 'a', 'route', 'r', 'link', 'l', 'neigh']),
  dpkg: new Set(['-l', '-s', '-L', '-S', '--list', '--status', '--get-selections', '--print-architecture']),
  rpm: new Set(['-q', '-qa', '-qi', '-ql', '-qf', '--query']),
  nginx: new Set(['-t', '-T', '-v', '-V']),
  sshd: new Set(['-t', '-T']),
  visudo: new Set(['-c']),
  find: new Set(),
};

/** Whether a command only reads (so `changed_when: false` is right for it). */
export function isReadOnly(cmd: ShellCommand): boolean {
  const p = program(cmd);
  if (!p) return false;
  if (cmd.words.some((w) => !w.quoted && /^\d*>/.test(w.value))) return false;
  const first = p.args[0]?.value;
  if (first === '--version' || first === '-version' || (first === 'version' && p.args.length === 1)) return true;
  if (p.name === 'find') return !p.args.some((a) => /^-(?:delete|exec|execdir|ok|fprint)/.test(a.value));
  if (p.name === 'hostname') return p.args.length === 0 || p.args.every((a) => /^-[fsdiIA]$/.test(a.value));
  if (READ_ONLY.has(p.name)) return true;
  const sub = READ_ONLY_SUB[p.name];
  return !!sub && first !== undefined && sub.has(first);
}
