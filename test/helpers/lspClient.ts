// A real LSP client over stdio for protocol tests (compose-language-service TestConnection.ts):
// spawns `node dist/server.js --stdio` and speaks JSON-RPC with vscode-languageserver-protocol.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  ClientCapabilities,
  createProtocolConnection,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');

export interface StartOptions {
  rootPath?: string;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Declare pull diagnostics support (VS Code does; Neovim 0.7 does not). */
  pullDiagnostics?: boolean;
  /** Answer workspace/configuration requests with these settings. */
  configuration?: boolean;
  locale?: string;
  /** Extra node arguments before the server script (e.g. `-r preload.js`). */
  nodeArgs?: string[];
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  private waiters: (() => void)[] = [];
  initializeResult?: InitializeResult;

  constructor(options: StartOptions = {}) {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { cwd: options.rootPath ?? REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.notify();
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      this.notify();
    });
    this.connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.notify();
      return null;
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.notify();
      return null;
    });
    this.connection.listen();
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Wait until `predicate` holds, re-checked on every message from the server. */
  async waitFor<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = predicate();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Poll an async predicate (e.g. a hover) until it holds. */
  async waitForAsync<T>(predicate: () => Promise<T | undefined>, what: string, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await predicate();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async initialize(options: StartOptions = {}): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = {
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll', 'refactor'] } } },
        publishDiagnostics: { relatedInformation: true },
        ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
      workspace: { configuration: options.configuration ?? true, workspaceEdit: { documentChanges: true }, diagnostics: { refreshSupport: true } },
      window: { showDocument: { support: true } },
    };
    const root = options.rootPath;
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root ? pathToUri(root) : null,
      workspaceFolders: root ? [{ uri: pathToUri(root), name: path.basename(root) }] : null,
      capabilities,
      locale: options.locale,
      initializationOptions: { settings: options.settings ?? this.settings, ...(options.initializationOptions ?? {}) },
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult!;
  }

  async open(file: string, languageId: string, text?: string, version = 1): Promise<string> {
    const uri = pathToUri(file);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text: text ?? fs.readFileSync(file, 'utf8') },
    });
    return uri;
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async hover(uri: string, line: number, character: number): Promise<{ contents: { value: string }; range?: unknown } | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** Diagnostics pushed for a document (waits for the first publication). */
  async pushedDiagnostics(uri: string, version?: number) {
    return this.waitFor(() => {
      const d = this.diagnostics.get(uri);
      return d && (version === undefined || d.version === version) ? d.diagnostics : undefined;
    }, `diagnostics for ${uri}`);
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 2000);
      this.process.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

export function pathToUri(p: string): string {
  return 'file://' + path.resolve(p).split('/').map(encodeURIComponent).join('/');
}

/** Position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
