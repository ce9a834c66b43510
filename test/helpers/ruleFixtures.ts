// Data-driven rule tests through one check() helper (rust-analyzer's ide-diagnostics, ruff's
// fixtures + snapshots). A fixture is a real-looking file; the findings it must produce are
// annotation comments under the line they point at:
//
//   RUN apt-get update && apt-get install -y curl
//   #                     ^^^^^^^^^^^^^^^^^^^^^^^ dockerfile-apt-lists-not-cleaned
//
// The carets give the exact columns on the line above (the nearest line that is not an
// annotation). A range that starts in the first columns, under the `#`, is written after
// `#|`: columns then count from the character after the bar (`#|^^^ rule` marks columns 1-3). A finding that ends on a later line is written `^^^> rule-id` on its first line
// and `<^^ rule-id` under its last line (the end is after the last caret). `rule-id:messageId`
// also checks the message id. A fixture without annotations must produce zero findings.
//
// Each fixture has a snapshot `<file>.snap` beside it: every finding with its en and ru
// message and fix titles, and the text after applying each finding's first fix. Refresh with
// UPDATE_SNAPSHOTS=1.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument, pathToUri } from '../../server/src/documents/document';
import { Finding, runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import { Rule } from '../../server/src/rules/types';
import { WorkspaceView } from '../../server/src/rules/workspace';
import { applyEdits, rangesOverlap, TextEdit } from '../../server/src/util/text';
import { loadKnowledge } from '../../server/src/knowledge/load';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
export const RULE_FIXTURES = path.join(FIXTURES, 'rules');

export interface ExpectedFinding {
  ruleId: string;
  messageId?: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const ANNOTATION = /^(\s*#\|?\s*)(<?)(\^+)(>?)\s+([a-z0-9-]+)(?::([A-Za-z0-9_]+))?\s*$/;

export function isAnnotationLine(line: string): boolean {
  return ANNOTATION.test(line);
}

/** Expected findings from annotation lines. */
export function parseAnnotations(text: string): ExpectedFinding[] {
  const lines = text.split(/\r?\n/);
  const out: ExpectedFinding[] = [];
  const open = new Map<string, ExpectedFinding[]>();
  let target = -1;
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) {
      target = i;
      return;
    }
    const [, prefix, closes, carets, continues, ruleId, messageId] = m;
    const bar = prefix.indexOf('#|');
    const col = (bar >= 0 ? prefix.length - bar - 2 : prefix.length) + closes.length;
    if (closes) {
      const pending = open.get(ruleId)?.shift();
      if (!pending) throw new Error(`line ${i + 1}: <^ ${ruleId} closes nothing`);
      pending.end = { line: target, character: col + carets.length };
      return;
    }
    const f: ExpectedFinding = { ruleId, messageId, start: { line: target, character: col }, end: { line: target, character: col + carets.length } };
    out.push(f);
    if (continues) {
      if (!open.has(ruleId)) open.set(ruleId, []);
      open.get(ruleId)!.push(f);
    }
  });
  for (const [id, list] of open) if (list.length) throw new Error(`unclosed ^> ${id}`);
  return out;
}

export function fixtureDocument(file: string, text?: string): OpsDocument {
  const content = text ?? fs.readFileSync(file, 'utf8');
  return new OpsDocument({ uri: pathToUri(file), path: file, text: content, languageId: languageIdFor(file), exists: fs.existsSync });
}

function languageIdFor(file: string): string {
  const base = path.basename(file);
  if (/dockerfile|containerfile/i.test(base)) return 'dockerfile';
  if (/\.ya?ml$/.test(base)) return /compose/.test(base) ? 'dockercompose' : 'yaml';
  return 'plaintext';
}

let remarks: ((id: string) => { en: string; ru: string } | undefined) | undefined;
function remark(id: string) {
  if (!remarks) {
    const { kb } = loadKnowledge({ bundled: true });
    remarks = (rid) => kb.today.find((r) => r.id === rid);
  }
  return remarks(id);
}

/** A workspace of the fixture's folder tree (for checks across documents). */
export function folderWorkspace(root: string, exclude: string): WorkspaceView {
  return {
    *documents() {
      for (const f of walk(root)) if (f !== exclude && /\.ya?ml$/.test(f)) yield fixtureDocument(f);
    },
  };
}

export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (!e.name.endsWith('.snap') && !e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

export function analyse(file: string, rules: readonly Rule[] = RULES, workspaceRoot?: string, text?: string): { doc: OpsDocument; findings: Finding[]; problems: string[] } {
  const doc = fixtureDocument(file, text);
  const problems: string[] = [];
  const findings = runRules(doc, rules, {
    workspace: workspaceRoot ? folderWorkspace(workspaceRoot, file) : undefined,
    remark,
    budgetMs: 5000,
    onRuleProblem: (id, p) => problems.push(`${id}: ${p}`),
  });
  return { doc, findings, problems };
}

function pos(p: { line: number; character: number }): string {
  return `${p.line + 1}:${p.character + 1}`;
}

function describeFinding(f: { ruleId: string; messageId?: string; start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${pos(f.start)}-${pos(f.end)} ${f.ruleId}${f.messageId ? ':' + f.messageId : ''}`;
}

/** Apply the first fix of every finding, skipping fixes that overlap earlier ones. */
export function applyFirstFixes(doc: OpsDocument, findings: readonly Finding[]): { text: string; created: { path: string; content: string }[] } {
  const edits: TextEdit[] = [];
  const created: { path: string; content: string }[] = [];
  for (const f of findings) {
    const fix = f.fixes()[0];
    if (!fix) continue;
    if (fix.edits.some((e) => edits.some((o) => rangesOverlap(o.range, e.range) || (o.range.start.line === e.range.start.line && o.range.start.character === e.range.start.character)))) continue;
    edits.push(...fix.edits);
    created.push(...(fix.createFiles ?? []));
  }
  return { text: applyEdits(doc.text, edits), created };
}

export function snapshotText(doc: OpsDocument, findings: readonly Finding[]): string {
  const parts: string[] = [];
  for (const f of findings) {
    parts.push(`${describeFinding({ ruleId: f.ruleId, messageId: f.messageId, start: f.range.start, end: f.range.end })} ${f.severity}`);
    parts.push(`  en: ${f.message.en}`);
    parts.push(`  ru: ${f.message.ru}`);
    for (const fix of f.fixes()) parts.push(`  fix (${fix.safety}): ${fix.title.en} | ${fix.title.ru}`);
  }
  const fixed = applyFirstFixes(doc, findings);
  parts.push('', '=== after the first fix of each finding ===', fixed.text);
  for (const c of fixed.created) parts.push(`=== created ${c.path} ===`, c.content);
  return parts.join('\n') + '\n';
}

/** Check one fixture file: exact findings against annotations, and its snapshot. */
export function checkFixture(file: string, workspaceRoot?: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const expected = parseAnnotations(text).map(describeFinding).sort();
  const { doc, findings, problems } = analyse(file, RULES, workspaceRoot, text);
  assert.deepStrictEqual(problems, [], 'no rule threw or ran out of time');
  const actual = findings
    .map((f) => describeFinding({ ruleId: f.ruleId, messageId: expected.some((e) => e.includes(`${f.ruleId}:`)) ? f.messageId : undefined, start: f.range.start, end: f.range.end }))
    .sort();
  assert.deepStrictEqual(actual, expected, `findings of ${path.relative(FIXTURES, file)}`);
  if (!findings.length) return;
  const snapFile = file + '.snap';
  const snap = snapshotText(doc, findings);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(snapFile)) {
    if (!fs.existsSync(snapFile) && process.env.CI) assert.fail(`missing snapshot ${path.relative(FIXTURES, snapFile)}; run with UPDATE_SNAPSHOTS=1`);
    fs.writeFileSync(snapFile, snap);
    return;
  }
  assert.strictEqual(snap, fs.readFileSync(snapFile, 'utf8'), `snapshot ${path.relative(FIXTURES, snapFile)} (refresh with UPDATE_SNAPSHOTS=1)`);
}
