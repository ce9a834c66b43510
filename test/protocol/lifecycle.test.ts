import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { positionOf, REPO, TestClient } from '../helpers/lspClient';

const DOCKERFILE = path.join(REPO, 'test', 'fixtures', 'docker', 'Dockerfile');

describe('language server over stdio', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('advertises hover, completion, code actions (quickfix, source.fixAll) and diagnostics', async () => {
    client = new TestClient();
    const result = await client.initialize({ pullDiagnostics: true });
    const caps = result.capabilities;
    assert.strictEqual(caps.hoverProvider, true);
    assert.ok(caps.completionProvider);
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes('quickfix'));
    assert.ok(kinds.includes('source.fixAll.opsnotes'));
    assert.ok(caps.diagnosticProvider);
  });

  it('hovering ADD shows the notes sentence about ADD unpacking archives', async () => {
    client = new TestClient();
    await client.initialize({ locale: 'ru', initializationOptions: { client: 'vscode' } });
    const text = fs.readFileSync(DOCKERFILE, 'utf8');
    const uri = await client.open(DOCKERFILE, 'dockerfile', text);
    const pos = positionOf(text, 'ADD app.py', 1);
    const hover = await client.hover(uri, pos.line, pos.character);
    assert.ok(hover, 'a hover');
    assert.match(hover.contents.value, /ADD может скопировать файлы из удаленного источника, разархивировать архив и так далее\./);
    assert.match(hover.contents.value, /slurm-notes\.md:22/);
    assert.deepStrictEqual(hover.range, { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: 3 } });
  });

  it('shows the English rendering to English readers (display language en)', async () => {
    client = new TestClient();
    await client.initialize({ locale: 'en-US' });
    const text = fs.readFileSync(DOCKERFILE, 'utf8');
    const uri = await client.open(DOCKERFILE, 'dockerfile', text);
    const pos = positionOf(text, 'ADD app.py', 1);
    const hover = await client.hover(uri, pos.line, pos.character);
    assert.match(hover!.contents.value, /ADD can copy files from a remote source, unpack an archive/);
    assert.match(hover!.contents.value, /\[slurm-notes\.md:22\]\(file:\/\/\/.*slurm-notes\.md#L22/, 'other clients get a file link');
  });

  it('ends the process within 1 s of shutdown and exit', async () => {
    client = new TestClient();
    await client.initialize();
    const started = Date.now();
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    await new Promise<void>((resolve) => (client.process.exitCode !== null ? resolve() : client.process.on('exit', () => resolve())));
    assert.ok(Date.now() - started < 1000, `exited after ${Date.now() - started} ms`);
    assert.strictEqual(client.process.exitCode, 0);
  });

  it('answers a malformed request with an error and keeps serving', async () => {
    client = new TestClient();
    await client.initialize();
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { nonsense: true }), (e: { code?: number }) => typeof e.code === 'number');
    await assert.rejects(client.connection.sendRequest('opsnotes/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
    const text = fs.readFileSync(DOCKERFILE, 'utf8');
    const uri = await client.open(DOCKERFILE, 'dockerfile', text);
    const pos = positionOf(text, 'ADD app.py', 1);
    const hover = await client.hover(uri, pos.line, pos.character);
    assert.match(hover!.contents.value, /COPY/);
  });
});
