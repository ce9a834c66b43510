// Runs in the VS Code extension host: mocha over the bundled *.test.js files next to this one.
// Prints `N passed, M failed` at the end (CI reads it) and rejects when anything failed.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, forbidOnly: true });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => undefined);
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('end', () => {
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0 || passed === 0) reject(new Error(`${failed} integration tests failed, ${passed} passed`));
      else resolve();
    });
  });
}
