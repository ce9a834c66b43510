// Precision: correct, real-world-style Dockerfiles (multi-stage builds, heredoc RUN, line
// continuations, parser directives, lowercase instructions, cache mounts, distroless, scratch,
// CRLF) get no finding from any rule.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyse, FIXTURES } from '../../helpers/ruleFixtures';

const CLEAN = path.join(FIXTURES, 'docker', 'clean');

describe('clean Dockerfiles', () => {
  const files = fs.readdirSync(CLEAN).filter((f) => f.endsWith('Dockerfile')).sort();

  it('has a set of clean files to check', () => {
    assert.ok(files.length >= 10, `${files.length} files`);
  });

  for (const f of files) {
    it(`${f}: no findings`, () => {
      const { doc, findings, problems } = analyse(path.join(CLEAN, f));
      assert.strictEqual(doc.kind, 'dockerfile');
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(
        findings.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.ruleId}`),
        [],
      );
    });
  }
});
