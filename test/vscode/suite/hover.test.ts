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

  it('shows the note about COPY vs ADD when hovering ADD in a Dockerfile', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(fixtures, 'docker', 'Dockerfile'));
    await vscode.window.showTextDocument(doc);
    const offset = doc.getText().indexOf('ADD app.py');
    assert.ok(offset >= 0);
    const position = doc.positionAt(offset + 1);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
    const text = hoverText(hovers);
    assert.match(text, /ADD может скопировать файлы из удаленного источника, разархивировать архив/);
    assert.match(text, /command:opsnotes\.openNote\?/);
  });
});
