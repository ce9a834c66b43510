// Dockerfile locator: offset -> candidate keys, most specific first (value -> field -> parent ->
// kind). Instruction keywords, the flags the notes say something about, each command inside RUN
// (per command of an `&&`/`;` chain, heredoc bodies included), CMD/ENTRYPOINT words, ARG
// package bundles, COPY sources. Positions with nothing in the notes give no hover.
import { OpsDocument } from '../documents/document';
import { commandsOf, DockerInstruction, DockerfileModel, ExecWord } from '../documents/dockerfile';
import {
  addsUser,
  analyzeCommand,
  buildsStatic,
  cleansCache,
  CommandInfo,
  dependencyStep,
  isDevPackage,
  isSetEx,
  isUpgrade,
  linksToStdio,
  removesApkCache,
  removesAptLists,
} from '../documents/dockerCommands';
import { ShellCommand, ShellWord, tokenizeShell } from '../documents/shell';
import { Located } from './types';

interface Span {
  start: number;
  end: number;
}

const within = (offset: number, s: Span) => offset >= s.start && offset <= s.end;
const found = (keys: string[], s: Span): Located => ({ keys, start: s.start, end: s.end });

export function locateDockerfile(doc: OpsDocument, offset: number): Located | undefined {
  let model: DockerfileModel;
  try {
    model = doc.dockerfile;
  } catch {
    return undefined;
  }
  const ins = instructionAt(model, offset);
  if (!ins) return undefined;
  const kw = `dockerfile.${ins.keyword}`;
  if (offset >= ins.keywordStart && offset <= ins.keywordEnd) return found([kw], { start: ins.keywordStart, end: ins.keywordEnd });
  for (const f of ins.flags) if (within(offset, f)) return flagKeys(ins, f.name, f.value ?? '', f);
  switch (ins.keyword) {
    case 'RUN':
      return inCommands(ins, offset, runCommandKeys);
    case 'CMD':
    case 'ENTRYPOINT':
      return inCommands(ins, offset, (info, word, cmd) => startKeys(ins, info, word, cmd));
    case 'HEALTHCHECK':
      return argumentAt(ins, offset, () => [kw]);
    case 'COPY':
    case 'ADD':
      return copyKeys(ins, offset);
    case 'ARG':
      return argumentAt(ins, offset, () => (isPackageBundle(ins.args) ? ['dockerfile.practice.arg-packages', kw] : [kw]));
    case 'ENV':
      return argumentAt(ins, offset, (v) => (v.startsWith('PIP_NO_CACHE_DIR') ? ['dockerfile.run.pip.no-cache'] : undefined));
    case 'FROM':
      return fromKeys(ins, offset);
    case 'USER':
      return argumentAt(ins, offset, () => [kw]);
    default:
      return undefined;
  }
}

/** Binary search: instructions are in document order and do not overlap. */
function instructionAt(model: DockerfileModel, offset: number): DockerInstruction | undefined {
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const ins = list[mid];
    if (offset < ins.start) hi = mid - 1;
    else if (offset > ins.end) lo = mid + 1;
    else return ins;
  }
  return undefined;
}

function flagKeys(ins: DockerInstruction, name: string, value: string, span: Span): Located | undefined {
  const kw = `dockerfile.${ins.keyword}`;
  if (ins.keyword === 'RUN' && name === 'mount' && /(?:^|,)type=cache(?:,|$)/.test(value)) return found(['dockerfile.RUN.--mount', kw], span);
  if (ins.keyword === 'COPY' && name === 'from') return found(['dockerfile.COPY.--from', kw], span);
  if (ins.keyword === 'COPY' && name === 'chown') return found(['dockerfile.COPY.--chown', kw], span);
  if (ins.keyword === 'COPY' || ins.keyword === 'ADD') return found([kw], span);
  return undefined;
}

function argumentAt(ins: DockerInstruction, offset: number, keys: (value: string) => string[] | undefined): Located | undefined {
  for (const a of ins.arguments) {
    if (!within(offset, a)) continue;
    const k = keys(a.value);
    return k ? found(k, a) : undefined;
  }
  return undefined;
}

type CommandKeys = (info: CommandInfo, word: ShellWord, cmd: ShellCommand) => Located | undefined;

function inCommands(ins: DockerInstruction, offset: number, keys: CommandKeys): Located | undefined {
  for (const cmd of commandsOf(ins)) {
    if (offset < cmd.start || offset > cmd.end) continue;
    const word = cmd.words.find((w) => within(offset, w));
    if (!word) continue;
    // `sh -c "..."` in exec form: the script's words, when the JSON string maps one to one.
    const inner = ins.execWords ? shellScriptIn(ins.execWords, word, offset) : undefined;
    if (inner) return inner.located(keys);
    return keys(analyzeCommand(cmd), word, cmd);
  }
  return undefined;
}

function shellScriptIn(exec: ExecWord[], word: ShellWord, offset: number): { located: (k: CommandKeys) => Located | undefined } | undefined {
  const i = exec.findIndex((w) => w.start === word.start);
  if (i < 2 || exec[i - 1].value !== '-c' || exec[i].escaped) return undefined;
  const e = exec[i];
  const cmds = tokenizeShell(e.value, { base: e.start + 1, continuations: false });
  return {
    located(keys) {
      for (const cmd of cmds) {
        const w = cmd.words.find((x) => within(offset, x));
        if (w) return keys(analyzeCommand(cmd), w, cmd);
      }
      return undefined;
    },
  };
}

const spanOf = (words: ShellWord[]): Span => ({ start: words[0].start, end: words[words.length - 1].end });

function runCommandKeys(info: CommandInfo, word: ShellWord, cmd: ShellCommand): Located | undefined {
  const onHead = info.head.includes(word);
  const head = info.head.length ? spanOf(info.head) : word;
  const v = word.value;
  const variable = /^\$\{?[A-Za-z_]*(?:PACKAGES|PKGS|DEPS)\}?$/.test(v);
  if (info.tool === 'apt-get') {
    const sub = info.sub === 'install' ? 'install' : info.sub === 'update' ? 'update' : isUpgrade(info) ? 'upgrade' : cleansCache(info) ? 'clean' : '';
    if (!sub) return undefined;
    if (sub === 'clean') return found(['dockerfile.practice.no-cache', 'dockerfile.run.apt-get', 'dockerfile.RUN'], onHead ? head : word);
    const chain = [`dockerfile.run.apt-get.${sub}`, 'dockerfile.run.apt-get', 'dockerfile.RUN'];
    if (onHead) return found(chain, head);
    if (sub === 'install' && info.operands.includes(word) && isDevPackage(v)) return found(['dockerfile.practice.no-dev-packages', ...chain], word);
    if (variable) return found(['dockerfile.practice.arg-packages', ...chain], word);
    return found(chain, word);
  }
  if (info.tool === 'apk') {
    if (info.sub === 'upgrade') return found(['dockerfile.run.apk.upgrade', 'dockerfile.RUN'], onHead ? head : word);
    if (info.sub === 'del' && info.operands.includes(word) && v.startsWith('.')) return found(['dockerfile.practice.no-dev-packages', 'dockerfile.RUN'], word);
    if (info.sub === 'cache') return found(['dockerfile.run.apk.no-cache', 'dockerfile.RUN'], onHead ? head : word);
    if (info.sub !== 'add') return undefined;
    const chain = ['dockerfile.run.apk.add', 'dockerfile.RUN'];
    if (onHead) return found(chain, head);
    if (v === '--no-cache') return found(['dockerfile.run.apk.no-cache', ...chain], word);
    const i = info.options.indexOf(word);
    if (v === '--virtual' || v === '-t' || (i > 0 && (info.options[i - 1].value === '--virtual' || info.options[i - 1].value === '-t'))) {
      return found(['dockerfile.practice.no-dev-packages', ...chain], word);
    }
    if (info.operands.includes(word) && isDevPackage(v)) return found(['dockerfile.practice.no-dev-packages', ...chain], word);
    if (variable) return found(['dockerfile.practice.arg-packages', ...chain], word);
    return found(chain, word);
  }
  if (info.tool === 'yum' && cleansCache(info)) return found(['dockerfile.practice.no-cache', 'dockerfile.RUN'], spanOf(info.words));
  if (info.tool === 'pip') {
    if (info.sub === 'cache') return found(['dockerfile.run.pip.no-cache', 'dockerfile.RUN'], spanOf(info.words));
    if (info.sub !== 'install') return undefined;
    const chain = ['dockerfile.run.pip.install', 'dockerfile.RUN'];
    if (onHead) return found(chain, head);
    if (v.startsWith('--no-cache')) return found(['dockerfile.run.pip.no-cache', ...chain], word);
    const i = info.options.indexOf(word);
    const requirement = (x: string) => x === '-r' || x === '--requirement' || x.startsWith('--requirement=');
    if (requirement(v) || (i > 0 && requirement(info.options[i - 1].value))) return found(['dockerfile.practice.dependencies-first', ...chain], word);
    if (info.operands.includes(word) && isDevPackage(v)) return found(['dockerfile.practice.no-dev-packages', ...chain], word);
    return found(chain, word);
  }
  if (dependencyStep(info)) return found(['dockerfile.practice.dependencies-first', 'dockerfile.RUN'], onHead ? head : word);
  if ((info.tool === 'npm' || info.tool === 'yarn') && cleansCache(info)) return found(['dockerfile.practice.no-cache', 'dockerfile.RUN'], spanOf(info.words));
  if (buildsStatic(info)) return found(['dockerfile.practice.static-assets', 'dockerfile.RUN'], spanOf(info.words));
  if (isSetEx(info)) return found(['dockerfile.run.set-ex', 'dockerfile.RUN'], spanOf(info.words));
  if (linksToStdio(info)) return found(['dockerfile.run.ln-stdout', 'dockerfile.RUN'], spanOf(info.words));
  if (removesAptLists(info)) return found(['dockerfile.run.apt-get.lists', 'dockerfile.RUN'], spanOf(info.words));
  if (removesApkCache(info)) return found(['dockerfile.run.apk.no-cache', 'dockerfile.RUN'], spanOf(info.words));
  if (addsUser(info) && info.words[0] === word) return found(['dockerfile.run.useradd', 'dockerfile.USER'], word);
  if (variable && cmd.words.includes(word)) return found(['dockerfile.practice.arg-packages', 'dockerfile.RUN'], word);
  return undefined;
}

// Programs that stop being PID 1 (daemonise) unless told otherwise (slurm-notes.md:5).
const SERVICE_MANAGERS = new Set(['service', 'systemctl', 'rc-service', 'apachectl', 'apache2ctl', 'supervisorctl']);

function startKeys(ins: DockerInstruction, info: CommandInfo, word: ShellWord, cmd: ShellCommand): Located | undefined {
  const kw = `dockerfile.${ins.keyword}`;
  const v = word.value;
  if (/\bdaemon\s+off\b/.test(v) || (info.program === 'nginx' && v === '-g')) return found(['docker.foreground', kw], word);
  if (SERVICE_MANAGERS.has(info.program) || /^\/etc\/init\.d\//.test(info.words[0]?.value ?? '')) return found(['docker.foreground', kw], spanOf(info.words));
  if (info.program === 'php-fpm' || /^php-fpm\d/.test(info.program)) {
    if (v === '-D' || v === '--daemonize' || v === '-F' || v === '--nodaemonize') return found(['docker.foreground', kw], word);
  }
  if (/^supervisord$/.test(info.program) && info.words[0] === word) return found(['docker.one-process', kw], word);
  if (cmd.separator === '&' && info.words[info.words.length - 1] === word) return found(['docker.foreground', kw], word);
  return found([kw], word);
}

function copyKeys(ins: DockerInstruction, offset: number): Located | undefined {
  const kw = `dockerfile.${ins.keyword}`;
  const args = ins.execWords ?? ins.arguments;
  const i = args.findIndex((a) => within(offset, a));
  if (i < 0) return undefined;
  const a = args[i];
  const fromStage = ins.flags.some((f) => f.name === 'from');
  const isSource = i < args.length - 1;
  if (isSource && !fromStage && (a.value === '.' || a.value === './')) return found(['docker.dockerignore', 'dockerfile.practice.dependencies-first', kw], a);
  if (isSource && !fromStage && MANIFEST.test(a.value.replace(/^.*\//, ''))) return found(['dockerfile.practice.dependencies-first', kw], a);
  return found([kw], a);
}

const MANIFEST = /^(?:requirements[\w.-]*\.txt|package(?:-lock)?\.json|package\*\.json|yarn\.lock|pnpm-lock\.yaml|Gemfile(?:\.lock)?|go\.(?:mod|sum)|composer\.(?:json|lock)|pyproject\.toml|poetry\.lock|Pipfile(?:\.lock)?)$/;

function fromKeys(ins: DockerInstruction, offset: number): Located | undefined {
  const words = ins.arguments;
  const as = words.findIndex((w) => w.value.toUpperCase() === 'AS');
  if (as < 0) return undefined;
  for (let i = as; i < words.length; i++) if (within(offset, words[i])) return found(['dockerfile.FROM.AS', 'dockerfile.FROM'], words[i]);
  return undefined;
}

/** `ARG BUILD_PACKAGES="..."`, `ARG RUNTIME_DEPS=...` (slurm-notes.md:130-132). */
function isPackageBundle(arg: string): boolean {
  return /^[A-Za-z_]*(?:PACKAGES|PKGS|DEPS)(?:=|$)/.test(arg);
}
