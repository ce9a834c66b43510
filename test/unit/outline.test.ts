import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildOutline, OutlineBlock } from '../../server/src/knowledge/outline';

const NOTES = fs.readFileSync(path.join(__dirname, '..', '..', 'knowledge', 'notes', 'slurm-notes.md'), 'utf8');

describe('notes outline', () => {
  const outline = buildOutline(NOTES);
  /** The block starting at a 1-based line. */
  const at = (line: number): OutlineBlock => {
    const b = outline.blocks.find((x) => x.startLine === line - 1);
    assert.ok(b, `a block starts at line ${line}`);
    return b;
  };
  const span = (b: OutlineBlock) => [b.startLine + 1, b.endLine + 1, b.lastLine + 1];

  it('splits one-statement-per-line paragraphs into statements', () => {
    assert.deepStrictEqual(span(at(22)), [22, 22, 22]);
    assert.match(at(22).text, /^Разница между COPY и ADD/);
    assert.strictEqual(at(6).text, 'Слои в образе - readonly');
  });

  it('keeps a code span over several lines whole (the RBAC rules: example)', () => {
    const rbac = at(612);
    assert.strictEqual(rbac.kind, 'code');
    assert.deepStrictEqual(span(rbac), [612, 638, 638]);
    assert.strictEqual(rbac.parent?.startLine, 610 - 1, 'introduced by "Пример:"');
  });

  it('reads sub-lists indented by two spaces as children of the line above', () => {
    const probes = at(306);
    assert.deepStrictEqual(span(probes), [306, 306, 317]);
    assert.deepStrictEqual(
      probes.children.map((c) => c.startLine + 1),
      [307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317],
    );
    assert.strictEqual(at(307).kind, 'item');
  });

  it('reads 4-space items inside a paragraph as nested items', () => {
    const pod = at(284);
    assert.deepStrictEqual(
      pod.children.map((c) => c.startLine + 1),
      [285, 286, 287],
    );
    assert.strictEqual(pod.parent?.startLine, 283 - 1);
  });

  it('attaches a code line to the statement that introduces it', () => {
    assert.strictEqual(at(11).kind, 'code');
    assert.strictEqual(at(11).parent?.startLine, 9 - 1);
    assert.strictEqual(at(768).parent?.startLine, 767 - 1);
    assert.strictEqual(at(539).parent?.startLine, 538 - 1);
  });

  it('joins a lazily continued list item ("post-upgrade,\\npre-rollback")', () => {
    assert.deepStrictEqual(span(at(754)), [754, 755, 755]);
  });

  it('strips trailing dots from headings and keeps empty topics as sections', () => {
    const logs = outline.sections.find((s) => s.line === 64 - 1);
    assert.deepStrictEqual(logs?.headings, ['Docker', 'Log-драйверы']);
    const ceph = outline.sections.find((s) => s.headings[s.headings.length - 1].startsWith('Тема №7'));
    assert.ok(ceph);
    assert.strictEqual(outline.blocks.filter((b) => b.headingLine === ceph.line).length, 0);
  });

  it('reads explicit anchors before blocks and headings', () => {
    const o = buildOutline('# Probes\n\n<!-- opsnotes: k8s.container.livenessProbe -->\nAlways set a liveness probe.\n\n<!-- opsnotes: a.b, c.d -->\n## Section\n\ntext\n');
    assert.deepStrictEqual(o.blocks[0].anchors, ['k8s.container.livenessProbe']);
    assert.deepStrictEqual(o.sections[1].anchors, ['a.b', 'c.d']);
  });
});
