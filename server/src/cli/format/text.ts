// Human text: one line per finding, `file:line:col severity rule-id message` (the order
// problem matchers and `grep` expect; the severity word stays English so they keep working in
// Russian), then the note it comes from, then a summary.
import * as path from 'path';
import { t } from '../../i18n/ui';
import { Severity } from '../../rules/types';
import { Paint } from '../color';
import { CLI, problemsSummary } from '../messages';
import { FindingRecord, LintReport, summarize } from '../report';

function severityWord(s: Severity, p: Paint): string {
  switch (s) {
    case 'error':
      return p.red(s);
    case 'warning':
      return p.yellow(s);
    case 'information':
      return p.blue(s);
    default:
      return p.dim(s);
  }
}

export function findingLine(display: string, f: FindingRecord, p: Paint): string {
  return `${p.bold(`${display}:${f.line}:${f.column}`)} ${severityWord(f.severity, p)} ${p.dim(f.ruleId)} ${f.message}`;
}

export function formatText(report: LintReport, p: Paint): string {
  const language = report.language;
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      out.push(findingLine(file.display, f, p));
      if (f.note) {
        const where = `${path.basename(f.note.file)}:${f.note.line}`;
        out.push(p.dim(`    ${t(CLI.note, language)}: ${f.note.headings.join(' › ') || where} (${where})`));
      }
    }
  }
  const s = summarize(report);
  if (out.length) out.push('');
  if (s.findings) {
    let line = problemsSummary({ total: s.findings, files: s.filesWithFindings, ...s.bySeverity }, language);
    if (s.fixable) line += `; ${t(CLI.summaryFixable, language, { fixable: s.fixable })}`;
    out.push((s.bySeverity.error ? p.red : p.yellow)(line));
  } else {
    out.push(p.green(t(CLI.summaryClean, language, { checked: s.files })));
  }
  if (s.fixed) out.push(t(CLI.fixedFiles, language, { fixes: s.fixed, files: report.files.filter((f) => f.fixed).length }));
  if (s.unreadable) out.push(p.red(t(CLI.summaryUnread, language, { count: s.unreadable })));
  return out.join('\n') + '\n';
}
