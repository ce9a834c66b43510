// Context completion: the snippets that fit the cursor position (issue 7 fills this in).
import { CompletionItem } from 'vscode-languageserver';
import { OpsDocument } from '../documents/document';
import { Language } from '../i18n/language';

export function completionItems(_doc: OpsDocument, _offset: number, _language: Language): CompletionItem[] {
  return [];
}
