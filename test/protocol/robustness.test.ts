// The server keeps serving whatever a client sends: unknown documents, positions past the end,
// cancelled requests, out-of-order versions, malformed settings, a notes file deleted or
// replaced by a binary while open; and 10,000 edits to one document leave memory flat.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToUri, positionOf, REPO, TestClient } from '../helpers/lspClient';

const DOCKERFILE = path.join(REPO, 'test', 'fixtures', 'docker', 'Dockerfile');

describe('protocol robustness', function () {
  this.timeout(60000);
  let client: TestClient;
  afterEach(async () => client?.stop());

  async function stillServes(): Promise<void> {
    const text = fs.readFileSync(DOCKERFILE, 'utf8');
    const uri = await client.open(DOCKERFILE, 'dockerfile', text, 1000);
    const pos = positionOf(text, 'ADD app.py', 1);
    const hover = await client.hover(uri, pos.line, pos.character);
    assert.match(hover?.contents.value ?? '', /ADD/);
  }

  it('answers requests for unknown documents and positions past the end', async () => {
    client = new TestClient();
    await client.initialize();
    assert.strictEqual(await client.hover('file:///nowhere/Dockerfile', 0, 0), null);
    const uri = await client.open(DOCKERFILE, 'dockerfile');
    assert.strictEqual(await client.hover(uri, 5000, 5000), null);
    assert.strictEqual(await client.hover(uri, -1, -7), null);
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    assert.deepStrictEqual(actions, []);
    await stillServes();
  });

  it('survives cancelled requests', async () => {
    client = new TestClient();
    await client.initialize();
    const text = fs.readFileSync(DOCKERFILE, 'utf8');
    const uri = await client.open(DOCKERFILE, 'dockerfile', text);
    const pending = [];
    for (let i = 0; i < 20; i++) {
      const source = new (await import('vscode-languageserver-protocol')).CancellationTokenSource();
      pending.push(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } }, source.token).catch((e) => e));
      source.cancel();
    }
    await Promise.all(pending);
    await stillServes();
  });

  it('ignores out-of-order versions with a log line', async () => {
    client = new TestClient();
    await client.initialize({ settings: { language: 'ru' } });
    const uri = await client.open(DOCKERFILE, 'dockerfile', 'FROM alpine\nADD a.txt /a\n', 5);
    await client.change(uri, 7, 'FROM alpine\nCOPY a.txt /a\n');
    await client.change(uri, 6, 'FROM alpine\nADD a.txt /a\n');
    await client.waitFor(() => client.logs.find((l) => /version 6 .* not newer than 7: ignored/.test(l)), 'the log line');
    const hover = await client.hover(uri, 1, 1);
    assert.match(hover?.contents.value ?? '', /\*\*COPY\*\*/, 'the newer text stays');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.waitFor(() => client.logs.find((l) => l.includes('not open: file:///never/opened')), 'the log line');
    await stillServes();
  });

  it('takes malformed settings without failing', async () => {
    client = new TestClient();
    client.settings = { language: 5, rules: 'all', notes: { paths: 7, bundled: 'yes' }, limits: { maxFileBytes: -1 } };
    await client.initialize();
    await stillServes();
    await client.waitFor(() => client.messages.find((m) => /opsnotes\.language/.test(m.message)), 'a warning about the language setting');
    client.settings = { rules: { 'dockerfile-add-instead-of-copy': 'loud' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.messages.find((m) => /unknown severity "loud"/.test(m.message)), 'a warning about the severity');
    await stillServes();
  });

  it('keeps serving when a note file is deleted or replaced by a binary', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-robust-'));
    const notes = path.join(dir, 'notes.md');
    fs.writeFileSync(notes, '<!-- opsnotes: dockerfile.ADD -->\nOur ADD rule.\n');
    client = new TestClient();
    client.settings = { notes: { paths: [notes] } };
    await client.initialize();
    fs.writeFileSync(notes, Buffer.from([0x00, 0xff, 0xfe, 0x00]));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(notes), type: 2 }] });
    await client.waitFor(() => client.messages.find((m) => /not a text file/.test(m.message)), 'a warning about the binary');
    await stillServes();
    fs.rmSync(notes);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(notes), type: 3 }] });
    await client.waitFor(() => client.messages.find((m) => /note path not found/.test(m.message)), 'a warning about the missing file');
    await stillServes();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps memory flat over 10,000 edits of one document', async () => {
    client = new TestClient();
    await client.initialize();
    const base = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'docker', 'Dockerfile'), 'utf8');
    const uri = await client.open(DOCKERFILE, 'dockerfile', base, 1);
    let version = 1;
    const edit = async (n: number) => {
      for (let i = 0; i < n; i++) {
        version++;
        await client.change(uri, version, base + `# edit ${version}\n`);
        if (version % 200 === 0) await client.hover(uri, 4, 1);
      }
    };
    await edit(1000);
    const before = (await client.connection.sendRequest('opsnotes/status', { gc: true })) as { heapUsed: number; rss: number };
    await edit(9000);
    const after = (await client.connection.sendRequest('opsnotes/status', { gc: true })) as { heapUsed: number; rss: number; parsed: number };
    const growth = (after.heapUsed - before.heapUsed) / 1024 / 1024;
    assert.ok(growth < 8, `heap grew by ${growth.toFixed(1)} MB over 9,000 edits`);
    assert.strictEqual(after.parsed, 1, 'one parsed version kept per document');
  });
});
