// A small shell tokenizer for Dockerfile RUN/CMD/ENTRYPOINT shell forms: splits a command
// line into simple commands at `&&`, `||`, `;`, `|`, `&` and newlines, and each command into
// words with exact offsets. It understands quotes, backslash escapes, `$(...)`/backticks,
// comments, grouping with ( ) and { }, and Dockerfile line continuations.
//
// Why not a package: shell-quote drops offsets (we need them for ranges and fixes), and
// mvdan-sh (the only full parser on npm) is a ~1.5 MB GopherJS bundle, more than the whole
// .vsix budget. This is one linear pass; it does not need to run shell, only to find words.

export interface ShellWord {
  /** The word with quotes and escapes removed. */
  value: string;
  /** Offsets in the analysed text (absolute, see tokenizeShell `base`). */
  start: number;
  end: number;
  /** Whether any part of the word was quoted. */
  quoted: boolean;
}

export type ShellSeparator = '&&' | '||' | ';' | '|' | '&' | '\n' | '(' | ')' | '{' | '}' | '';

export interface ShellCommand {
  words: ShellWord[];
  /** The separator that ends this command ('' for the last one). */
  separator: ShellSeparator;
  /** Offsets of the separator token (when separator is not ''). */
  separatorStart: number;
  separatorEnd: number;
  /** Offsets from the first word's start to the last word's end. */
  start: number;
  end: number;
}

export interface TokenizeOptions {
  /** Offset of `text` in the document: all offsets returned are shifted by it. */
  base?: number;
  /** Dockerfile escape character (`\` or a backtick via `# escape=`). */
  escapeChar?: string;
  /** Treat `escape + newline` as a line continuation (Dockerfile RUN). */
  continuations?: boolean;
}

/** Tokenize a shell command string into simple commands. Linear in the input length. */
export function tokenizeShell(text: string, options: TokenizeOptions = {}): ShellCommand[] {
  const base = options.base ?? 0;
  const esc = options.escapeChar ?? '\\';
  const continuations = options.continuations ?? true;
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let value = '';
  let wordStart = -1;
  let quoted = false;
  const n = text.length;

  const endWord = (end: number) => {
    if (wordStart >= 0) {
      words.push({ value, start: base + wordStart, end: base + end, quoted });
    }
    value = '';
    wordStart = -1;
    quoted = false;
  };
  const endCommand = (sep: ShellSeparator, sepStart: number, sepEnd: number) => {
    if (words.length > 0 || sep !== '\n') {
      if (words.length > 0 || sep !== '') {
        commands.push({
          words,
          separator: sep,
          separatorStart: base + sepStart,
          separatorEnd: base + sepEnd,
          start: words.length ? words[0].start : base + sepStart,
          end: words.length ? words[words.length - 1].end : base + sepStart,
        });
      }
    }
    words = [];
  };
  const begin = (i: number) => {
    if (wordStart < 0) wordStart = i;
  };
  const isContinuation = (i: number): number => {
    // Returns the length of an `escape + (\r)\n` continuation at i, or 0.
    if (!continuations || text[i] !== esc) return 0;
    if (text[i + 1] === '\n') return 2;
    if (text[i + 1] === '\r' && text[i + 2] === '\n') return 3;
    return 0;
  };

  let i = 0;
  let atLineStartAfterContinuation = false;
  while (i < n) {
    const c = text[i];
    const cont = isContinuation(i);
    if (cont) {
      // A continuation joins lines; it also ends the current word only if followed by space,
      // which the next iteration handles. Docker drops comment lines inside continuations.
      i += cont;
      atLineStartAfterContinuation = true;
      continue;
    }
    if (atLineStartAfterContinuation) {
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '#') {
        while (j < n && text[j] !== '\n') j++;
        i = j + 1;
        continue;
      }
      atLineStartAfterContinuation = false;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord(i);
      i++;
      continue;
    }
    if (c === '\n') {
      endWord(i);
      endCommand('\n', i, i + 1);
      i++;
      continue;
    }
    if (c === '#' && wordStart < 0) {
      // Comment to end of line.
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '&' || c === '|' || c === ';') {
      endWord(i);
      const two = text.slice(i, i + 2);
      if (two === '&&' || two === '||' || two === ';;') {
        endCommand(two === ';;' ? ';' : (two as ShellSeparator), i, i + 2);
        i += 2;
      } else if (c === '&' && text[i + 1] === '>') {
        // `&>file` redirection: part of the command.
        begin(i);
        value += '&>';
        i += 2;
      } else if (c === '|' && text[i + 1] === '&') {
        endCommand('|', i, i + 2);
        i += 2;
      } else {
        endCommand(c as ShellSeparator, i, i + 1);
        i++;
      }
      continue;
    }
    if ((c === '(' || c === ')') && wordStart < 0) {
      endCommand(c, i, i + 1);
      i++;
      continue;
    }
    if ((c === '{' || c === '}') && wordStart < 0 && (i + 1 >= n || /\s|;/.test(text[i + 1]))) {
      endCommand(c, i, i + 1);
      i++;
      continue;
    }
    if (c === "'") {
      begin(i);
      quoted = true;
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 ? n : close;
      value += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      begin(i);
      quoted = true;
      i++;
      while (i < n && text[i] !== '"') {
        const k = isContinuation(i);
        if (k) {
          i += k;
          continue;
        }
        if (text[i] === '\\' && i + 1 < n) {
          const next = text[i + 1];
          value += next === '"' || next === '\\' || next === '$' || next === '`' ? next : '\\' + next;
          i += 2;
          continue;
        }
        if (text[i] === '$' && text[i + 1] === '(') {
          const end = skipBalanced(text, i + 1, '(', ')');
          value += text.slice(i, end);
          i = end;
          continue;
        }
        value += text[i];
        i++;
      }
      i++;
      continue;
    }
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      begin(i);
      const end = text[i + 1] === '(' ? skipBalanced(text, i + 1, '(', ')') : skipBalanced(text, i + 1, '{', '}');
      value += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '`' && esc !== '`') {
      begin(i);
      const close = text.indexOf('`', i + 1);
      const stop = close < 0 ? n : close + 1;
      value += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '\\' && i + 1 < n) {
      begin(i);
      value += text[i + 1];
      i += 2;
      continue;
    }
    begin(i);
    value += c;
    i++;
  }
  endWord(n);
  endCommand('', n, n);
  return commands;
}

/** End offset (exclusive) of a balanced group starting at `open` index. Linear; unbalanced -> end. */
function skipBalanced(text: string, openIndex: number, open: string, close: string): number {
  let depth = 0;
  for (let i = openIndex; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" && open === '(') {
      const q = text.indexOf("'", i + 1);
      if (q < 0) return text.length;
      i = q;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/**
 * The command's program and its arguments after prefixes that do not change what runs:
 * `sudo`, `env A=B`, `VAR=value`, `time`, `exec`, `nohup`, `command`.
 */
export function effectiveWords(cmd: ShellCommand): ShellWord[] {
  const w = cmd.words;
  let i = 0;
  while (i < w.length) {
    const v = w[i].value;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(v) && !w[i].quoted) {
      i++;
      continue;
    }
    if (v === 'sudo' || v === 'exec' || v === 'nohup' || v === 'time' || v === 'command' || v === 'env') {
      i++;
      // sudo/env options (-E, -u user) are skipped conservatively: single-dash words.
      while (i < w.length && w[i].value.startsWith('-')) {
        if (w[i].value === '-u' && (v === 'sudo')) i++;
        i++;
      }
      continue;
    }
    break;
  }
  return w.slice(i);
}
