// Findings -> LSP diagnostics: code = rule id, codeDescription = docs, relatedInformation =
// the note block, data = {ruleId, messageId, key}. Never keyed on message text.
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { Language, pick } from '../i18n/language';
import { KnowledgeBase } from '../knowledge/base';
import { Finding } from '../rules/engine';
import { Severity } from '../rules/types';
import { LightAnalysis } from '../session';
import { OpsDocument } from '../documents/document';

export interface DiagnosticData {
  ruleId: string;
  messageId: string;
  key: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, kb: KnowledgeBase, language: Language): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  const note = kb.entriesFor([f.key], 1)[0];
  if (note) {
    const b = note.block;
    related.push({
      location: { uri: b.source.uri, range: { start: { line: b.startLine, character: 0 }, end: { line: b.endLine, character: b.source.lines[b.endLine]?.length ?? 0 } } },
      message: b.headings.join(' › ') || b.source.path,
    });
  }
  const tags: DiagnosticTag[] = [];
  if (f.tags.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  if (f.tags.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  const data: DiagnosticData = { ruleId: f.ruleId, messageId: f.messageId, key: f.key };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: f.docs },
    source: 'opsnotes',
    message: pick(f.message, language),
    relatedInformation: related.length ? related : undefined,
    tags: tags.length ? tags : undefined,
    data,
  };
}

export function lightDiagnostic(doc: OpsDocument, light: LightAnalysis, language: Language): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(doc.lines.lineEnd(0), 200) } },
    severity: DiagnosticSeverity.Information,
    code: 'opsnotes-file-too-large',
    source: 'opsnotes',
    message: pick(light.message, language),
  };
}
