// Seeded fuzzing of the analysis core: mutate fixture files (byte flips, deleted and duplicated
// lines, indentation shifts, stray tabs, \r, `{{`, `---`, NUL, invalid UTF-16, truncation) and
// run classify, parse, locate, hover, completion, rules and every fix on each mutant. Nothing
// may throw, no rule may fail, every fix must apply, every call must end within its bound.
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument, pathToUri } from '../../server/src/documents/document';
import { completionItems } from '../../server/src/features/completion';
import { computeHover } from '../../server/src/features/hover';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import { applyEdits } from '../../server/src/util/text';
import { FIXTURES } from './ruleFixtures';

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(snap|md|png|json)$/.test(e.name) && fs.statSync(p).size < 200_000) out.push(p);
    }
  };
  walk(FIXTURES);
  return out.sort();
}

const INSERTS = ['{{', '}}', '{{- if .Values.x }}', '---\n', '\0', '\t', '\r', '\uD800', '\uFFFD', '&a', '*a', '<<: *a', ': ', '- ', '"', "'", '[', '{', '\\\n', '#', '|\n', '>-\n', 'RUN ', 'apiVersion: v1\nkind: Pod\n'];

export const MUTATIONS = ['flip', 'delete-line', 'duplicate-line', 'indent', 'dedent', 'tab', 'cr', 'insert', 'truncate', 'swap-lines'] as const;

export function mutate(text: string, r: () => number): { text: string; mutation: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const lines = text.split('\n');
  const li = Math.floor(r() * lines.length);
  const at = Math.floor(r() * (text.length + 1));
  const m = pick(MUTATIONS);
  switch (m) {
    case 'flip':
      return { mutation: m, text: text.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x3000)) + text.slice(at + 1) };
    case 'delete-line':
      lines.splice(li, 1);
      return { mutation: m, text: lines.join('\n') };
    case 'duplicate-line':
      lines.splice(li, 0, lines[li] ?? '');
      return { mutation: m, text: lines.join('\n') };
    case 'indent':
      lines[li] = '  ' + (lines[li] ?? '');
      return { mutation: m, text: lines.join('\n') };
    case 'dedent':
      lines[li] = (lines[li] ?? '').replace(/^ {1,2}/, '');
      return { mutation: m, text: lines.join('\n') };
    case 'tab':
      lines[li] = '\t' + (lines[li] ?? '');
      return { mutation: m, text: lines.join('\n') };
    case 'cr':
      return { mutation: m, text: text.slice(0, at) + '\r' + text.slice(at) };
    case 'insert':
      return { mutation: m, text: text.slice(0, at) + pick(INSERTS) + text.slice(at) };
    case 'truncate':
      return { mutation: m, text: text.slice(0, at) };
    case 'swap-lines': {
      const lj = Math.floor(r() * lines.length);
      [lines[li], lines[lj]] = [lines[lj], lines[li]];
      return { mutation: m, text: lines.join('\n') };
    }
  }
}

export interface FuzzFailure {
  file: string;
  mutation: string;
  step: string;
  error: string;
  text: string;
}

/** Run every analysis step on one text; returns failures (empty when all is well). */
export function exercise(file: string, text: string, kb: KnowledgeBase, r: () => number, boundMs: number, mutation = 'none'): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  const step = <T>(name: string, fn: () => T): T | undefined => {
    const started = Date.now();
    try {
      const v = fn();
      const took = Date.now() - started;
      if (took > boundMs) failures.push({ file, mutation, step: name, error: `took ${took} ms (bound ${boundMs} ms)`, text });
      return v;
    } catch (e) {
      failures.push({ file, mutation, step: name, error: (e as Error)?.stack ?? String(e), text });
      return undefined;
    }
  };
  const doc = new OpsDocument({ uri: pathToUri(file), path: file, text, exists: fs.existsSync });
  step('classify', () => doc.kind);
  const problems: string[] = [];
  const findings = step('rules', () => runRules(doc, RULES, { budgetMs: boundMs, onRuleProblem: (id, p) => problems.push(`${id}: ${p}`) })) ?? [];
  for (const p of problems) failures.push({ file, mutation, step: 'rule', error: p, text });
  for (const f of findings) {
    const fixes = step(`fixes ${f.ruleId}`, () => f.fixes()) ?? [];
    for (const fix of fixes) step(`apply fix ${f.ruleId}`, () => applyEdits(text, fix.edits));
  }
  const offsets = new Set<number>([0, text.length, Math.floor(text.length / 2)]);
  for (let i = 0; i < 12; i++) offsets.add(Math.floor(r() * (text.length + 1)));
  for (const o of offsets) {
    step('hover ru', () => computeHover(doc, o, kb, 'ru'));
    step('hover en', () => computeHover(doc, o, kb, 'en'));
    step('completion', () => completionItems(doc, o, 'en'));
  }
  return failures;
}

export function fuzz(options: { iterations: number; seed: number; kb: KnowledgeBase; boundMs?: number; files?: string[] }): { runs: number; failures: FuzzFailure[] } {
  const r = rng(options.seed);
  const files = options.files ?? fixtureFiles();
  const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const failures: FuzzFailure[] = [];
  let runs = 0;
  for (let i = 0; i < options.iterations; i++) {
    const file = files[i % files.length];
    let { text, mutation } = mutate(texts.get(file)!, r);
    // Stack a few mutations now and then.
    if (r() < 0.3) {
      const second = mutate(text, r);
      text = second.text;
      mutation += '+' + second.mutation;
    }
    failures.push(...exercise(file, text, options.kb, r, options.boundMs ?? 5000, mutation));
    runs++;
    if (failures.length > 20) break;
  }
  return { runs, failures };
}
