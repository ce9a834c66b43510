// Server cold start (spawn to initialize result) and the ADD hover latency over stdio.
import * as fs from 'fs';
import * as path from 'path';
import type { Bench } from './bench';
import { percentile } from './bench';
import { positionOf, REPO, TestClient } from '../helpers/lspClient';

export default async function (b: Bench): Promise<void> {
  b.section('Language server (dist/server.js over stdio)');
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    const c = new TestClient();
    await c.initialize();
    starts.push(Date.now() - t);
    await c.stop();
  }
  b.figure('cold start: spawn -> initialize result (median of 5)', percentile(starts, 50), 'ms');
  const file = path.join(REPO, 'test', 'fixtures', 'docker', 'Dockerfile');
  const text = fs.readFileSync(file, 'utf8');
  const c = new TestClient();
  await c.initialize({ initializationOptions: { client: 'vscode' } });
  const uri = await c.open(file, 'dockerfile', text);
  const pos = positionOf(text, 'ADD app.py', 1);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = process.hrtime.bigint();
    await c.hover(uri, pos.line, pos.character);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  b.figure('ADD hover round trip p50 (200 requests)', percentile(samples, 50), 'ms');
  b.figure('ADD hover round trip p95', percentile(samples, 95), 'ms');
  await c.stop();
}
