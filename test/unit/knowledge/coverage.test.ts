// Coverage of the bundled notes: every block reachable through a key (or listed with a reason
// in knowledge/coverage.yaml), at least 95% keyed, and every key showing some note.
import * as assert from 'assert';
import * as path from 'path';
import { loadKnowledge } from '../../../server/src/knowledge/load';

describe('knowledge coverage', () => {
  const { kb, warnings } = loadKnowledge({ bundled: true });

  it('loads the bundled knowledge without problems', () => {
    assert.deepStrictEqual(warnings, []);
  });

  it('every vocabulary key shows a note (its own block, or a related key\'s)', () => {
    const c = kb.coverage();
    assert.deepStrictEqual(c.keysWithoutBlocks.map((e) => e.key), []);
    for (const e of c.keysViaSee) assert.ok(kb.entriesFor([e.key], 1).length > 0, e.key);
  });

  it('every block is keyed or listed in knowledge/coverage.yaml with a reason', () => {
    const c = kb.coverage();
    const unlisted = c.unkeyedBlocks.filter((b) => !kb.coverageReason(b)).map((b) => `slurm-notes.md:${b.startLine + 1} ${b.text}`);
    assert.deepStrictEqual(unlisted, []);
    const stale = kb.coverageExceptions.filter((x) => !c.unkeyedBlocks.some((b) => path.basename(b.source.path) === x.file && b.startLine + 1 === x.line));
    assert.deepStrictEqual(stale, [], 'coverage.yaml lists only blocks that are not keyed');
    assert.ok(c.keyedBlocks / c.totalBlocks >= 0.95, `${c.keyedBlocks} of ${c.totalBlocks} keyed`);
  });
});
