// Context completion: the snippets that fit the cursor (snippets/offers.ts) as LSP items in the
// user's language, documented with the note each comes from. Items of a snippet file that
// package.json also contributes to VS Code carry `data.static` = that languageId, so the
// VS Code client drops them where VS Code already shows the static snippet (Compose is not
// contributed statically: see SNIPPET_FILES in snippets/catalog.ts).
import * as path from 'path';
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver';
import { OpsDocument } from '../documents/document';
import { Language } from '../i18n/language';
import { t, UI } from '../i18n/ui';
import { KnowledgeBase } from '../knowledge/base';
import { Snippet } from '../snippets/catalog';
import { snippetOffers } from '../snippets/offers';
import { expandSnippet } from '../snippets/syntax';
import { NoteLinkStyle, noteLink, renderNote } from './hover';

export interface SnippetItemData {
  snippet: string;
  /** The languageId VS Code shows this snippet for statically. */
  static?: string;
}

const FENCE: Record<Snippet['syntax'], string> = { dockerfile: 'dockerfile', yaml: 'yaml', ini: 'ini' };

export function completionItems(doc: OpsDocument, offset: number, language: Language, kb?: KnowledgeBase, linkStyle: NoteLinkStyle = 'file'): CompletionItem[] {
  return snippetOffers(doc, offset).map((o, i) => {
    const s = o.snippet;
    const name = language === 'ru' ? s.nameRu : s.name;
    const data: SnippetItemData = s.staticLanguage ? { snippet: s.id, static: s.staticLanguage } : { snippet: s.id };
    return {
      label: s.id,
      labelDetails: { description: name },
      kind: CompletionItemKind.Snippet,
      detail: name,
      documentation: { kind: MarkupKind.Markdown, value: documentation(s, preview(expandSnippet(o.text), doc.rangeOf(o.start, o.start).start.character), kb, language, linkStyle) },
      filterText: s.id,
      sortText: String(i).padStart(4, '0'),
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: doc.rangeOf(o.start, o.end), newText: o.text },
      data,
    };
  });
}

/** The snippet as it will read, then the note it comes from (as hovers show notes). */
function documentation(s: Snippet, shown: string, kb: KnowledgeBase | undefined, language: Language, linkStyle: NoteLinkStyle): string {
  const parts = ['```' + FENCE[s.syntax] + '\n' + shown.replace(/```/g, "'''") + '\n```'];
  const source = kb?.sources.find((src) => src.bundled && path.basename(src.path) === s.note.file);
  const block = source && kb!.blockAtLine(source.path, s.note.line - 1);
  if (block) {
    const translated = language === 'en' && kb!.hasEnglish(block);
    const where = `${s.note.file}:${block.startLine + 1}`;
    const link = noteLink(block, linkStyle);
    parts.push(`${block.headings.join(' › ')} — ${link ? `[${where}](${link} "${t(UI.openNote, language)}")` : where}`);
    parts.push(renderNote(kb!.blockText(block, translated ? 'en' : 'ru')));
    if (translated) parts.push(`*${t(UI.englishRendering, language)}*`);
    for (const r of kb!.remarksFor([block], [])) parts.push(`**${t(UI.today, language)}:** ${language === 'ru' ? r.ru : r.en} ([${t(UI.source, language)}](${r.source}))`);
  }
  return parts.join('\n\n');
}

/** The inserted text as it will read in the editor, without the indentation the target adds. */
function preview(text: string, column: number): string {
  const lines = (' '.repeat(column) + text).split(/\r?\n/);
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length))).join('\n');
}
