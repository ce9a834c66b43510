// Code actions over LSP: a rule's quick fix, "Fix all OpsNotes problems" (source.fixAll.opsnotes)
// and "Ignore RULE for this line" round-trip and produce the asserted text; diagnostics carry
// code, codeDescription, relatedInformation (the note) and data; settings change severities.
import * as assert from 'assert';
import * as path from 'path';
import { TextDocumentEdit, WorkspaceEdit, CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO, TestClient } from '../helpers/lspClient';

const FILE = path.join(REPO, 'test', 'fixtures', 'docker', 'actions', 'Dockerfile');
const TEXT = [
  'FROM debian:12-slim',
  'RUN apt-get update && apt-get install -y --no-install-recommends curl',
  'ADD config.ini /etc/app/',
  'ADD entrypoint.sh /usr/local/bin/',
  'CMD ["/usr/local/bin/entrypoint.sh"]',
  '',
].join('\n');

function apply(text: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit?.documentChanges, 'a workspace edit with documentChanges');
  let doc = TextDocument.create('file:///x', 'dockerfile', 1, text);
  for (const change of edit.documentChanges) {
    const edits = (change as TextDocumentEdit).edits;
    assert.ok(edits, 'text edits');
    doc = TextDocument.create('file:///x', 'dockerfile', 1, TextDocument.applyEdits(doc, edits as never));
  }
  return doc.getText();
}

describe('code actions over LSP', function () {
  this.timeout(30000);
  let client: TestClient;
  afterEach(async () => client?.stop());

  async function diagnosticsOf(uri: string): Promise<Diagnostic[]> {
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    return report.items;
  }

  async function actions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  it('diagnostics carry the rule id, docs, the note and data', async () => {
    client = new TestClient();
    client.settings = { language: 'en' };
    await client.initialize({ pullDiagnostics: true });
    const uri = await client.open(FILE, 'dockerfile', TEXT);
    const add = (await diagnosticsOf(uri)).find((d) => d.code === 'dockerfile-add-instead-of-copy')!;
    assert.deepStrictEqual(add.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
    assert.strictEqual(add.source, 'opsnotes');
    assert.strictEqual(add.codeDescription?.href, 'https://docs.docker.com/build/building/best-practices/#add-or-copy');
    assert.deepStrictEqual(add.data, { ruleId: 'dockerfile-add-instead-of-copy', messageId: 'useCopy', key: 'dockerfile.ADD' });
    assert.match(add.relatedInformation![0].location.uri, /knowledge\/notes\/slurm-notes\.md$/);
    assert.strictEqual(add.relatedInformation![0].location.range.start.line, 21);
  });

  it('a quick fix round-trips: Replace ADD with COPY', async () => {
    client = new TestClient();
    client.settings = { language: 'en' };
    await client.initialize({ pullDiagnostics: true });
    const uri = await client.open(FILE, 'dockerfile', TEXT);
    const add = (await diagnosticsOf(uri)).filter((d) => d.code === 'dockerfile-add-instead-of-copy');
    const list = await actions(uri, [add[0]], ['quickfix']);
    assert.deepStrictEqual(
      list.map((a) => a.title),
      ['Replace ADD with COPY', 'Ignore dockerfile-add-instead-of-copy for this line', 'Show note: Docker'],
    );
    assert.strictEqual(list[0].isPreferred, true);
    assert.strictEqual(apply(TEXT, list[0].edit), TEXT.replace('ADD config.ini', 'COPY config.ini'));
    assert.strictEqual(list[2].command?.command, 'opsnotes.showNote');
    // The server opens the note through the client (window/showDocument).
    const shown = new Promise<{ uri: string; selection?: { start: { line: number } } }>((resolve) =>
      client.connection.onRequest('window/showDocument', (p: { uri: string; selection?: { start: { line: number } } }) => {
        resolve(p);
        return { success: true };
      }),
    );
    await client.connection.sendRequest('workspace/executeCommand', list[2].command);
    const p = await shown;
    assert.match(p.uri, /slurm-notes\.md$/);
    assert.strictEqual(p.selection?.start.line, 21);
  });

  it('ignore for this line inserts the suppression comment, and the finding goes away', async () => {
    client = new TestClient();
    client.settings = { language: 'en' };
    await client.initialize({ pullDiagnostics: true });
    const uri = await client.open(FILE, 'dockerfile', TEXT);
    const add = (await diagnosticsOf(uri)).filter((d) => d.code === 'dockerfile-add-instead-of-copy');
    const ignore = (await actions(uri, [add[1]], ['quickfix'])).find((a) => a.title.startsWith('Ignore'))!;
    const ignored = apply(TEXT, ignore.edit);
    assert.strictEqual(ignored, TEXT.replace('ADD entrypoint.sh', '# opsnotes-disable-next-line dockerfile-add-instead-of-copy\nADD entrypoint.sh'));
    await client.change(uri, 2, ignored);
    const after = (await diagnosticsOf(uri)).filter((d) => d.code === 'dockerfile-add-instead-of-copy');
    assert.deepStrictEqual(after.map((d) => d.range.start.line), [2]);
  });

  it('fix all applies every safe fix together, in the user\'s language', async () => {
    client = new TestClient();
    client.settings = { language: 'ru' };
    await client.initialize({ pullDiagnostics: true });
    const uri = await client.open(FILE, 'dockerfile', TEXT);
    const diagnostics = await diagnosticsOf(uri);
    const [all] = await actions(uri, diagnostics, ['source.fixAll.opsnotes']);
    assert.strictEqual(all.title, 'Исправить все проблемы OpsNotes');
    assert.strictEqual(all.kind, 'source.fixAll.opsnotes');
    assert.strictEqual(
      apply(TEXT, all.edit),
      [
        'FROM debian:12-slim',
        'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
        'COPY config.ini /etc/app/',
        'COPY entrypoint.sh /usr/local/bin/',
        'CMD ["/usr/local/bin/entrypoint.sh"]',
        '',
      ].join('\n'),
    );
  });

  it('settings switch a rule off or change its severity', async () => {
    client = new TestClient();
    client.settings = { rules: { 'dockerfile-add-instead-of-copy': 'off', 'dockerfile-apt-lists-not-cleaned': 'error' } };
    await client.initialize({ pullDiagnostics: true });
    const uri = await client.open(FILE, 'dockerfile', TEXT);
    const d = await diagnosticsOf(uri);
    assert.deepStrictEqual(
      d.map((x) => [x.code, x.severity]),
      [['dockerfile-apt-lists-not-cleaned', 1]],
    );
  });
});
