// CLI throughput: `opsnotes lint` over 1,000 generated files of every family (Dockerfiles,
// Compose files, playbooks, role tasks, manifests) as a child process, as CI runs it: wall
// time from spawn to exit (median of 3), its CPU time, and the process's peak RSS (OPSNOTES_STATS=1 makes the
// CLI print process.resourceUsage().maxRSS on stderr; /usr/bin/time is not everywhere).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Bench } from './bench';
import { percentile } from './bench';
import { generateProject } from '../cli/generate';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function lintOnce(cwd: string, args: string[]): { ms: number; cpuMs: number; maxRssKiB: number; files: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args, '.'], { cwd, env: { ...process.env, OPSNOTES_STATS: '1' }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`opsnotes lint exited ${r.status}: ${r.stderr}`);
  const stats = /^opsnotes-stats (.*)$/m.exec(r.stderr);
  if (!stats) throw new Error(`no stats line on stderr: ${r.stderr.slice(-500)}`);
  const files = args.includes('json') ? JSON.parse(r.stdout).summary.files : NaN;
  const st = JSON.parse(stats[1]);
  return { ms, cpuMs: st.cpuMs, maxRssKiB: st.maxRssKiB, files };
}

export default async function (b: Bench): Promise<void> {
  b.section('CLI (node dist/cli.js lint, child process)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-bench-cli-'));
  try {
    generateProject(dir, 1000);
    const runs = [0, 1, 2].map(() => lintOnce(dir, ['--format', 'json']));
    if (runs.some((r) => r.files !== 1000)) throw new Error(`expected 1000 files checked, got ${runs.map((r) => r.files).join(', ')}`);
    const median = percentile(runs.map((r) => r.ms), 50);
    b.figure('lint 1,000 files (mixed families), wall time, median of 3', median, 'ms', '< 3000 ms');
    b.figure('  CPU time (user + system; what a loaded machine does not inflate)', percentile(runs.map((r) => r.cpuMs), 50), 'ms');
    b.figure('  throughput', 1000 / (median / 1000), 'f/s');
    b.figure('  peak RSS (maxRSS)', Math.max(...runs.map((r) => r.maxRssKiB)) / 1024, 'MB');
    const text = lintOnce(dir, []);
    b.figure('lint 1,000 files, text output', text.ms, 'ms');
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-bench-cli1-'));
    generateProject(small, 1);
    b.figure('lint 1 file (start-up cost: knowledge base, rules)', percentile([0, 1, 2].map(() => lintOnce(small, []).ms), 50), 'ms');
    fs.rmSync(small, { recursive: true, force: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
