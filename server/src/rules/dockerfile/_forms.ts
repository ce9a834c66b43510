// Shell form vs exec form of CMD/ENTRYPOINT: when a shell form is just words (no variables,
// globs, redirections, chains), the exec form runs the same program without /bin/sh -c.
import { OpsDocument } from '../../documents/document';
import { DockerInstruction, DockerStage } from '../../documents/dockerfile';
import { effectiveWords, ShellWord } from '../../documents/shell';

/** The words of a shell-form instruction when they are plain words; otherwise undefined. */
export function plainShellWords(doc: OpsDocument, ins: DockerInstruction): ShellWord[] | undefined {
  const cmds = ins.commands;
  if (!cmds || cmds.length !== 1 || cmds[0].separator !== '') return undefined;
  const words = cmds[0].words;
  if (!words.length || effectiveWords(cmds[0]).length !== words.length) return undefined;
  if (doc.text.slice(words[words.length - 1].end, ins.argsEnd).trim() !== '') return undefined;
  return words.every((w) => plainRaw(doc.text.slice(w.start, w.end))) ? words : undefined;
}

/** A word without expansions: quotes are fine, `$`, globs, redirections and escapes are not. */
function plainRaw(raw: string): boolean {
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '$' || c === '`' || c === '\\') return false;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if ('$`\\<>*?[]{}!|&;()'.includes(c) || (c === '~' && i === 0)) return false;
  }
  return quote === '';
}

/** `["a", "b"]` as Docker's exec form writes it. */
export function execForm(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** The last instruction of a keyword in a stage: the one that takes effect. */
export function effective(stage: DockerStage, keyword: string): DockerInstruction | undefined {
  for (let i = stage.instructions.length - 1; i >= 0; i--) if (stage.instructions[i].keyword === keyword) return stage.instructions[i];
  return undefined;
}
