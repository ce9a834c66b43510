// Editing RUN chains the way the person wrote them: append a command in the chain's own style
// (`&& \` at line ends or `\` + `&&` at line starts, `;` chains, heredoc lines), remove one
// command with its separator, delete a whole instruction. Offsets in, TextEdits out; CRLF and
// the `# escape=` character are kept.
import { OpsDocument } from '../../documents/document';
import { DockerInstruction } from '../../documents/dockerfile';
import { ShellCommand } from '../../documents/shell';
import { TextEdit } from '../../util/text';

export function insertAt(doc: OpsDocument, offset: number, text: string): TextEdit {
  return { range: doc.rangeOf(offset, offset), newText: text };
}

export function replaceSpan(doc: OpsDocument, start: number, end: number, text: string): TextEdit {
  return { range: doc.rangeOf(start, end), newText: text };
}

/** Commands that have words (heredoc heads and `(`/`)` group markers have none). */
export function wordCommands(ins: DockerInstruction): ShellCommand[] {
  return (ins.commands ?? []).filter((c) => c.words.length > 0);
}

function lineOf(doc: OpsDocument, offset: number): number {
  return doc.lines.positionAt(offset).line;
}

function indentOfLine(doc: OpsDocument, line: number): string {
  const t = doc.lines.lineText(line);
  return t.slice(0, t.length - t.trimStart().length);
}

/** The RUN's body is a heredoc script (`RUN <<EOF`) and `cmd` is one of its lines. */
export function inHeredocBody(doc: OpsDocument, ins: DockerInstruction, cmd: ShellCommand): boolean {
  const firstLine = lineOf(doc, ins.keywordStart);
  if (lineOf(doc, cmd.start) === firstLine) return false;
  const head = doc.text.slice(ins.argsStart, doc.lines.lineEnd(firstLine));
  return /(?:^|\s)\d?<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1(?:\s|$)/.test(head);
}

/** Where a command appended to the chain goes: after the last word or closing group. */
function chainEnd(ins: DockerInstruction): number {
  let end = ins.argsStart;
  for (const c of ins.commands ?? []) {
    if (c.words.length) end = Math.max(end, c.end);
    if (c.separator === ')' || c.separator === '}') end = Math.max(end, c.separatorEnd);
  }
  return end;
}

interface ChainStyle {
  multiline: boolean;
  leading: boolean;
  separator: '&&' | ';';
  indent: string;
}

function chainStyle(doc: OpsDocument, ins: DockerInstruction, escapeChar: string): ChainStyle {
  const text = doc.text;
  const firstLine = lineOf(doc, ins.keywordStart);
  const endLine = lineOf(doc, chainEnd(ins));
  const style: ChainStyle = { multiline: endLine > firstLine, leading: false, separator: '&&', indent: '    ' };
  const cmds = ins.commands ?? [];
  if (!cmds.some((c) => c.separator === '&&') && cmds.some((c) => c.separator === ';')) style.separator = ';';
  let indentSet = false;
  for (const c of cmds) {
    if (c.separator !== style.separator) continue;
    const line = lineOf(doc, c.separatorStart);
    const before = text.slice(doc.lines.lineStart(line), c.separatorStart);
    if (line > firstLine && before.trim() === '') {
      style.leading = true;
      style.indent = before;
      indentSet = true;
    } else if (line < endLine && text.slice(c.separatorEnd, doc.lines.lineEnd(line)).trim() === escapeChar) {
      style.leading = false;
      // The next line that is not a comment (Docker drops comment lines in continuations).
      let next = line + 1;
      while (next < endLine && doc.lines.lineText(next).trimStart().startsWith('#')) next++;
      style.indent = indentOfLine(doc, next);
      indentSet = true;
    }
  }
  if (!indentSet && style.multiline) style.indent = indentOfLine(doc, firstLine + 1) || '    ';
  return style;
}

/**
 * Append `command` to the RUN's chain: ` && cmd` on one line, a new continuation line in the
 * chain's style when it spans lines, a new line before the delimiter in a heredoc script.
 */
export function appendToChain(doc: OpsDocument, ins: DockerInstruction, command: string, escapeChar: string): TextEdit | undefined {
  const cmds = wordCommands(ins);
  if (!cmds.length) return undefined;
  const last = cmds[cmds.length - 1];
  const eol = doc.lines.eol;
  if (inHeredocBody(doc, ins, last)) {
    // The delimiter is the instruction's last line.
    const delimiterLine = lineOf(doc, ins.end);
    if (delimiterLine <= lineOf(doc, last.end)) return undefined;
    return insertAt(doc, doc.lines.lineStart(delimiterLine), `${indentOfLine(doc, lineOf(doc, last.start))}${command}${eol}`);
  }
  if (doc.text.slice(ins.argsStart, chainEnd(ins)).includes('<<')) return undefined;
  const at = chainEnd(ins);
  const s = chainStyle(doc, ins, escapeChar);
  if (!s.multiline) return insertAt(doc, at, `${s.separator === ';' ? ';' : ' &&'} ${command}`);
  if (s.leading) return insertAt(doc, at, ` ${escapeChar}${eol}${s.indent}${s.separator} ${command}`);
  return insertAt(doc, at, `${s.separator === ';' ? ';' : ' &&'} ${escapeChar}${eol}${s.indent}${command}`);
}

const CHAINING = new Set(['&&', ';', '\n', '']);

/**
 * Remove one command from its chain with one separator, or the whole instruction when it is
 * the only command. Undefined when the command is part of `||`, a pipe or a group, where
 * removing it would change what the rest means.
 */
export function removeFromChain(doc: OpsDocument, ins: DockerInstruction, cmd: ShellCommand): TextEdit | undefined {
  const all = ins.commands ?? [];
  const cmds = wordCommands(ins);
  const i = cmds.indexOf(cmd);
  if (i < 0) return undefined;
  if (all.some((c) => c.separator === '(' || c.separator === ')' || c.separator === '{' || c.separator === '}')) return undefined;
  const prev = cmds[i - 1];
  const next = cmds[i + 1];
  if (!CHAINING.has(cmd.separator) || (prev && !CHAINING.has(prev.separator))) return undefined;
  if (inHeredocBody(doc, ins, cmd)) {
    const line = lineOf(doc, cmd.start);
    const endLine = lineOf(doc, cmd.end);
    if ((prev && lineOf(doc, prev.end) >= line) || (next && lineOf(doc, next.start) <= endLine)) return undefined;
    return replaceSpan(doc, doc.lines.lineStart(line), doc.lines.lineStart(endLine + 1), '');
  }
  if (!prev && !next) return removeInstruction(doc, ins);
  if (next) return replaceSpan(doc, cmd.start, next.start, '');
  return replaceSpan(doc, prev.end, cmd.end, '');
}

/** Delete an instruction's lines (with the line break that ends them). */
export function removeInstruction(doc: OpsDocument, ins: DockerInstruction): TextEdit {
  const first = lineOf(doc, ins.start);
  const last = lineOf(doc, ins.end);
  const end = last + 1 < doc.lines.lineCount ? doc.lines.lineStart(last + 1) : doc.text.length;
  return replaceSpan(doc, doc.lines.lineStart(first), end, '');
}

/** The instruction keyword in the file's case (`run` files get `run`). */
export function keywordLike(ins: DockerInstruction, doc: OpsDocument, keyword: string): string {
  const written = doc.text.slice(ins.keywordStart, ins.keywordEnd);
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

/** Offset right after the instruction's last line (before its line break). */
export function endOfInstructionLine(doc: OpsDocument, ins: DockerInstruction): number {
  return doc.lines.lineEnd(lineOf(doc, ins.end));
}
