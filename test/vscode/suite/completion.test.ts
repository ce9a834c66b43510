// Snippets in real VS Code: a context snippet from the server inserted into a manifest through
// vscode.executeCompletionItemProvider (the server's text, kept as is), the static Dockerfile
// snippets shown once (the client drops the server's copies), and the server's Compose
// snippets kept in a Compose file.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const fixtures = path.join(process.env.OPSNOTES_REPO ?? '', 'test', 'fixtures', 'completion');

async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 30000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Opens a fixture and adds `insert` at the end of the line holding `after`; returns the cursor after it. */
async function openEdited(file: string, after: string, insert: string): Promise<{ editor: vscode.TextEditor; position: vscode.Position; original: string }> {
  const doc = await vscode.workspace.openTextDocument(path.join(fixtures, file));
  const editor = await vscode.window.showTextDocument(doc);
  const original = doc.getText();
  const at = original.indexOf(after);
  assert.ok(at >= 0, `"${after}" in ${file}`);
  const eol = doc.positionAt(at).line;
  const end = doc.lineAt(eol).range.end;
  await editor.edit((e) => e.insert(end, insert));
  return { editor, position: doc.positionAt(doc.offsetAt(end) + insert.length), original };
}

async function itemsAt(doc: vscode.TextDocument, position: vscode.Position, label: string): Promise<vscode.CompletionItem[]> {
  let last: string[] = [];
  try {
    return await waitFor(`${label} offered`, async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
      const items = list?.items ?? [];
      last = items.map(labelOf);
      return items.some((i) => labelOf(i) === label) ? items : undefined;
    });
  } catch (e) {
    throw new Error(`${(e as Error).message} in ${doc.languageId} at ${position.line}:${position.character} "${doc.lineAt(position.line).text}"; offered: ${last.join(', ')}`);
  }
}

/** Accepting a suggestion: the item's snippet over its range, whitespace as the item asks. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
  const options = { undoStopBefore: true, undoStopAfter: true, keepWhitespace: item.keepWhitespace ?? false };
  assert.ok(await editor.insertSnippet(item.insertText as vscode.SnippetString, range, options as { undoStopBefore: boolean; undoStopAfter: boolean }));
}

async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('OpsNotes snippets in VS Code', () => {
  before(async () => {
    await vscode.extensions.getExtension('opsnotes.opsnotes')!.activate();
  });

  it('inserts the server startupProbe snippet into a container, indented under it', async () => {
    const { editor, position, original } = await openEdited(path.join('k8s', 'shop.yaml'), '              memory: 512Mi', '\n          star');
    try {
      const items = await itemsAt(editor.document, position, 'startupProbe-httpGet');
      const item = items.find((i) => labelOf(i) === 'startupProbe-httpGet')!;
      assert.strictEqual(item.kind, vscode.CompletionItemKind.Snippet);
      assert.strictEqual(item.keepWhitespace, true, 'insertTextMode asIs');
      assert.ok(!items.some((i) => labelOf(i) === 'livenessProbe-httpGet'), 'the container already has a livenessProbe');
      await accept(editor, item);
      const expected = original.replace(
        '              memory: 512Mi\n',
        '              memory: 512Mi\n          startupProbe:\n            httpGet:\n              path: /healthz\n              port: http\n            periodSeconds: 10\n            failureThreshold: 30\n',
      );
      assert.strictEqual(editor.document.getText(), expected);
    } finally {
      await closeWithoutSaving();
    }
  });

  it('shows each Dockerfile snippet once: the static one, the server copy dropped', async () => {
    const { editor, position, original } = await openEdited(path.join('docker', 'Dockerfile'), 'WORKDIR /app', '\nRUN');
    try {
      // The server has this document once it answers a hover on it.
      const entry = editor.document.positionAt(editor.document.getText().indexOf('ENTRYPOINT') + 2);
      await waitFor('a hover from the server', async () => ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, entry)) ?? []).length || undefined);
      const items = await itemsAt(editor.document, position, 'RUN-apt-get-install');
      const apt = items.filter((i) => labelOf(i) === 'RUN-apt-get-install');
      assert.strictEqual(apt.length, 1, 'one RUN-apt-get-install item');
      assert.match(String(apt[0].detail), /^apt-get install with list cleanup \(notes: Docker\) — apt-get install с очисткой списков пакетов \(заметки: Docker\)(?: \(OpsNotes\))?$/);
      await accept(editor, apt[0]);
      const expected = original.replace('WORKDIR /app\n', 'WORKDIR /app\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        ca-certificates curl \\\n    && rm -rf /var/lib/apt/lists/*\n');
      assert.strictEqual(editor.document.getText(), expected);
    } finally {
      await closeWithoutSaving();
    }
  });

  it('a Compose file keeps the server healthcheck snippet, whatever its language id', async () => {
    const { editor, position, original } = await openEdited(path.join('compose', 'compose.yaml'), '      - db-data:/var/lib/postgresql/data', '\n    hea');
    try {
      // VS Code names compose.yaml `dockercompose`; Compose snippets come from the server only
      // (not contributed statically: see SNIPPET_FILES in server/src/snippets/catalog.ts).
      assert.strictEqual(editor.document.languageId, 'dockercompose');
      const items = await itemsAt(editor.document, position, 'healthcheck');
      const fromServer = items.filter((i) => labelOf(i) === 'healthcheck' && i.detail === 'healthcheck: test, interval, timeout, retries');
      assert.strictEqual(fromServer.length, 1);
      await accept(editor, fromServer[0]);
      const expected = original.replace(
        '      - db-data:/var/lib/postgresql/data\n',
        '      - db-data:/var/lib/postgresql/data\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n',
      );
      assert.strictEqual(editor.document.getText(), expected);
    } finally {
      await closeWithoutSaving();
    }
  });
});
