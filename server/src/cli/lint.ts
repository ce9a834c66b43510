// `opsnotes lint [paths…]`: find the files (discover.ts), read them strictly (read.ts), run the
// same Session.diagnose as the server, optionally fix (fix.ts), print (format/*), and exit with
//   0  no finding at or above --fail-on (default warning) and every file was read,
//   1  a finding at or above --fail-on,
//   2  a usage error, or a file or folder that could not be read or fixed (this wins over 1).
import * as fs from 'fs';
import * as path from 'path';
import { Language, pick } from '../i18n/language';
import { t } from '../i18n/ui';
import { mergeSeverities, isIgnored } from '../config/config';
import { SEVERITIES, Severity } from '../rules/types';
import { OpsDocument } from '../documents/document';
import { Finding } from '../rules/engine';
import { COMMON_OPTIONS, oneOf, parseCommand, usage } from './args';
import { ColorMode, paint, useColor } from './color';
import { unifiedDiff } from './diff';
import { Discovery } from './discover';
import { fixText, writeFixed } from './fix';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { findingLine, formatText } from './format/text';
import { CLI } from './messages';
import { decodeText, readTextFile, TextFile } from './read';
import { displayPath, fileReport, LintReport, NoteRefs, SEVERITY_RANK } from './report';
import { Sessions } from './sessions';
import { CliSession } from './workspace';
import { VERSION } from './version';

const OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  // The name for the same threshold (hadolint calls it --failure-threshold).
  'max-severity': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'sarif-root': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  color: { type: 'string' },
} as const;

type Format = 'text' | 'json' | 'sarif';
type FailOn = Severity | 'none';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  readStdin: () => Buffer;
}

export function exitCodeFor(report: LintReport, failOn: FailOn): number {
  if (report.problems.some((p) => p.fatal)) return 2;
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn];
  return report.files.some((f) => f.findings.some((x) => SEVERITY_RANK[x.severity] >= threshold)) ? 1 : 0;
}

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, OPTIONS);
  const format = oneOf<Format>(values.format, ['text', 'json', 'sarif'], '--format') ?? 'text';
  const failOn = oneOf<FailOn>(values['fail-on'] ?? values['max-severity'], [...SEVERITIES, 'none'], values['fail-on'] ? '--fail-on' : '--max-severity') ?? 'warning';
  const language = oneOf<Language>(values.language, ['ru', 'en'], '--language');
  const color = oneOf<ColorMode>(values.color, ['auto', 'always', 'never'], '--color') ?? 'auto';
  const fix = !!values.fix;
  const dryRun = !!values['fix-dry-run'];
  if (fix && dryRun) throw usage('--fix and --fix-dry-run cannot be combined', '--fix и --fix-dry-run нельзя указывать вместе');
  if (dryRun && format !== 'text') throw usage('--fix-dry-run prints a diff; it cannot be combined with --format json or sarif', '--fix-dry-run выводит diff, его нельзя сочетать с --format json или sarif');
  const stdinName = values['stdin-filename'];
  const useStdin = positionals.includes('-') || (stdinName !== undefined && positionals.length === 0);
  if (useStdin && !stdinName) throw usage('reading from stdin (-) needs --stdin-filename NAME: the name tells which kind of file it is', 'для чтения из stdin (-) нужен --stdin-filename ИМЯ: по имени понятно, что это за файл');
  if (useStdin && positionals.some((p) => p !== '-')) throw usage('lint either stdin (-) or paths, not both', 'проверяется либо stdin (-), либо пути, но не всё вместе');
  const inputs = useStdin ? [] : positionals.length ? positionals : ['.'];

  const abs = inputs.map((p) => path.resolve(io.cwd, p));
  const rootDirs = [...new Set(abs.map((p) => (isDirectory(p) ? p : path.dirname(p))))];
  const ruleProblems = new Set<string>();
  const sessions = new Sessions({
    cwd: io.cwd,
    language,
    configFile: values.config,
    roots: useStdin ? [io.cwd] : rootDirs,
    log: (m) => ruleProblems.add(m.split('\n')[0]),
  });
  const main = sessions.forPath(useStdin ? path.resolve(io.cwd, stdinName!) : (abs[0] ?? io.cwd), !useStdin && isDirectory(abs[0] ?? io.cwd));
  const lang = main.language;
  const report: LintReport = { language: lang, files: [], problems: [] };
  const problem = (p: string, reason: { en: string; ru: string }, fatal: boolean) =>
    report.problems.push({ path: p, display: displayPath(p, io.cwd), message: pick(reason, lang), fatal });

  if (useStdin) return lintStdin(stdinName!, io, sessions, ruleProblems, { format, failOn, fix, dryRun, color, lang });

  const discovery = new Discovery({
    gitignore: !values['no-ignore'],
    configIgnores: (p) => isIgnored(sessions.forPath(p).project, p),
  });
  for (const p of abs) discovery.add(p);
  for (const pr of discovery.problems) problem(pr.path, pr.reason, pr.fatal);
  // Folders only, no config: the workspace cross-file rules see is what was just walked.
  const walkedRoots = !values['no-ignore'] && abs.every((p) => isDirectory(p));
  for (const s of sessions.all()) if (walkedRoots && !s.project && sameSet(s.roots, rootDirs)) s.setWorkspaceFiles(discovery.files);
  // --fix writes only below these (real paths): a link out of them is not followed for writing.
  const fixRoots = rootDirs.map((d) => realpathOr(d));
  const diffs: string[] = [];
  let dryRunFixes = 0;
  let dryRunFiles = 0;
  const notesBySession = new Map<CliSession, NoteRefs>();
  for (const file of discovery.files) {
    const session = sessions.forPath(file);
    const display = displayPath(file, io.cwd);
    let notes = notesBySession.get(session);
    if (!notes) notesBySession.set(session, (notes = new NoteRefs(session.kb, lang)));
    // Read already for a cross-file rule's look at the workspace: no second read without --fix.
    const known = fix || dryRun ? undefined : session.snapshotDocument(file);
    if (known) {
      if (known.kind !== 'generic') report.files.push(fileReport(known, display, session.diagnose(known), lang, notes));
      continue;
    }
    const read = readTextFile(file, session.settings.maxFileBytes);
    if (!read.ok) {
      problem(file, read.reason, !read.skipped);
      continue;
    }
    const result = analyse(session, file, read.file, fix || dryRun);
    if (!result) continue; // not a kind OpsNotes checks (generic YAML): silently skipped
    if (dryRun) {
      const d = unifiedDiff(read.file.text, result.text, display);
      if (d) diffs.push(d), (dryRunFixes += result.applied), dryRunFiles++;
      report.files.push(fileReport(result.original.doc, display, result.original.findings, lang, notes));
      continue;
    }
    if (result.problem) problem(file, result.problem, false);
    let fixed = 0;
    if (fix && result.applied) {
      const failed = writeFixed(file, read.file, result.text, fixRoots);
      if (failed) {
        problem(file, failed, true);
        report.files.push(fileReport(result.original.doc, display, result.original.findings, lang, notes));
        continue;
      }
      fixed = result.applied;
    }
    session.remember(fixed ? result.doc : result.original.doc);
    report.files.push(fileReport(result.doc, display, result.findings, lang, notes, fixed));
  }

  for (const s of sessions.all()) for (const w of [...s.configWarnings, ...s.knowledgeWarnings]) io.stderr(`opsnotes: ${t(CLI.warning, lang)}: ${w}\n`);
  for (const m of ruleProblems) io.stderr(`opsnotes: ${m}\n`);
  const p = paint(useColor({ isTTY: io.stdoutIsTTY }, color));
  const errPaint = paint(useColor(process.stderr, color));
  for (const pr of report.problems) io.stderr(`${errPaint.bold(pr.display)}: ${pr.fatal ? errPaint.red(pr.message) : pr.message}\n`);
  const code = exitCodeFor(report, failOn);
  if (dryRun) {
    io.stdout(diffs.join(''));
    io.stderr(t(CLI.dryRunFiles, lang, { fixes: dryRunFixes, files: dryRunFiles }) + '\n');
  } else if (format === 'json') {
    io.stdout(formatJson(report, VERSION, code));
  } else if (format === 'sarif') {
    const root = path.resolve(io.cwd, values['sarif-root'] ?? '.');
    io.stdout(formatSarif(report, { rules: main.rules, kb: main.kb, language: lang, version: VERSION, root, severities: mergeSeverities(main.project, main.settings), executionSuccessful: code !== 2 }));
  } else {
    io.stdout(formatText(report, p));
  }
  return code;
}

interface Analysis {
  text: string;
  applied: number;
  doc: OpsDocument;
  findings: Finding[];
  original: { doc: OpsDocument; findings: Finding[] };
  problem?: { en: string; ru: string };
}

/** Diagnose (and with fixing, fix) one file; undefined for files of no supported kind. */
function analyse(session: CliSession, file: string, tf: TextFile, fixing: boolean): Analysis | undefined {
  const doc = session.document(file, tf.text);
  if (doc.kind === 'generic') return undefined;
  const findings = session.diagnose(doc);
  if (!fixing) return { text: tf.text, applied: 0, doc, findings, original: { doc, findings } };
  const out = fixText(session, file, tf.text, { doc, findings });
  return { text: out.text, applied: out.applied, doc: out.doc, findings: out.findings, original: { doc, findings }, problem: out.problem };
}

interface StdinOptions {
  format: Format;
  failOn: FailOn;
  fix: boolean;
  dryRun: boolean;
  color: ColorMode;
  lang: Language;
}

/**
 * stdin: the text is analysed as if it were at --stdin-filename. With --fix the fixed text goes
 * to stdout (for editors and pipes) and the findings left to stderr.
 */
function lintStdin(name: string, io: Io, sessions: Sessions, ruleProblems: Set<string>, o: StdinOptions): number {
  const file = path.resolve(io.cwd, name);
  const display = displayPath(file, io.cwd);
  const session = sessions.forPath(file);
  const report: LintReport = { language: o.lang, files: [], problems: [] };
  const decoded = decodeText(io.readStdin());
  if (!decoded.ok) {
    report.problems.push({ path: file, display: '<stdin>', message: pick(decoded.reason, o.lang), fatal: true });
    io.stderr(`<stdin>: ${report.problems[0].message}\n`);
    return 2;
  }
  const notes = new NoteRefs(session.kb, o.lang);
  const tf = decoded.file;
  const result = analyse(session, file, tf, o.fix || o.dryRun);
  for (const m of ruleProblems) io.stderr(`opsnotes: ${m}\n`);
  const p = paint(useColor({ isTTY: io.stdoutIsTTY }, o.color));
  if (o.fix) io.stdout((tf.bom ? '\uFEFF' : '') + (result?.text ?? tf.text));
  if (o.dryRun && result) io.stdout(unifiedDiff(tf.text, result.text, display));
  if (result) report.files.push(fileReport(o.dryRun ? result.original.doc : result.doc, display, o.dryRun ? result.original.findings : result.findings, o.lang, notes, o.fix ? result.applied : 0));
  const code = exitCodeFor(report, o.failOn);
  if (o.fix || o.dryRun) {
    for (const f of report.files) for (const x of f.findings) io.stderr(findingLine(f.display, x, paint(false)) + '\n');
  } else if (o.format === 'json') io.stdout(formatJson(report, VERSION, code));
  else if (o.format === 'sarif')
    io.stdout(formatSarif(report, { rules: session.rules, kb: session.kb, language: o.lang, version: VERSION, root: io.cwd, severities: mergeSeverities(session.project, session.settings), executionSuccessful: true }));
  else io.stdout(formatText(report, p));
  return code;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return p;
  }
}
