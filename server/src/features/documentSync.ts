// Open documents (textDocument/didOpen, didChange, didClose). Like vscode-languageserver's
// TextDocuments, plus: a change whose version is not newer than the current one is ignored with
// a log line (out-of-order or replayed notifications must not corrupt the text), and a change
// for a document that was never opened is logged, not thrown.
import { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface DocumentEvents {
  opened(doc: TextDocument): void;
  changed(doc: TextDocument): void;
  closed(uri: string): void;
}

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  listen(connection: Connection, events: DocumentEvents, log: (m: string) => void): void {
    connection.onDidOpenTextDocument((p) => {
      const td = p?.textDocument;
      if (!td || typeof td.uri !== 'string' || typeof td.text !== 'string') return log('didOpen without a text document: ignored');
      const doc = TextDocument.create(td.uri, String(td.languageId ?? ''), Number.isInteger(td.version) ? td.version : 0, td.text);
      this.docs.set(td.uri, doc);
      events.opened(doc);
    });
    connection.onDidChangeTextDocument((p) => {
      const uri = p?.textDocument?.uri;
      const doc = typeof uri === 'string' ? this.docs.get(uri) : undefined;
      if (!doc) return log(`didChange for a document that is not open: ${uri}`);
      const version = p.textDocument.version;
      if (typeof version === 'number' && version <= doc.version) {
        return log(`didChange version ${version} for ${uri} is not newer than ${doc.version}: ignored`);
      }
      const changes = (Array.isArray(p.contentChanges) ? p.contentChanges : []).filter(isChange);
      if (!changes.length) return;
      const updated = TextDocument.update(doc, changes, typeof version === 'number' ? version : doc.version + 1);
      this.docs.set(uri, updated);
      events.changed(updated);
    });
    connection.onDidCloseTextDocument((p) => {
      const uri = p?.textDocument?.uri;
      if (typeof uri !== 'string' || !this.docs.delete(uri)) return log(`didClose for a document that is not open: ${uri}`);
      events.closed(uri);
    });
  }
}

function isChange(c: unknown): c is TextDocumentContentChangeEvent {
  if (!c || typeof (c as { text?: unknown }).text !== 'string') return false;
  const r = (c as { range?: { start?: { line?: unknown }; end?: { line?: unknown } } }).range;
  return r === undefined || (typeof r?.start?.line === 'number' && typeof r?.end?.line === 'number');
}
