// The extension: starts the bundled language server over IPC, keeps settings in sync, watches
// the configured note files, and registers the commands. Hover markdown trusts exactly one
// command (opsnotes.openNote), whose arguments are checked against the known notes files.
import * as path from 'path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let noteWatchers: vscode.Disposable[] = [];
const knownNoteFiles = new Set<string>();

const SELECTOR = [
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'ansible' },
  { scheme: 'file', language: 'helm' },
  { scheme: 'file', pattern: '**/ansible.cfg' },
  { scheme: 'file', pattern: '**/{Dockerfile,Containerfile}{,.*}' },
  { scheme: 'file', pattern: '**/*.{dockerfile,containerfile}' },
  { scheme: 'file', pattern: '**/{inventory,inventories}/**' },
  { scheme: 'untitled', language: 'dockerfile' },
  { scheme: 'untitled', language: 'dockercompose' },
  { scheme: 'untitled', language: 'yaml' },
];

function displayLanguage(): string {
  return vscode.env.language;
}

function settingsSnapshot(): unknown {
  return vscode.workspace.getConfiguration('opsnotes');
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
  output = vscode.window.createOutputChannel('OpsNotes', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  let crashes = 0;
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    markdown: { isTrusted: { enabledCommands: ['opsnotes.openNote'] }, supportHtml: false },
    initializationOptions: {
      client: 'vscode',
      trusted: vscode.workspace.isTrusted,
      displayLanguage: displayLanguage(),
      settings: JSON.parse(JSON.stringify(settingsSnapshot())),
    },
    synchronize: { configurationSection: 'opsnotes' },
    middleware: {
      // The server offers every snippet that fits the cursor, for all editors. Where package.json
      // contributes a snippet file for the document's language, VS Code shows those snippets
      // itself: drop the server's copies (marked data.static = that languageId). A Compose
      // file opened as plain `yaml` keeps them.
      provideCompletionItem: async (document, position, context, token, next) => {
        const result = await next(document, position, context, token);
        const keep = (item: vscode.CompletionItem) => (item as { data?: { static?: unknown } }).data?.static !== document.languageId;
        if (!result) return result;
        if (Array.isArray(result)) return result.filter(keep);
        return new vscode.CompletionList(result.items.filter(keep), result.isIncomplete);
      },
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        crashes++;
        if (crashes <= 4) return { action: CloseAction.Restart, handled: true };
        void vscode.window
          .showErrorMessage(`OpsNotes: the language server stopped ${crashes} times and will not be restarted. The log is in the "OpsNotes" output channel.`, 'Show Output')
          .then((choice) => choice && output.show());
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  client = new LanguageClient('opsnotes', 'OpsNotes', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('opsnotes.openNote', openNote),
    vscode.commands.registerCommand('opsnotes.searchNotes', searchNotes),
    vscode.commands.registerCommand('opsnotes.openNotes', openNotes),
    vscode.commands.registerCommand('opsnotes.restartServer', async () => {
      crashes = 0;
      await client?.restart();
      await refreshNoteFiles();
    }),
    vscode.commands.registerCommand('opsnotes.showOutput', () => output.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('opsnotes.notes')) void refreshNoteFiles();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => client?.restart()),
    { dispose: () => noteWatchers.forEach((w) => w.dispose()) },
  );
  await client.start();
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) void refreshNoteFiles();
  });
  await refreshNoteFiles();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Known note files come from the server; watch them and tell the server when they change. */
async function refreshNoteFiles(): Promise<void> {
  if (!client || client.state !== State.Running) return;
  const files = await client.sendRequest<{ uri: string; path: string; bundled: boolean }[]>('opsnotes/noteFiles');
  knownNoteFiles.clear();
  files.forEach((f) => knownNoteFiles.add(vscode.Uri.parse(f.uri).fsPath));
  noteWatchers.forEach((w) => w.dispose());
  noteWatchers = [];
  const paths = vscode.workspace.getConfiguration('opsnotes').get<string[]>('notes.paths') ?? [];
  const reload = () => void client?.sendRequest('opsnotes/reloadNotes');
  const userFiles = files.filter((f) => !f.bundled);
  const folders = new Set<string>();
  for (const f of userFiles) folders.add(path.dirname(vscode.Uri.parse(f.uri).fsPath));
  for (const p of Array.isArray(paths) ? paths : []) if (typeof p === 'string' && path.isAbsolute(p)) folders.add(p);
  for (const folder of folders) {
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**/*.{md,markdown}'));
    w.onDidChange(reload);
    w.onDidCreate(reload);
    w.onDidDelete(reload);
    noteWatchers.push(w);
  }
}

/** The one trusted hover command. Its arguments must name a known notes file and a line. */
async function openNote(uri?: unknown, line?: unknown): Promise<void> {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return;
  const target = vscode.Uri.parse(uri);
  if (!knownNoteFiles.has(target.fsPath)) {
    output.warn(`openNote refused: ${target.fsPath} is not a known notes file`);
    return;
  }
  const n = typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : 0;
  const doc = await vscode.workspace.openTextDocument(target);
  const pos = new vscode.Position(Math.min(n, doc.lineCount - 1), 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: true });
}

async function openNotes(): Promise<void> {
  if (!client) return;
  const files = await client.sendRequest<{ uri: string; path: string; bundled: boolean }[]>('opsnotes/noteFiles');
  const pick = await vscode.window.showQuickPick(
    files.map((f) => ({ label: path.basename(f.path), description: f.bundled ? 'bundled' : f.path, uri: f.uri })),
    { placeHolder: 'Open notes' },
  );
  if (pick) await openNote(pick.uri, 0);
}

async function searchNotes(): Promise<void> {
  if (!client) return;
  const query = await vscode.window.showInputBox({ prompt: 'Search notes (Russian or English)' });
  if (!query) return;
  const hits = await client.sendRequest<{ label: string; detail?: string; description?: string; uri?: string; line?: number }[]>('opsnotes/searchNotes', { query });
  const pick = await vscode.window.showQuickPick(
    hits.map((h) => ({ label: h.label, detail: h.detail, description: h.description, uri: h.uri, line: h.line })),
    { placeHolder: hits.length ? `${hits.length} results` : 'Nothing found', matchOnDetail: true },
  );
  if (pick?.uri) await openNote(pick.uri, pick.line);
}
