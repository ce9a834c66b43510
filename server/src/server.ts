// LSP wiring only: connection, open documents, the capability table, configuration, and one
// wrapper that turns exceptions into logged errors. Domain logic lives in the core (session,
// knowledge, documents, locate, rules) and the features adapt it to the protocol.
import {
  CodeActionKind,
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  MarkupKind,
  CancellationToken,
} from 'vscode-languageserver/node';
import * as v8 from 'v8';
import * as vm from 'vm';
import { DocumentStore } from './features/documentSync';
import { readSettings } from './config/config';
import { OpsDocument, uriToPath } from './documents/document';
import { codeActions, FIX_ALL_KIND, SHOW_NOTE_COMMAND } from './features/codeActions';
import { completionItems } from './features/completion';
import { lightDiagnostic, toDiagnostic } from './features/diagnostics';
import { hoverMarkdown, NoteLinkStyle } from './features/hover';
import { Session } from './session';

const connection = createConnection(ProposedFeatures.all);
const documents = new DocumentStore();
let session: Session;
let pullDiagnostics = false;
let linkStyle: NoteLinkStyle = 'file';
let configurationPull = false;
let watchRegistration = false;
let showDocument = false;
const DEBOUNCE_MS = 200;
const timers = new Map<string, NodeJS.Timeout>();

function log(message: string): void {
  connection.console.log(message);
}

const warned = new Set<string>();
/** Show each warning once per server run (settings reloads repeat them), and log it. */
function warn(messages: readonly string[]): void {
  for (const m of messages) {
    log(m);
    if (warned.has(m)) continue;
    warned.add(m);
    void connection.window.showWarningMessage(m);
  }
}

/**
 * One wrapper for every request: malformed parameters get an InvalidParams error response;
 * any other exception is logged and answered with an empty result, and the server keeps serving.
 */
function guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    const invalid = invalidParams(name, params);
    if (invalid) throw new ResponseError(ErrorCodes.InvalidParams, invalid);
    try {
      if (token?.isCancellationRequested) return fallback;
      return await fn(params, token);
    } catch (e) {
      connection.console.error(`${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  };
}

const DOCUMENT_REQUESTS = new Set(['hover', 'completion', 'codeAction', 'diagnostics']);
const POSITION_REQUESTS = new Set(['hover', 'completion']);

function invalidParams(name: string, params: unknown): string | undefined {
  if (!DOCUMENT_REQUESTS.has(name)) return undefined;
  const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown }; range?: unknown } | undefined;
  if (typeof p?.textDocument?.uri !== 'string') return `${name}: textDocument.uri is required`;
  if (POSITION_REQUESTS.has(name) && (typeof p.position?.line !== 'number' || typeof p.position?.character !== 'number')) return `${name}: position {line, character} is required`;
  if (name === 'codeAction' && (typeof p.range !== 'object' || p.range === null)) return `${name}: range is required`;
  return undefined;
}

/** The current OpsDocument for a URI, created once per version. */
function opsDocument(uri: string): OpsDocument | undefined {
  const td = documents.get(uri);
  if (!td) return undefined;
  const existing = session.get(uri);
  if (existing && existing.version === td.version) return existing;
  return session.open(uri, td.languageId, td.version, td.getText());
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { trusted?: boolean; displayLanguage?: string; client?: string; settings?: unknown };
  const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
  if (!roots.length && params.rootUri) roots.push(uriToPath(params.rootUri));
  pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
  configurationPull = !!params.capabilities.workspace?.configuration;
  watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  showDocument = !!params.capabilities.window?.showDocument?.support;
  linkStyle = init.client === 'vscode' ? 'command' : 'file';
  session = new Session({
    settings: readSettings(init.settings),
    displayLocale: init.displayLanguage ?? params.locale,
    roots,
    trusted: init.trusted !== false,
    log,
  });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorRewrite] },
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false, identifier: 'opsnotes' },
      executeCommandProvider: { commands: [SHOW_NOTE_COMMAND] },
    },
    serverInfo: { name: 'opsnotes', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (configurationPull) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'opsnotes' });
    await refreshSettings();
  } else {
    // Some clients answer workspace/configuration without announcing it (Neovim 0.7); ask
    // once, and fall back to didChangeConfiguration / initializationOptions when they don't.
    await refreshSettings(true);
  }
  if (watchRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{yml,yaml,md,markdown}' }, { globPattern: '**/.opsnotes.yaml' }, ...session.userNoteFiles.map((f) => ({ globPattern: f }))],
    });
  }
  warn([...session.knowledgeWarnings, ...session.configWarnings]);
  log(`OpsNotes server ready: ${session.kb.blocks.length} note blocks, ${session.kb.vocabulary.size} keys, ${session.rules.length} rules, language ${session.language}`);
});

async function refreshSettings(optional = false): Promise<void> {
  try {
    const ask = connection.workspace.getConfiguration('opsnotes');
    const raw = optional ? await Promise.race([ask, new Promise((resolve) => setTimeout(() => resolve(undefined), 1000))]) : await ask;
    if (optional && (raw === undefined || raw === null)) return;
    log(`settings from the client: ${JSON.stringify(raw)?.slice(0, 500)}`);
    const warnings: string[] = [];
    session.updateSettings(readSettings(raw, warnings));
    warn([...warnings, ...session.knowledgeWarnings, ...session.configWarnings]);
  } catch (e) {
    if (!optional) log(`could not read settings: ${(e as Error).message}`);
  }
}

connection.onDidChangeConfiguration(async (change) => {
  if (configurationPull) await refreshSettings();
  else if (change.settings && typeof change.settings === 'object') session.updateSettings(readSettings((change.settings as Record<string, unknown>).opsnotes));
  rediagnoseAll();
});

connection.onDidChangeWatchedFiles((params) => {
  let notes = false;
  let config = false;
  for (const c of params.changes) {
    const p = uriToPath(c.uri);
    if (session.userNoteFiles.includes(p) || (/\.(md|markdown)$/i.test(p) && c.type === FileChangeType.Created)) notes = true;
    if (p.endsWith('/.opsnotes.yaml')) config = true;
    session.invalidateWorkspace(p);
  }
  if (config) session.loadProjectConfig();
  if (notes || config) {
    session.reloadKnowledge();
    warn(session.knowledgeWarnings);
  }
  rediagnoseAll();
});

// --- documents and diagnostics ---

function diagnosticsFor(doc: OpsDocument): Diagnostic[] {
  const light = session.lightAnalysis(doc);
  if (light) return [lightDiagnostic(doc, light, session.language)];
  return session.diagnose(doc).map((f) => toDiagnostic(f, session.kb, session.language));
}

function publish(uri: string): void {
  timers.delete(uri);
  const doc = opsDocument(uri);
  if (!doc) return;
  try {
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsFor(doc) });
  } catch (e) {
    connection.console.error(`diagnostics failed for ${uri}: ${(e as Error)?.stack}`);
  }
}

function schedule(uri: string): void {
  if (pullDiagnostics) return;
  const t = timers.get(uri);
  if (t) clearTimeout(t);
  timers.set(uri, setTimeout(() => publish(uri), DEBOUNCE_MS));
}

function rediagnoseAll(): void {
  if (pullDiagnostics) {
    void connection.languages.diagnostics.refresh();
    return;
  }
  for (const d of documents.all()) schedule(d.uri);
}

documents.listen(
  connection,
  {
    opened: (doc) => schedule(doc.uri),
    changed: (doc) => {
      schedule(doc.uri);
      // Checks across documents: other open documents may depend on this one.
      if (session.hasCrossDocumentRules) {
        session.invalidateWorkspace(uriToPath(doc.uri));
        for (const d of documents.all()) if (d.uri !== doc.uri) schedule(d.uri);
        if (pullDiagnostics) void connection.languages.diagnostics.refresh();
      }
    },
    closed: (uri) => {
      session.close(uri);
      const t = timers.get(uri);
      if (t) clearTimeout(t);
      timers.delete(uri);
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  },
  log,
);

connection.languages.diagnostics.on(
  guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, (params) => {
    const doc = opsDocument(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: doc ? diagnosticsFor(doc) : [] };
  }),
);

// --- requests ---

connection.onHover(
  guard('hover', null, (params) => {
    const doc = opsDocument(params.textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetIfInside(params.position);
    if (offset === undefined) return null;
    const h = session.hover(doc, offset);
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(h, session.language, linkStyle) }, range: h.range };
  }),
);

connection.onCodeAction(
  guard('codeAction', [], (params) => {
    const doc = opsDocument(params.textDocument.uri);
    if (!doc) return [];
    const findings = session.diagnose(doc);
    return codeActions(doc, findings, params.range, params.context.diagnostics, session.kb, session.language, {
      only: params.context.only,
      showNote: showDocument,
    });
  }),
);

connection.onCompletion(
  guard('completion', [], (params) => {
    const doc = opsDocument(params.textDocument.uri);
    if (!doc || session.lightAnalysis(doc)) return [];
    return completionItems(doc, doc.offsetAt(params.position), session.language, session.kb, linkStyle);
  }),
);

connection.onRequest(
  'opsnotes/searchNotes',
  guard('searchNotes', [], (params: { query: string }) =>
    session.kb.search(String(params?.query ?? ''), 50).map((h) => {
      const b = h.block ?? (h.key ? session.kb.entriesFor([h.key], 1)[0]?.block : undefined);
      return {
        label: h.entry ? h.entry.title[session.language] : (b?.text.split('\n')[0] ?? '').slice(0, 120),
        detail: h.entry ? h.entry.key : b?.headings.join(' › '),
        description: b ? `${b.source.path.split('/').pop()}:${b.startLine + 1}` : undefined,
        uri: b?.source.uri,
        line: b?.startLine,
      };
    }),
  ),
);

connection.onRequest(
  'opsnotes/noteFiles',
  guard('noteFiles', [], () => session.kb.sources.map((s) => ({ uri: s.uri, path: s.path, bundled: s.bundled }))),
);

connection.onRequest(
  'opsnotes/reloadNotes',
  guard('reloadNotes', { warnings: [] as string[] }, () => {
    session.loadProjectConfig();
    session.reloadKnowledge();
    rediagnoseAll();
    return { warnings: session.knowledgeWarnings };
  }),
);

// "Show note": open a notes file the knowledge base knows at a line, in the client.
connection.onExecuteCommand(
  guard('executeCommand', null, async (params: { command: string; arguments?: unknown[] }) => {
    if (params.command !== SHOW_NOTE_COMMAND) return null;
    const [uri, line] = params.arguments ?? [];
    if (typeof uri !== 'string' || !session.kb.sources.some((s) => s.uri === uri)) return null;
    const n = typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : 0;
    await connection.window.showDocument({ uri, takeFocus: true, selection: { start: { line: n, character: 0 }, end: { line: n, character: 0 } } });
    return null;
  }),
);

// Diagnostics for tests and bug reports: open documents and memory (after a GC when asked).
connection.onRequest(
  'opsnotes/status',
  guard('status', {} as Record<string, number>, (params: { gc?: boolean } | undefined) => {
    if (params?.gc) collectGarbage();
    const m = process.memoryUsage();
    return { documents: documents.all().length, parsed: session.documents.size, rss: m.rss, heapUsed: m.heapUsed };
  }),
);

function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    /* not available */
  }
}

connection.onShutdown(() => {
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
});

process.on('uncaughtException', (e) => {
  try {
    connection.console.error(`uncaught: ${e?.stack ?? e}`);
  } catch {
    /* the connection may be gone */
  }
});

connection.listen();

