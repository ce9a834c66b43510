import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadKnowledge } from '../../../server/src/knowledge/load';
import { renderNote } from '../../../server/src/features/hover';

const TEAM = path.join(__dirname, '..', '..', 'fixtures', 'notes', 'team-notes.md');

describe('a person\'s own notes', () => {
  it('attach blocks by anchors and rank before the bundled notes', () => {
    const { kb, warnings, userFiles } = loadKnowledge({ bundled: true, userPaths: [TEAM] });
    assert.deepStrictEqual(warnings, []);
    assert.deepStrictEqual(userFiles, [TEAM]);
    const [first, second] = kb.entriesFor(['dockerfile.ADD'], 3);
    assert.strictEqual(first.block.source.path, TEAM);
    assert.strictEqual(first.block.startLine + 1, 6);
    assert.match(first.block.text, /^We never use ADD/);
    assert.strictEqual(second.block.source.bundled, true);
    assert.strictEqual(second.block.startLine + 1, 22);
  });

  it('attach by aliases too (COPY is named in the anchored block and the bundled notes)', () => {
    const { kb } = loadKnowledge({ bundled: true, userPaths: [TEAM] });
    const copy = kb.entriesFor(['dockerfile.COPY'], 3);
    assert.strictEqual(copy[0].block.source.path, TEAM);
  });

  it('one anchor naming two keys serves both, sub-items kept', () => {
    const { kb } = loadKnowledge({ bundled: false, userPaths: [TEAM] });
    for (const key of ['k8s.container.livenessProbe', 'k8s.container.readinessProbe']) {
      const [r] = kb.entriesFor([key], 1);
      assert.strictEqual(r.block.startLine + 1, 13, key);
      assert.strictEqual(kb.blockText(r.block, 'ru'), 'Every HTTP service exposes /healthz; point both probes there.\n\n  - liveness: failureThreshold 3, periodSeconds 10\n  - readiness: periodSeconds 5');
    }
  });

  it('bundled: false leaves only the person\'s notes', () => {
    const { kb } = loadKnowledge({ bundled: false, userPaths: [TEAM] });
    assert.ok(kb.sources.every((s) => !s.bundled));
  });

  it('folders and globs, ~ and relative paths resolve; a missing path gives one warning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-notes-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.md'), '# A\n\nUse COPY.\n');
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), '# B\n\nUse COPY too.\n');
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x23, 0x00, 0x01]));
    const byFolder = loadKnowledge({ bundled: false, userPaths: [dir] });
    assert.deepStrictEqual(byFolder.userFiles.map((f) => path.relative(dir, f)), ['a.md', 'binary.md', 'sub/b.md']);
    assert.deepStrictEqual(byFolder.warnings, [`OpsNotes: not a text file, not read: ${path.join(dir, 'binary.md')}`]);
    const byGlob = loadKnowledge({ bundled: false, userPaths: ['sub/*.md'], baseDirs: [dir] });
    assert.deepStrictEqual(byGlob.userFiles, [path.join(dir, 'sub', 'b.md')]);
    const missing = loadKnowledge({ bundled: true, userPaths: ['~/no/such/notes.md'] });
    assert.deepStrictEqual(missing.warnings, ['OpsNotes: note path not found: ~/no/such/notes.md']);
    assert.ok(missing.kb.blocks.length > 100, 'the bundled notes still load');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('HTML in notes is rendered as text', () => {
    assert.strictEqual(renderNote('<script>alert(1)</script> see `<b>`'), '&lt;script&gt;alert(1)&lt;/script&gt; see `<b>`');
  });
});
