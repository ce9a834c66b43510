// Running the built CLI (dist/cli.js) as a process, as a person or CI does. The bundle is
// rebuilt first when it is missing or older than any source file (`npm test` builds anyway).
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const EXAMPLES = path.join(REPO, 'examples');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

let built = false;
export function ensureBuilt(): void {
  if (built) return;
  const bundle = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0;
  if (bundle < newestSource(path.join(REPO, 'server', 'src'))) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}${r.stdout}`);
  }
  built = true;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node dist/cli.js ...args` in `cwd` (the repository by default), colour and locale pinned. */
export function opsnotes(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): Run {
  ensureBuilt();
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const spawnOptions: SpawnSyncOptions = { cwd: options.cwd ?? REPO, env: env as NodeJS.ProcessEnv, input: options.input ?? '', maxBuffer: 256 * 1024 * 1024 };
  const r = spawnSync(process.execPath, [CLI, ...args], spawnOptions);
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

export function tempDir(prefix = 'opsnotes-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of examples/ (with its dot files) in a new temp folder. */
export function copyExamples(): string {
  const dir = tempDir();
  fs.cpSync(EXAMPLES, path.join(dir, 'examples'), { recursive: true });
  return path.join(dir, 'examples');
}

/** Every file below a folder (relative paths) with its bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  key: string;
  docs: string;
  fixable: boolean;
  fixes: { title: string; safety: string; edits: { range: JsonFinding['range']; newText: string }[] }[];
  note?: { headings: string[]; file: string; line: number };
}

export interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  language: string;
  files: { path: string; kind: string; fixed: number; findings: JsonFinding[] }[];
  problems: { path: string; message: string; fatal: boolean }[];
  summary: { files: number; findings: number; fixable: number; fixed: number; unreadable: number; bySeverity: Record<string, number> };
  exitCode: number;
}

export function lintJson(args: string[], options: Parameters<typeof opsnotes>[1] = {}): { run: Run; report: JsonReport } {
  const run = opsnotes(['lint', '--format', 'json', ...args], options);
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, report };
}
