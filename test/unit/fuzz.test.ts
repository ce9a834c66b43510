// A seeded, bounded fuzz run over every fixture (a few seconds). `npm run fuzz -- --iterations N
// --seed S` runs long ones; a failure prints the seed, the mutation and the text to reproduce.
import * as assert from 'assert';
import { loadKnowledge } from '../../server/src/knowledge/load';
import { fixtureFiles, fuzz } from '../helpers/fuzz';

describe('fuzzing the analysis core', function () {
  this.timeout(120000);
  it('mutants of every fixture: no exception, no failing rule, every fix applies, every call within its bound', () => {
    const { kb } = loadKnowledge({ bundled: true });
    const files = fixtureFiles();
    const seed = Number(process.env.FUZZ_SEED ?? 20261126);
    const { runs, failures } = fuzz({ iterations: Math.max(files.length, 400), seed, kb, files });
    const report = failures.slice(0, 5).map((f) => `${f.file} [${f.mutation}] ${f.step}: ${f.error}\n--- text ---\n${f.text.slice(0, 400)}`);
    assert.deepStrictEqual(report, [], `seed ${seed}, ${runs} runs`);
    assert.ok(runs >= files.length);
  });
});
