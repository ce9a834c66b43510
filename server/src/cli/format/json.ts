// `--format json`: the whole run as one JSON document (stable field names; positions 1-based
// with an exclusive end column, plus the 0-based LSP range; fixes as LSP-shaped text edits).
import { LintReport, summarize } from '../report';

export const JSON_FORMAT_VERSION = 1;

export function formatJson(report: LintReport, toolVersion: string, exitCode: number): string {
  const doc = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'opsnotes', version: toolVersion },
    language: report.language,
    files: report.files.map((f) => ({ path: f.display, kind: f.kind, fixed: f.fixed, findings: f.findings })),
    problems: report.problems.map((p) => ({ path: p.display, message: p.message, fatal: p.fatal })),
    summary: summarize(report),
    exitCode,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
