// The English rendering of the bundled notes is line-parallel: line N of
// knowledge/translations/slurm-notes.en.md renders line N of knowledge/notes/slurm-notes.md,
// so a block's line range picks its English text. These checks keep the two files aligned
// line by line (markdown structure, code) and the loader accepting the rendering.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildOutline } from '../../../server/src/knowledge/outline';
import { loadKnowledge } from '../../../server/src/knowledge/load';

const KNOWLEDGE = path.join(__dirname, '..', '..', '..', 'knowledge');
const split = (file: string) => fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
const NOTES = split(path.join(KNOWLEDGE, 'notes', 'slurm-notes.md'));
const EN = split(path.join(KNOWLEDGE, 'translations', 'slurm-notes.en.md'));

/** Lines that are configuration or commands written as plain text (not a code block in markdown). */
const LITERAL_LINES = [90, 92, 93, 94, 206, 208, 346, 347, 348, 349, 532, 533, 677, 678, 679, 680, 681, 695, 716, 718, 728, 729, 754, 755];

/** Indentation, then a heading marker, a list marker, or an opening backtick. */
function structure(line: string): { indent: string; marker: string } {
  const m = /^([ \t]*)(#{1,6} |[-*+](?= |$)|\d{1,9}[.)](?= |$)|`)?/.exec(line)!;
  return { indent: m[1], marker: m[2] ?? '' };
}

/** Code spans that open and close on the line: `…`. */
function inlineCode(line: string): string[] {
  return line.match(/`[^`]+`/g) ?? [];
}

const CYRILLIC = /[\u0400-\u04FF]/;

describe('English rendering of the bundled notes', () => {
  it('has the notes\' line count (the loader refuses it otherwise)', () => {
    assert.strictEqual(NOTES.length, 799, 'the notes: 798 lines and a final newline');
    assert.strictEqual(EN.length, NOTES.length);
  });

  it('keeps blank lines blank and renders every other line', () => {
    const wrong: string[] = [];
    NOTES.forEach((ru, i) => {
      if ((ru.trim() === '') !== (EN[i].trim() === '')) wrong.push(`${i + 1}: ${JSON.stringify(ru)} -> ${JSON.stringify(EN[i])}`);
    });
    assert.deepStrictEqual(wrong, []);
  });

  it('keeps the markdown structure of each line: indentation, heading level, list marker, backticks', () => {
    const wrong: string[] = [];
    NOTES.forEach((ru, i) => {
      if (ru.trim() === '') return;
      const a = structure(ru);
      const b = structure(EN[i]);
      if (a.indent !== b.indent || a.marker !== b.marker) wrong.push(`${i + 1}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      const ticks = (s: string) => (s.match(/`/g) ?? []).length;
      if (ticks(ru) !== ticks(EN[i])) wrong.push(`${i + 1}: ${ticks(ru)} backticks vs ${ticks(EN[i])}`);
    });
    assert.deepStrictEqual(wrong, []);
  });

  it('copies code blocks and literal configuration lines unchanged', () => {
    const code = buildOutline(NOTES.join('\n')).blocks.filter((b) => b.kind === 'code');
    assert.ok(code.length >= 10, 'the outline finds the notes\' code lines');
    const lines = new Set(LITERAL_LINES.map((l) => l - 1));
    for (const b of code) for (let l = b.startLine; l <= b.endLine; l++) lines.add(l);
    assert.ok(lines.has(612 - 1) && lines.has(638 - 1), 'the RBAC rules: example is code');
    for (const l of [...lines].sort((x, y) => x - y)) assert.strictEqual(EN[l], NOTES[l], `line ${l + 1}`);
  });

  it('copies inline code spans unchanged', () => {
    NOTES.forEach((ru, i) => assert.deepStrictEqual(inlineCode(EN[i]), inlineCode(ru), `line ${i + 1}`));
    assert.deepStrictEqual(inlineCode(EN[688 - 1]), ['`kubectl port-forward service/my-service 10000:80`']);
  });

  it('is English: no Cyrillic left, and every Russian line was rendered', () => {
    const left = EN.map((l, i) => [i + 1, l] as const).filter(([, l]) => CYRILLIC.test(l));
    assert.deepStrictEqual(left, []);
    const untouched = NOTES.map((l, i) => [i + 1, l] as const).filter(([i, l]) => CYRILLIC.test(l) && EN[i - 1] === l);
    assert.deepStrictEqual(untouched, []);
  });

  it('keeps the notes\' claims, hedges and technical terms', () => {
    const at = (line: number) => EN[line - 1];
    assert.match(at(33), /GRPC commands to the docker daemon/, 'outdated claims stay as written');
    assert.match(at(61), /best driver is AUFS/);
    assert.match(at(88), /version: parameter/);
    assert.match(at(122), /upgrade - no/);
    assert.match(at(236), /1\.18/);
    assert.match(at(326), /very high OOM Score/);
    assert.match(at(764), /index\.yml/, 'the notes\' file name is kept, not corrected');
    assert.match(at(52), /or they don't\. Depends on the situation/, 'hedges stay');
    assert.match(at(307), /^ {2}- Liveness Probe - /, 'terms as the notes write them');
    assert.match(at(294), /^ {2}REPLICA SET - /);
    assert.match(at(438), /IPtables - old school, IPVS - stylish, trendy, hip/, 'slang in kind');
    assert.match(at(72), /Geif/);
    assert.match(at(393), /kubectl eidt/);
  });

  it('is what the knowledge base shows English readers', () => {
    const { kb, warnings } = loadKnowledge({ bundled: true });
    assert.deepStrictEqual(warnings.filter((w) => /translations|en\.md/.test(w)), []);
    const bundled = kb.sources.find((s) => s.bundled)!;
    assert.strictEqual(bundled.en?.length, bundled.lines.length);
    const blocks = kb.blocks.filter((b) => b.source.bundled);
    assert.deepStrictEqual(blocks.filter((b) => !kb.hasEnglish(b)).map((b) => b.startLine + 1), []);
    const probes = kb.blockAtLine(bundled.path, 306 - 1)!;
    const en = kb.blockText(probes, 'en');
    assert.match(en, /^Probes\n {2}- Liveness Probe - monitors the state of the application/);
    assert.ok(en.split('\n').length === 12, 'the block keeps its sub-items');
    assert.match(kb.blockText(probes, 'ru'), /^Пробы\n/);
  });
});
