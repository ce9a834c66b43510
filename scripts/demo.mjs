// `npm run demo`: build the .vsix and show the product working: the CLI on examples/.
// Exit code 0 when the .vsix was built and the CLI ran (findings on the examples are the point).
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status;
if (run(['scripts/package.mjs']) !== 0) process.exit(1);
console.log('\n$ opsnotes lint examples/');
const lint = run(['dist/cli.js', 'lint', 'examples/']);
console.log(`\nopsnotes lint exited with ${lint} (1 = findings at or above the failure level, as intended in examples/)`);
console.log('Install the extension: code --install-extension opsnotes-0.1.0.vsix');
process.exit(lint === 0 || lint === 1 ? 0 : lint ?? 1);
