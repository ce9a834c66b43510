// The client: the trusted command refuses files that are not notes, and the server is restarted
// when it dies.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';

const repo = process.env.OPSNOTES_REPO ?? '';

async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 30000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('OpsNotes client', () => {
  before(async () => {
    await vscode.extensions.getExtension('opsnotes.opsnotes')!.activate();
  });

  it('opsnotes.openNote opens the notes at the line, and refuses any other file', async () => {
    const notes = vscode.Uri.file(path.join(vscode.extensions.getExtension('opsnotes.opsnotes')!.extensionPath, 'knowledge', 'notes', 'slurm-notes.md'));
    await vscode.commands.executeCommand('opsnotes.openNote', notes.toString(), 21);
    const editor = await waitFor('the notes editor', () => (vscode.window.activeTextEditor?.document.uri.fsPath === notes.fsPath ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.selection.active.line, 21);
    const other = vscode.Uri.file(path.join(repo, 'package.json'));
    await vscode.commands.executeCommand('opsnotes.openNote', other.toString(), 0);
    assert.notStrictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, other.fsPath, 'package.json was not opened');
    await vscode.commands.executeCommand('opsnotes.openNote', 'command:workbench.action.terminal.new', 0);
  });

  it('restarts the server after it dies', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(repo, 'test', 'fixtures', 'docker', 'Dockerfile'));
    await vscode.window.showTextDocument(doc);
    const position = doc.positionAt(doc.getText().indexOf('ADD app.py') + 1);
    const hover = async () => ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? []).length;
    await waitFor('a hover before', async () => (await hover()) > 0 || undefined);
    const server = path.join(vscode.extensions.getExtension('opsnotes.opsnotes')!.extensionPath, 'dist', 'server.js');
    execFileSync('pkill', ['-KILL', '-f', server]);
    await waitFor('a hover after the restart', async () => (await hover()) > 0 || undefined, 60000);
  });
});
