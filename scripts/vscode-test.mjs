// The VS Code integration suite: bundles test/vscode/suite, then runs it with
// @vscode/test-electron in real VS Code against the unpacked .vsix (out/vsix/extension), so
// the tests exercise exactly what a user installs. On this machine VS Code is the kit's
// (../shared/VSCODE-TESTS.md): VSCODE_EXECUTABLE is set; elsewhere test-electron downloads it.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'out', 'test', 'vscode');
const suiteDir = path.join(root, 'test', 'vscode', 'suite');
fs.rmSync(outDir, { recursive: true, force: true });
const entries = fs.readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(suiteDir, f));
await esbuild.build({
  entryPoints: entries,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});

const extensionDevelopmentPath = path.join(root, 'out', 'vsix', 'extension');
if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) {
  console.error('out/vsix/extension is missing: run `node scripts/package.mjs` first (npm test does).');
  process.exit(1);
}
const options = {
  extensionDevelopmentPath,
  extensionTestsPath: path.join(outDir, 'index.js'),
  launchArgs: [path.join(root, 'test', 'fixtures'), '--disable-extensions'],
  extensionTestsEnv: { OPSNOTES_REPO: root, NODE_PATH: path.join(root, 'node_modules') },
};
if (process.env.VSCODE_EXECUTABLE) options.vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
try {
  const code = await runTests(options);
  process.exit(code);
} catch (e) {
  console.error(`Integration tests failed: ${e}`);
  if (!process.env.VSCODE_EXECUTABLE) console.error('No VS Code download? eval "$(../shared/vscode/prepare)" first.');
  process.exit(1);
}
