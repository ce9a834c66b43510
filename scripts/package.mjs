// Build minified bundles, package the .vsix with vsce, check it (size, no node_modules) and
// unpack it to out/vsix/ where the integration tests load it from.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const vsix = `${pkg.name}-${pkg.version}.vsix`;
const MAX_BYTES = 1.5 * 1024 * 1024;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

run(process.execPath, ['scripts/build.mjs', '--production']);
run(path.join('node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix]);
const size = fs.statSync(vsix).size;
const list = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' }).stdout;
if (/node_modules\//.test(list)) {
  console.error(`${vsix} contains node_modules:\n${list}`);
  process.exit(1);
}
if (size > MAX_BYTES) {
  console.error(`${vsix} is ${(size / 1024).toFixed(0)} KB, over the 1.5 MB limit`);
  process.exit(1);
}
console.log(`${vsix}: ${(size / 1024).toFixed(0)} KB`);
fs.rmSync('out/vsix', { recursive: true, force: true });
fs.mkdirSync('out/vsix', { recursive: true });
run('unzip', ['-q', '-o', vsix, '-d', 'out/vsix']);
// The dev build is what unit tests use; restore it so dist/ has source maps that match.
run(process.execPath, ['scripts/build.mjs']);
