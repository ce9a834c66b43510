// Code actions: each finding's fixes (quickfix; preferred when safe), "Ignore RULE for this
// line", "Show note", and "Fix all OpsNotes problems" (source.fixAll.opsnotes: safe fixes
// only, applied together without overlapping edits). Fixes are found by rule id + position of
// the finding, never by message text.
import { CodeAction, CodeActionKind, Command, CreateFile, Diagnostic, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import * as path from 'path';
import { OpsDocument, pathToUri } from '../documents/document';
import { Language, pick } from '../i18n/language';
import { t, UI } from '../i18n/ui';
import { KnowledgeBase } from '../knowledge/base';
import { Finding } from '../rules/engine';
import { suppressionComment } from '../rules/suppression';
import { Fix } from '../rules/types';
import { Range } from '../util/text';
import { DiagnosticData } from './diagnostics';
import { refactorings } from '../rules/refactorings';
import { safeFixEdits } from '../rules/fixes';

export { safeFixEdits };

export const FIX_ALL_KIND = 'source.fixAll.opsnotes';
export const SHOW_NOTE_COMMAND = 'opsnotes.showNote';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The finding a diagnostic stands for: same rule id and range. */
function findingFor(findings: readonly Finding[], d: Diagnostic): Finding | undefined {
  const data = d.data as DiagnosticData | undefined;
  const ruleId = data?.ruleId ?? (typeof d.code === 'string' ? d.code : undefined);
  if (!ruleId) return undefined;
  return findings.find((f) => f.ruleId === ruleId && sameRange(f.range, d.range) && (!data?.messageId || f.messageId === data.messageId));
}

export function fixToEdit(doc: OpsDocument, fix: Fix): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  const creates: TextDocumentEdit[] = [];
  for (const c of fix.createFiles ?? []) {
    const uri = pathToUri(path.resolve(path.dirname(doc.path), c.path));
    documentChanges.push(CreateFile.create(uri, { ignoreIfExists: true }));
    creates.push(TextDocumentEdit.create({ uri, version: null }, [LspTextEdit.insert({ line: 0, character: 0 }, c.content)]));
  }
  if (fix.edits.length) documentChanges.push(TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, fix.edits.map((e) => LspTextEdit.replace(e.range, e.newText))));
  documentChanges.push(...creates);
  return { documentChanges };
}

export interface CodeActionOptions {
  only?: string[];
  /** Offer "Show note" (needs a client that can show documents: window/showDocument). */
  showNote?: boolean;
}

export function codeActions(doc: OpsDocument, findings: readonly Finding[], range: Range, diagnostics: readonly Diagnostic[], kb: KnowledgeBase, language: Language, options: CodeActionOptions = {}): CodeAction[] {
  const only = options.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of diagnostics) {
      const f = findingFor(findings, d);
      if (!f) continue;
      for (const fix of f.fixes()) {
        actions.push({
          title: pick(fix.title, language),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.safety === 'safe',
          edit: fixToEdit(doc, fix),
        });
      }
      actions.push(ignoreLineAction(doc, f, d, language));
      const note = kb.entriesFor([f.key], 1)[0];
      if (note && options.showNote !== false) {
        const headings = kb.headingPath(note.block, language);
        actions.push({
          title: `${t(UI.showNote, language)}: ${headings[headings.length - 1] ?? ''}`.replace(/: $/, ''),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          // Executed by the server, which asks the client to show the note (window/showDocument).
          command: Command.create(t(UI.showNote, language), SHOW_NOTE_COMMAND, note.block.source.uri, note.block.startLine),
        });
      }
    }
  }
  if (wants(CodeActionKind.RefactorRewrite) || wants(CodeActionKind.Refactor)) {
    for (const r of refactorings(doc, doc.offsetAt(range.start), doc.offsetAt(range.end))) {
      actions.push({ title: pick(r.title, language), kind: CodeActionKind.RefactorRewrite, edit: fixToEdit(doc, r) });
    }
  }
  if (only && only.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + '.') || o === CodeActionKind.SourceFixAll)) {
    const all = fixAllAction(doc, findings, language);
    if (all) actions.push(all);
  }
  return actions;
}

function ignoreLineAction(doc: OpsDocument, f: Finding, d: Diagnostic, language: Language): CodeAction {
  const line = f.range.start.line;
  const lineText = doc.lines.lineText(line);
  const indent = lineText.slice(0, lineText.length - lineText.trimStart().length);
  const insert = `${indent}${suppressionComment(doc, f.ruleId)}${doc.lines.eol}`;
  return {
    title: t(UI.ignoreForLine, language, { rule: f.ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, [LspTextEdit.insert({ line, character: 0 }, insert)])] },
  };
}

export function fixAllAction(doc: OpsDocument, findings: readonly Finding[], language: Language): CodeAction | undefined {
  const { edits } = safeFixEdits(findings);
  if (!edits.length) return undefined;
  return {
    title: t(UI.fixAll, language),
    kind: FIX_ALL_KIND,
    edit: { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits.map((e) => LspTextEdit.replace(e.range, e.newText)))] },
  };
}
