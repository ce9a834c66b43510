// Hostile inputs over LSP: time to first diagnostics for a 10 MB file and a 100,000-document
// YAML file (both above the size limit: one information diagnostic, light analysis), a
// 100,000-document file under the limit, and server memory before/after 10,000 edits.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Bench } from './bench';
import { TestClient } from '../helpers/lspClient';

async function firstDiagnostics(c: TestClient, file: string, text: string): Promise<{ ms: number; count: number }> {
  const t = Date.now();
  const uri = await c.open(file, 'yaml', text);
  const d = await c.waitFor(() => c.diagnostics.get(uri), 'diagnostics', 120000);
  return { ms: Date.now() - t, count: d.diagnostics.length };
}

export default async function (b: Bench): Promise<void> {
  b.section('Hostile inputs (dist/server.js over stdio, push diagnostics)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-bench-'));
  const c = new TestClient();
  await c.initialize();
  const cm = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`;
  const big = Array.from({ length: 160000 }, (_, i) => cm(i)).join('---\n');
  const r1 = await firstDiagnostics(c, path.join(dir, 'big.yaml'), big);
  b.figure(`first diagnostics, ${(big.length / 1024 / 1024).toFixed(1)} MB manifest (${r1.count} diagnostic)`, r1.ms, 'ms');
  const many = Array.from({ length: 100000 }, (_, i) => cm(i)).join('---\n');
  const r2 = await firstDiagnostics(c, path.join(dir, 'many.yaml'), many);
  b.figure(`first diagnostics, 100,000 documents, ${(many.length / 1024 / 1024).toFixed(1)} MB (${r2.count} diagnostic)`, r2.ms, 'ms');
  const small = Array.from({ length: 100000 }, (_, i) => `a${i % 7}: ${i}\n`).join('---\n');
  const r3 = await firstDiagnostics(c, path.join(dir, 'small-docs.yaml'), small);
  b.figure(`first diagnostics, 100,000 small documents, ${(small.length / 1024 / 1024).toFixed(1)} MB (full analysis)`, r3.ms, 'ms');
  await c.stop();

  const e = new TestClient();
  await e.initialize();
  const dockerfile = path.join(dir, 'Dockerfile');
  const base = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n';
  const uri = await e.open(dockerfile, 'dockerfile', base, 1);
  const status = async () => (await e.connection.sendRequest('opsnotes/status', { gc: true })) as { rss: number; heapUsed: number };
  const before = await status();
  for (let v = 2; v <= 10001; v++) {
    await e.change(uri, v, base + `# edit ${v}\n`);
    if (v % 500 === 0) await e.hover(uri, 1, 1);
  }
  const after = await status();
  b.figure('server RSS before 10,000 edits', before.rss / 1024 / 1024, 'MB');
  b.figure('server RSS after 10,000 edits', after.rss / 1024 / 1024, 'MB');
  b.figure('server heap used before / after (after GC)', before.heapUsed / 1024 / 1024, 'MB');
  b.figure('  … after', after.heapUsed / 1024 / 1024, 'MB');
  await e.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
