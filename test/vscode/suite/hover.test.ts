import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const fixtures = path.join(process.env.OPSNOTES_REPO ?? '', 'test', 'fixtures');

async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension('opsnotes.opsnotes');
  assert.ok(ext, 'the OpsNotes extension is installed');
  await ext.activate();
  assert.strictEqual(ext.isActive, true);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('OpsNotes in VS Code', () => {
  before(activate);

  async function hoverAt(doc: vscode.TextDocument, needle: string): Promise<string> {
    const offset = doc.getText().indexOf(needle);
    assert.ok(offset >= 0);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset + 1))) ?? [];
    return hoverText(hovers);
  }

  it('shows the English rendering of the COPY vs ADD note (display language en)', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(fixtures, 'docker', 'Dockerfile'));
    await vscode.window.showTextDocument(doc);
    const text = await hoverAt(doc, 'ADD app.py');
    assert.match(text, /ADD can copy files from a remote source, unpack an archive/);
  });

  it('shows the note about COPY vs ADD as written with opsnotes.language = ru', async () => {
    await vscode.workspace.getConfiguration('opsnotes').update('language', 'ru', vscode.ConfigurationTarget.Global);
    const doc = await vscode.workspace.openTextDocument(path.join(fixtures, 'docker', 'Dockerfile'));
    await vscode.window.showTextDocument(doc);
    // The server re-reads settings on didChangeConfiguration; wait for the Russian hover.
    let text = '';
    for (const deadline = Date.now() + 20000; Date.now() < deadline; ) {
      text = await hoverAt(doc, 'ADD app.py');
      if (/ADD может скопировать/.test(text)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(text, /ADD может скопировать файлы из удаленного источника, разархивировать архив/);
    assert.match(text, /command:opsnotes\.openNote\?/);
    await vscode.workspace.getConfiguration('opsnotes').update('language', undefined, vscode.ConfigurationTarget.Global);
  });
});
