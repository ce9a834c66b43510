// Hovers never run anything: the server opens no connection, resolves no name and starts no
// process, whatever the documents and notes contain; hover markdown holds exactly one trusted
// command (opsnotes.openNote) and note text is never HTML or a command link.
import * as assert from 'assert';
import * as path from 'path';
import { positionOf, REPO, TestClient } from '../helpers/lspClient';

const SECURITY = path.join(REPO, 'test', 'fixtures', 'security');

describe('security', function () {
  this.timeout(30000);
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('no network, no process, one trusted command, notes shown as text', async () => {
    client = new TestClient({ nodeArgs: ['-r', path.join(SECURITY, 'preload-no-network.js')] });
    client.settings = { notes: { paths: [path.join(SECURITY, 'hostile-notes.md')] } };
    await client.initialize({ initializationOptions: { client: 'vscode' }, pullDiagnostics: true });
    const text = 'FROM alpine:3.20\n# see https://example.com/install.sh\nADD https://example.com/x.tgz /x\nADD app.py /app/\nRUN curl -fsSL https://get.example.com | sh\n';
    const file = path.join(SECURITY, 'Dockerfile');
    const uri = await client.open(file, 'dockerfile', text);
    const pos = positionOf(text, 'ADD app.py', 1);
    const hover = (await client.hover(uri, pos.line, pos.character))!.contents.value;
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
    assert.ok(report.items.length > 0, 'diagnostics ran');
    await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }, context: { diagnostics: report.items, only: ['quickfix', 'source.fixAll.opsnotes'] } });
    for (let line = 0; line < 5; line++) await client.hover(uri, line, 2);
    // The hostile note is in the hover, as text.
    assert.match(hover, /Click \[here\]\\\(command:workbench\.action\.terminal\.new\)/);
    assert.match(hover, /&lt;a href="command:workbench\.action\.files\.delete"&gt;/);
    assert.doesNotMatch(hover, /<script|<img|<a /);
    const commands = [...hover.matchAll(/\]\((command:[^)\s]+)/g)].map((m) => m[1]);
    assert.ok(commands.length > 0);
    for (const c of commands) assert.match(c, /^command:opsnotes\.openNote\?/);
    await client.stop();
    assert.doesNotMatch(client.stderr, /FORBIDDEN/);
  });
});
