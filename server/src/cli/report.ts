// The lint run's results as plain data, shared by the text, JSON and SARIF formats. Findings
// are turned into records as soon as a file is done, so no document stays in memory.
import * as path from 'path';
import { FileKind } from '../documents/kinds';
import { OpsDocument } from '../documents/document';
import { Language, pick } from '../i18n/language';
import { KnowledgeBase } from '../knowledge/base';
import { Finding } from '../rules/engine';
import { FixSafety, Severity, SEVERITIES } from '../rules/types';
import { Range, TextEdit } from '../util/text';

export interface NoteRef {
  headings: string[];
  /** Absolute path of the notes file and 1-based line. */
  file: string;
  line: number;
}

export interface FixRecord {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export interface FindingRecord {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** 1-based; the end column is exclusive (the column after the last character). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: Range;
  key: string;
  docs: string;
  /** A safe fix --fix applies. */
  fixable: boolean;
  fixes: FixRecord[];
  note?: NoteRef;
}

export interface FileReport {
  path: string;
  display: string;
  kind: FileKind;
  findings: FindingRecord[];
  /** Findings fixed by --fix. */
  fixed: number;
}

export interface ProblemReport {
  path: string;
  display: string;
  message: string;
  fatal: boolean;
}

export interface LintReport {
  language: Language;
  files: FileReport[];
  problems: ProblemReport[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** A path as the person typed it: relative to the cwd when below it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  if (rel === '') return '.';
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

export class NoteRefs {
  private readonly cache = new Map<string, NoteRef | null>();
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly language: Language,
  ) {}

  forKey(key: string): NoteRef | undefined {
    let ref = this.cache.get(key);
    if (ref === undefined) {
      const block = this.kb.entriesFor([key], 1)[0]?.block;
      ref = block ? { headings: this.kb.headingPath(block, this.language), file: block.source.path, line: block.startLine + 1 } : null;
      this.cache.set(key, ref);
    }
    return ref ?? undefined;
  }
}

export function toRecord(f: Finding, language: Language, notes: NoteRefs): FindingRecord {
  const fixes = f.fixes()
    .filter((x) => !x.createFiles?.length && x.edits.length)
    .map((x) => ({ title: pick(x.title, language), safety: x.safety ?? f.fixSafety, edits: x.edits }));
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: pick(f.message, language),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    range: f.range,
    key: f.key,
    docs: f.docs,
    fixable: fixes.some((x) => x.safety === 'safe'),
    fixes,
    note: notes.forKey(f.key),
  };
}

export function fileReport(doc: OpsDocument, display: string, findings: Finding[], language: Language, notes: NoteRefs, fixed = 0): FileReport {
  return { path: doc.path, display, kind: doc.kind, findings: findings.map((f) => toRecord(f, language, notes)), fixed };
}

export interface Summary {
  files: number;
  filesWithFindings: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  fixable: number;
  fixed: number;
  unreadable: number;
}

export function summarize(report: LintReport): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let findings = 0;
  let fixable = 0;
  let fixed = 0;
  let filesWithFindings = 0;
  for (const f of report.files) {
    if (f.findings.length) filesWithFindings++;
    fixed += f.fixed;
    for (const x of f.findings) {
      findings++;
      bySeverity[x.severity]++;
      if (x.fixable) fixable++;
    }
  }
  return { files: report.files.length, filesWithFindings, findings, bySeverity, fixable, fixed, unreadable: report.problems.filter((p) => p.fatal).length };
}
