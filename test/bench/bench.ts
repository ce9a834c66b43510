// `npm run bench`: prints figures; never asserts on time (targets are printed beside them).
// Each test/bench/*.bench.ts exports `default async function (b: Bench)`.
import * as fs from 'fs';
import * as path from 'path';

export interface Bench {
  /** Print one figure: name, value, unit, and the target if there is one. */
  figure(name: string, value: number, unit: string, target?: string): void;
  section(title: string): void;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Run fn `n` times, returning per-run milliseconds. */
export function timeRuns(n: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
    .sort();
  const b: Bench = {
    figure(name, value, unit, target) {
      const v = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
      console.log(`  ${name.padEnd(58)} ${v.padStart(9)} ${unit.padEnd(4)}${target ? `   (target ${target})` : ''}`);
    },
    section(title) {
      console.log(`\n${title}`);
    },
  };
  console.log(`OpsNotes bench — node ${process.version}, ${require('os').cpus().length} cores`);
  for (const f of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, f));
    await (mod.default as (b: Bench) => Promise<void>)(b);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
