// Indexing the notes: the bundled notes (target under 20 ms) and a generated 5 MB corpus
// (target under 1 s), vocabulary already loaded (it is read once per process).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Bench } from './bench';
import { percentile, timeRuns } from './bench';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import { loadKnowledge } from '../../server/src/knowledge/load';

export default async function (b: Bench): Promise<void> {
  b.section('Knowledge base');
  const t0 = process.hrtime.bigint();
  const first = loadKnowledge({ bundled: true });
  b.figure('first load: vocabulary + translations + remarks + index', Number(process.hrtime.bigint() - t0) / 1e6, 'ms');
  const { vocabulary, today } = { vocabulary: [...first.kb.vocabulary.values()], today: first.kb.today };
  const bundled = first.kb.sources.filter((s) => s.bundled);
  const runs = timeRuns(30, () => new KnowledgeBase({ vocabulary, sources: bundled, today }));
  b.figure(`index the bundled notes (${first.kb.blocks.length} blocks, ${vocabulary.length} keys), median of 30`, percentile(runs, 50), 'ms', '< 20 ms');
  // A 5 MB corpus: the notes repeated with varied headings, as user notes.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-bench-'));
  const notes = bundled[0].lines.join('\n');
  let corpus = '';
  for (let i = 0; corpus.length < 5 * 1024 * 1024; i++) corpus += notes.replace(/^# /gm, `# Part ${i} `) + '\n';
  const file = path.join(dir, 'corpus.md');
  fs.writeFileSync(file, corpus);
  const t1 = process.hrtime.bigint();
  const big = loadKnowledge({ bundled: false, userPaths: [file] });
  b.figure(`index a generated ${(corpus.length / 1024 / 1024).toFixed(1)} MB notes corpus (${big.kb.blocks.length} blocks)`, Number(process.hrtime.bigint() - t1) / 1e6, 'ms', '< 1000 ms');
  fs.rmSync(dir, { recursive: true, force: true });
}
