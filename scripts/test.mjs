// `npm test`: every suite, in order. No suite is skipped silently: a missing prerequisite
// fails the run with what to install.
//   1. build (esbuild) and typecheck (tsc --noEmit, strict)
//   2. unit + protocol tests (mocha; protocol tests spawn dist/server.js over stdio)
//   3. package the .vsix (vsce) and check its size and contents
//   4. the VS Code integration suite against the unpacked .vsix, in real VS Code
import { spawnSync, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);

function step(name, cmd, cmdArgs, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${name} failed (exit ${r.status ?? r.signal}) after ${secs} s`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function vscodeExecutable() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  const prepare = path.join(root, '..', 'shared', 'vscode', 'prepare');
  if (fs.existsSync(prepare)) {
    try {
      const out = execFileSync(prepare, ['--print-env'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      for (const line of out.split('\n')) {
        const m = /^export (\w+)=(.*)$/.exec(line);
        if (m) process.env[m[1]] = m[2].replace(/^'(.*)'$/, '$1');
      }
      if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
    } catch {
      /* not prepared */
    }
  }
  console.error(
    '✖ The VS Code integration suite needs VS Code. This machine cannot download it; prepare the kit once:\n' +
      '    eval "$(../shared/vscode/prepare)"\n' +
      '  (or set VSCODE_EXECUTABLE to a VS Code executable) and run npm test again.',
  );
  process.exit(1);
}

if (!only || only === 'unit') {
  step('build', process.execPath, ['scripts/build.mjs']);
  step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
  step('unit and protocol tests', bin('mocha'), []);
}
if (!only || only === 'vscode') {
  const executable = vscodeExecutable();
  step('package .vsix', process.execPath, ['scripts/package.mjs']);
  step('VS Code integration tests', process.execPath, ['scripts/vscode-test.mjs'], { VSCODE_EXECUTABLE: executable });
}
console.log('\nAll test suites passed.');
