// Dockerfile model: dockerfile-ast's instructions with offsets, build stages, and the shell
// commands of RUN / CMD / ENTRYPOINT split per command of an `&&`/`;` chain (shell.ts).
import { DockerfileParser, Dockerfile, Instruction, Flag } from 'dockerfile-ast';
import { LineIndex } from '../util/text';
import { ShellCommand, tokenizeShell } from './shell';

export interface DockerFlag {
  name: string;
  value: string | null;
  start: number;
  end: number;
}

export interface DockerInstruction {
  /** Upper-case keyword (`run` is RUN). */
  keyword: string;
  /** Offsets of the keyword token. */
  keywordStart: number;
  keywordEnd: number;
  /** Offsets of the whole instruction (keyword to last argument, continuations included). */
  start: number;
  end: number;
  /** Offsets of the arguments text (after the keyword), or start/end = keywordEnd when empty. */
  argsStart: number;
  argsEnd: number;
  /** The raw arguments text. */
  args: string;
  /** Arguments as dockerfile-ast splits them (flags excluded for COPY/ADD/RUN... where it parses them). */
  arguments: { value: string; start: number; end: number }[];
  flags: DockerFlag[];
  /** Exec form (`["a", "b"]`) values, when the arguments are a JSON array. */
  execForm?: string[];
  /** The exec form's strings with the offsets of their quoted JSON text. */
  execWords?: ExecWord[];
  /** Shell form commands (RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD in shell form). */
  commands?: ShellCommand[];
  /** Index of the build stage holding this instruction (-1 before the first FROM). */
  stage: number;
  /** ONBUILD wraps another instruction: its keyword here. */
  ast: Instruction;
}

export interface ExecWord {
  value: string;
  /** Offsets of the JSON string, quotes included. */
  start: number;
  end: number;
  /** The JSON text has escapes: offsets inside the value do not map one to one. */
  escaped: boolean;
}

export interface DockerStage {
  index: number;
  /** `FROM image AS name` name, lower-cased as BuildKit compares them. */
  name?: string;
  image?: string;
  from: DockerInstruction;
  instructions: DockerInstruction[];
}

export interface DockerfileModel {
  ast: Dockerfile;
  instructions: DockerInstruction[];
  stages: DockerStage[];
  escapeChar: string;
}

const SHELL_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

export function parseDockerfile(text: string, lines: LineIndex): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const escapeChar = ast.getEscapeCharacter();
  const off = (p: { line: number; character: number }) => lines.offsetAt(p);
  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  let stage = -1;
  for (const ins of ast.getInstructions()) {
    const keyword = ins.getKeyword().toUpperCase();
    const kr = ins.getInstructionRange();
    const r = ins.getRange();
    const ar = ins.getArgumentsRange();
    const keywordStart = off(kr.start);
    const keywordEnd = off(kr.end);
    const argsStart = ar ? off(ar.start) : keywordEnd;
    const argsEnd = ar ? off(ar.end) : keywordEnd;
    if (keyword === 'FROM') stage++;
    const flags: DockerFlag[] = [];
    const withFlags = ins as unknown as { getFlags?: () => Flag[] };
    if (typeof withFlags.getFlags === 'function') {
      for (const f of withFlags.getFlags()) {
        const fr = f.getRange();
        flags.push({ name: f.getName(), value: f.getValue(), start: off(fr.start), end: off(fr.end) });
      }
    }
    const args = text.slice(argsStart, argsEnd);
    const item: DockerInstruction = {
      keyword,
      keywordStart,
      keywordEnd,
      start: off(r.start),
      end: off(r.end),
      argsStart,
      argsEnd,
      args,
      arguments: ins.getArguments().map((a) => ({ value: a.getValue(), start: off(a.getRange().start), end: off(a.getRange().end) })),
      flags,
      stage,
      ast: ins,
    };
    if (SHELL_FORM.has(keyword) || keyword === 'HEALTHCHECK') {
      const body = commandText(item, text);
      if (body) {
        const exec = scanExecForm(text, body.start, body.end, escapeChar);
        if (exec) {
          item.execForm = exec.map((w) => w.value);
          item.execWords = exec;
        } else {
          item.commands = shellCommands(text, body.start, body.end, escapeChar);
        }
      }
    }
    instructions.push(item);
    if (keyword === 'FROM') {
      const words = item.arguments.filter((a) => !a.value.startsWith('--'));
      const asIndex = words.findIndex((w) => w.value.toUpperCase() === 'AS');
      stages.push({
        index: stage,
        image: words[0]?.value,
        name: asIndex >= 0 ? words[asIndex + 1]?.value.toLowerCase() : undefined,
        from: item,
        instructions: [item],
      });
    } else if (stage >= 0) {
      stages[stage].instructions.push(item);
    }
  }
  return { ast, instructions, stages, escapeChar };
}

/** The command text of an instruction: after flags for RUN, after `CMD` for HEALTHCHECK. */
function commandText(ins: DockerInstruction, text: string): { start: number; end: number } | undefined {
  let start = ins.argsStart;
  const end = ins.argsEnd;
  if (start >= end) return undefined;
  // Skip `--mount=... --network=...` flags of RUN and `--interval=...` of HEALTHCHECK.
  for (const f of ins.flags) if (f.end > start && f.start >= start) start = f.end;
  if (ins.keyword === 'HEALTHCHECK') {
    const m = /^\s*CMD\b/i.exec(text.slice(start, end));
    if (!m) return undefined;
    start += m[0].length;
  }
  while (start < end && /\s/.test(text[start])) start++;
  return start < end ? { start, end } : undefined;
}

/** Exec form: a JSON array of strings (Docker falls back to shell form on invalid JSON). */
export function parseExecForm(args: string): string[] | undefined {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    // Continuations inside exec form are allowed by Docker.
    const value = JSON.parse(trimmed.replace(/\\\r?\n/g, ' '));
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } catch {
    /* shell form */
  }
  return undefined;
}

/**
 * Exec form with offsets: a JSON array of strings, in one linear scan. Docker reads it as JSON
 * after joining continuation lines; anything else (single quotes, a trailing comma, text after
 * `]`) is shell form, which is what `undefined` means here.
 */
export function scanExecForm(text: string, start: number, end: number, escapeChar = '\\'): ExecWord[] | undefined {
  let i = start;
  const skipSpace = () => {
    for (;;) {
      while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
      if (text[i] === escapeChar && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
        i += text[i + 1] === '\n' ? 2 : 3;
        continue;
      }
      return;
    }
  };
  skipSpace();
  if (text[i] !== '[') return undefined;
  i++;
  const words: ExecWord[] = [];
  skipSpace();
  if (text[i] === ']') {
    i++;
    skipSpace();
    return i >= end ? words : undefined;
  }
  for (;;) {
    skipSpace();
    if (text[i] !== '"') return undefined;
    const wordStart = i;
    i++;
    let value = '';
    let escaped = false;
    while (i < end && text[i] !== '"') {
      const c = text[i];
      if (c === '\n' || c === '\r') return undefined;
      if (c === '\\') {
        escaped = true;
        const n = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (n in simple) {
          value += simple[n];
          i += 2;
          continue;
        }
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        return undefined;
      }
      value += c;
      i++;
    }
    if (i >= end) return undefined;
    i++;
    words.push({ value, start: wordStart, end: i, escaped });
    skipSpace();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] !== ']') return undefined;
    i++;
    skipSpace();
    return i >= end ? words : undefined;
  }
}

const HEREDOC = /^<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2$/;

/**
 * Shell commands of a RUN body. Heredocs: `RUN <<EOF` (and `bash <<EOF`) bodies are scripts
 * and are tokenized line by line; other heredocs (`cat <<EOF > file`) are file content and
 * are skipped.
 */
function shellCommands(text: string, start: number, end: number, escapeChar: string): ShellCommand[] {
  const body = text.slice(start, end);
  if (!body.includes('<<')) return tokenizeShell(body, { base: start, escapeChar });
  const firstLineEnd = body.indexOf('\n');
  if (firstLineEnd < 0) return tokenizeShell(body, { base: start, escapeChar });
  const head = tokenizeShell(body.slice(0, firstLineEnd), { base: start, escapeChar, continuations: false });
  const out: ShellCommand[] = [];
  let cursor = firstLineEnd + 1;
  for (const cmd of head) {
    out.push(cmd);
    for (let w = 0; w < cmd.words.length; w++) {
      const m = HEREDOC.exec(cmd.words[w].value.replace(/^\d/, ''));
      if (!m) continue;
      const delimiter = m[3];
      const stop = findDelimiterLine(body, cursor, delimiter, m[1] === '-');
      const program = cmd.words[0]?.value ?? '';
      const isScript = w === 0 || /^(?:ba|da|a|z)?sh$/.test(program.replace(/^.*\//, ''));
      if (isScript) out.push(...tokenizeShell(body.slice(cursor, stop.bodyEnd), { base: start + cursor, escapeChar, continuations: false }));
      cursor = stop.next;
    }
  }
  if (cursor < body.length) out.push(...tokenizeShell(body.slice(cursor), { base: start + cursor, escapeChar }));
  return out;
}

function findDelimiterLine(body: string, from: number, delimiter: string, stripTabs: boolean): { bodyEnd: number; next: number } {
  let i = from;
  while (i <= body.length) {
    const nl = body.indexOf('\n', i);
    const lineEnd = nl < 0 ? body.length : nl;
    let line = body.slice(i, lineEnd).replace(/\r$/, '');
    if (stripTabs) line = line.replace(/^\t+/, '');
    if (line === delimiter) return { bodyEnd: i, next: nl < 0 ? body.length : nl + 1 };
    if (nl < 0) break;
    i = nl + 1;
  }
  return { bodyEnd: body.length, next: body.length };
}

/** The final stage (the image that runs). */
export function finalStage(model: DockerfileModel): DockerStage | undefined {
  return model.stages[model.stages.length - 1];
}

/** Shell commands of an instruction; an exec form counts as one command of its strings. */
export function commandsOf(ins: DockerInstruction): ShellCommand[] {
  if (ins.commands) return ins.commands;
  const exec = ins.execWords;
  if (!exec || exec.length === 0) return [];
  const words = exec.map((w) => ({ value: w.value, start: w.start, end: w.end, quoted: true }));
  const last = words[words.length - 1];
  return [{ words, separator: '', separatorStart: last.end, separatorEnd: last.end, start: words[0].start, end: last.end }];
}

/** The stage a FROM builds on, when it names an earlier stage of the file (`FROM build AS test`). */
export function parentStage(model: DockerfileModel, stage: DockerStage): DockerStage | undefined {
  const image = stage.image?.toLowerCase();
  if (!image) return undefined;
  for (let i = stage.index - 1; i >= 0; i--) if (model.stages[i].name === image) return model.stages[i];
  return undefined;
}

/**
 * Stages whose layers end up in the image that ships: the final stage and the stages it is
 * built FROM. A builder stage whose files are only `COPY --from`-ed leaves its caches behind.
 */
export function shippedStages(model: DockerfileModel): Set<number> {
  const out = new Set<number>();
  for (let s = finalStage(model); s && !out.has(s.index); s = parentStage(model, s)) out.add(s.index);
  return out;
}

/** The image a stage finally builds on (following `FROM <stage>`), lower-cased. */
export function baseImage(model: DockerfileModel, stage: DockerStage): string {
  let s = stage;
  for (let guard = 0; guard < model.stages.length; guard++) {
    const parent = parentStage(model, s);
    if (!parent) break;
    s = parent;
  }
  return (s.image ?? '').toLowerCase();
}
