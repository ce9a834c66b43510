// npm run fuzz -- --iterations N --seed S : a long fuzz run of the analysis core.
import { loadKnowledge } from '../server/src/knowledge/load';
import { fuzz } from '../test/helpers/fuzz';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const iterations = arg('iterations', 5000);
const seed = arg('seed', Date.now() % 1e9);
const { kb } = loadKnowledge({ bundled: true });
const started = Date.now();
const { runs, failures } = fuzz({ iterations, seed, kb });
console.log(`fuzz: ${runs} mutants, seed ${seed}, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const f of failures.slice(0, 10)) console.log(`\n${f.file} [${f.mutation}] ${f.step}: ${f.error}\n--- text ---\n${f.text.slice(0, 600)}`);
process.exit(failures.length ? 1 : 0);
