// What it does: checks the form of `healthcheck.test`: a string (run by the container's shell),
//   or a list whose first element is CMD, CMD-SHELL or NONE (compose-spec 05-services.md).
// Why: the notes' form is `test: ["CMD", "команда", "параметры"]` (slurm-notes.md:91), a command
//   that must return exit code 0 (line 96). Docker checks the first element case-sensitively;
//   for any other value it logs "Unknown healthcheck type" and never runs the check, so the
//   service never becomes healthy. CMD-SHELL takes one string: `sh -c` runs the first one and
//   the rest become $0, $1… — `["CMD-SHELL", "curl", "-f", "http://x"]` runs a bare `curl`.
//   With CMD a single string holding a command line names a program that does not exist.
// Example: `test: ["curl", "-f", "http://localhost"]` -> `test: ["CMD", "curl", "-f", "http://localhost"]`.
// Fix safety: safe for the letter case; suggestion for adding CMD, joining CMD-SHELL words and
//   CMD -> CMD-SHELL (the check starts to run, and may fail where it silently did nothing).
import { Scalar, YAMLSeq } from 'yaml';
import { composeModel, fieldOf, isInterpolated } from '../../documents/compose';
import { isScalar, isSeq, nodeRange, scalarString } from '../../documents/yaml';
import { defineRule, Fix, RuleContext } from '../types';
import { usedHealthchecks } from './_healthcheck';

const TYPES = ['CMD', 'CMD-SHELL', 'NONE'];
const SIMPLE_WORD = /^[^\s"'\\$`]+$/;

const messages = {
  notCommand: {
    en: '`healthcheck.test` must be a string (run by the shell) or a list starting with CMD, CMD-SHELL or NONE.',
    ru: '`healthcheck.test` должен быть строкой (её выполнит shell) или списком, который начинается с CMD, CMD-SHELL или NONE.',
  },
  empty: {
    en: '`healthcheck.test` is empty: there is no command to return exit code 0.',
    ru: '`healthcheck.test` пуст: нет команды, которая вернула бы нулевой exit-код.',
  },
  unknownType: {
    en: (a: { first: string }) =>
      `The first element of \`healthcheck.test\` must be CMD, CMD-SHELL or NONE, not "${a.first}": Docker logs "Unknown healthcheck type" and never runs this check, so the service never becomes healthy.`,
    ru: (a: { first: string }) =>
      `Первый элемент \`healthcheck.test\` должен быть CMD, CMD-SHELL или NONE, а не «${a.first}»: Docker пишет в лог «Unknown healthcheck type» и не запускает проверку, так что сервис никогда не станет healthy.`,
  },
  wrongCase: {
    en: (a: { first: string; type: string }) => `"${a.first}" must be written "${a.type}": Docker compares the healthcheck type case-sensitively and ignores an unknown one.`,
    ru: (a: { first: string; type: string }) => `«${a.first}» нужно писать как «${a.type}»: Docker сравнивает тип healthcheck с учётом регистра и игнорирует неизвестный.`,
  },
  noCommand: {
    en: (a: { type: string }) => `\`${a.type}\` without a command: add the command (and its arguments) after it.`,
    ru: (a: { type: string }) => `\`${a.type}\` без команды: добавьте после него команду (и её параметры).`,
  },
  execWithSpaces: {
    en: (a: { command: string }) => `With CMD the string is one program name: Docker looks for an executable called "${a.command}" and the check always fails. Use CMD-SHELL for a command line, or split it into separate strings.`,
    ru: (a: { command: string }) => `С CMD строка — это имя одной программы: Docker будет искать исполняемый файл «${a.command}», и проверка всегда будет падать. Для командной строки используйте CMD-SHELL или разбейте её на отдельные строки.`,
  },
  shellSplit: {
    en: (a: { command: string }) => `CMD-SHELL takes the whole command as one string: \`sh -c\` runs only "${a.command}", and the strings after it become $0, $1… of the shell, not arguments of the command.`,
    ru: (a: { command: string }) => `CMD-SHELL принимает всю команду одной строкой: \`sh -c\` выполнит только «${a.command}», а следующие строки станут $0, $1… самого shell, а не параметрами команды.`,
  },
};

export default defineRule({
  id: 'compose-healthcheck-test-invalid',
  family: 'compose',
  severity: 'error',
  key: 'compose.service.healthcheck.test',
  docs: 'https://docs.docker.com/reference/compose-file/services/#healthcheck',
  fixSafety: 'suggestion',
  description: {
    en: '`healthcheck.test` is not a string or a CMD / CMD-SHELL / NONE list',
    ru: '`healthcheck.test` — не строка и не список CMD / CMD-SHELL / NONE',
  },
  messages,
  kinds: ['compose'],
  visit: {
    composeFile(_root, ctx) {
      const model = composeModel(ctx.doc);
      if (!model) return;
      for (const hc of usedHealthchecks(model)) {
        const test = fieldOf(model, hc.node, 'test');
        if (!test || test === 'unknown' || test.value === null) continue;
        checkTest(test.value, ctx);
      }
    },
  },
});

function checkTest(value: unknown, ctx: RuleContext<typeof messages>): void {
  const range = nodeRange(value as Scalar);
  if (!range) return;
  // A block map's range runs to the next line; the finding ends at its last character.
  const r: [number, number] = [range[0], range[1]];
  while (r[1] > r[0] && /\s/.test(ctx.doc.text[r[1] - 1])) r[1]--;
  if (isScalar(value)) {
    if (typeof value.value !== 'string') return ctx.report({ messageId: 'notCommand', start: r[0], end: r[1] });
    if (value.value.trim() === '') ctx.report({ messageId: 'empty', start: r[0], end: r[1] });
    return;
  }
  if (!isSeq(value)) return ctx.report({ messageId: 'notCommand', start: r[0], end: r[1] });
  if (value.items.length === 0) return ctx.report({ messageId: 'empty', start: r[0], end: r[1] });
  const first = value.items[0];
  const word = scalarString(first);
  const fr = nodeRange(first as Scalar);
  if (!fr || word === undefined || !isScalar(first)) return;
  if (isInterpolated(word)) return;
  if (!TYPES.includes(word)) {
    const type = TYPES.find((t) => t === word.toUpperCase());
    if (type) {
      ctx.report({ messageId: 'wrongCase', args: { first: word, type }, start: fr[0], end: fr[1], fix: () => retype(ctx, first, word, type) });
    } else {
      ctx.report({ messageId: 'unknownType', args: { first: word }, start: fr[0], end: fr[1], fix: () => prependCmd(ctx, value, first) });
    }
    return;
  }
  if (word === 'NONE') return;
  if (value.items.length === 1) return ctx.report({ messageId: 'noCommand', args: { type: word }, start: fr[0], end: fr[1] });
  const command = scalarString(value.items[1]);
  if (word === 'CMD' && value.items.length === 2 && command && !isInterpolated(command) && /\S\s+\S/.test(command.trim())) {
    // Exec form runs a binary named by the whole string ("curl -f http://…"): no such file.
    const cr = nodeRange(value.items[1] as Scalar);
    if (cr) ctx.report({ messageId: 'execWithSpaces', args: { command: command.trim() }, start: cr[0], end: cr[1], fix: () => retype(ctx, first, 'CMD', 'CMD-SHELL') });
    return;
  }
  if (word === 'CMD-SHELL' && value.items.length > 2) {
    const rest = value.items.slice(1);
    const a = nodeRange(rest[1] as Scalar);
    const b = nodeRange(rest[rest.length - 1] as Scalar);
    if (a && b) ctx.report({ messageId: 'shellSplit', args: { command: scalarString(rest[0]) ?? '' }, start: a[0], end: b[1], fix: () => joinShell(ctx, rest) });
  }
}

function retype(ctx: RuleContext, node: Scalar, word: string, type: string): Fix | undefined {
  const r = nodeRange(node);
  if (!r) return undefined;
  const source = ctx.doc.text.slice(r[0], r[1]);
  // The letter case is safe to fix; CMD -> CMD-SHELL changes how the command runs.
  const caseOnly = word.toUpperCase() === type;
  return {
    title: { en: `Write ${type}`, ru: `Написать ${type}` },
    edits: [{ range: ctx.doc.rangeOf(r[0], r[1]), newText: source.replace(word, type) }],
    safety: caseOnly ? 'safe' : 'suggestion',
  };
}

/** Put CMD before the command, in the list's own style (flow `"CMD", ` or a block `- CMD` line). */
function prependCmd(ctx: RuleContext, seq: YAMLSeq, first: Scalar): Fix | undefined {
  const r = nodeRange(first);
  if (!r) return undefined;
  const { lines, text } = ctx.doc;
  const title = { en: 'Insert "CMD" as the first element', ru: 'Вставить "CMD" первым элементом' };
  if (seq.flow) {
    const quote = first.type === 'QUOTE_DOUBLE' ? '"' : first.type === 'QUOTE_SINGLE' ? "'" : '';
    return { title, edits: [{ range: ctx.doc.rangeOf(r[0], r[0]), newText: `${quote}CMD${quote}, ` }] };
  }
  const line = lines.positionAt(r[0]).line;
  const prefix = text.slice(lines.lineStart(line), r[0]);
  if (!/^\s*-\s+$/.test(prefix)) return undefined;
  const at = lines.lineStart(line);
  return { title, edits: [{ range: ctx.doc.rangeOf(at, at), newText: `${prefix}CMD${lines.eol}` }] };
}

function joinShell(ctx: RuleContext, words: unknown[]): Fix | undefined {
  const values = words.map(scalarString);
  if (values.some((v) => v === undefined || !SIMPLE_WORD.test(v))) return undefined;
  const a = nodeRange(words[0] as Scalar);
  const b = nodeRange(words[words.length - 1] as Scalar);
  if (!a || !b) return undefined;
  return {
    title: { en: 'Join the command into one string', ru: 'Собрать команду в одну строку' },
    edits: [{ range: ctx.doc.rangeOf(a[0], b[1]), newText: `"${values.join(' ')}"` }],
  };
}
