import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compilePattern, GitIgnore } from '../../../server/src/cli/gitignore';

/** Whether one pattern, read from a .gitignore in /repo, ignores a path. */
function ignores(pattern: string, rel: string, isDir = false): boolean | undefined {
  const p = compilePattern(pattern, '/repo');
  if (!p) return undefined;
  if (p.dirOnly && !isDir) return false;
  const subject = p.basename ? path.basename(rel) : rel;
  return p.match(subject) ? !p.negate : undefined;
}

describe('cli .gitignore patterns (git semantics)', () => {
  it('a name without a slash matches at any depth', () => {
    assert.strictEqual(ignores('*.log', 'a/b/debug.log'), true);
    assert.strictEqual(ignores('*.log', '.hidden.log'), true);
    assert.strictEqual(ignores('secrets.yaml', 'k8s/prod/secrets.yaml'), true);
    assert.strictEqual(ignores('secrets.yaml', 'k8s/prod/secrets.yaml.bak'), undefined);
  });

  it('a slash anchors the pattern to the .gitignore folder', () => {
    assert.strictEqual(ignores('/build', 'build'), true);
    assert.strictEqual(ignores('/build', 'app/build'), undefined);
    assert.strictEqual(ignores('doc/*.yaml', 'doc/a.yaml'), true);
    assert.strictEqual(ignores('doc/*.yaml', 'doc/sub/a.yaml'), undefined);
    assert.strictEqual(ignores('a/**/b.yaml', 'a/b.yaml'), true);
    assert.strictEqual(ignores('a/**/b.yaml', 'a/x/y/b.yaml'), true);
    assert.strictEqual(ignores('**/charts', 'deploy/charts', true), true);
  });

  it('a trailing slash matches folders only; foo/** matches what is inside foo, not foo', () => {
    assert.strictEqual(ignores('build/', 'build', true), true);
    assert.strictEqual(ignores('build/', 'build', false), false);
    assert.strictEqual(ignores('vendor/**', 'vendor', true), undefined);
    assert.strictEqual(ignores('vendor/**', 'vendor/x/y.yaml'), true);
  });

  it('comments, blank lines, negation, escapes, [!…] classes and trailing spaces', () => {
    assert.strictEqual(compilePattern('# comment', '/repo'), undefined);
    assert.strictEqual(compilePattern('   ', '/repo'), undefined);
    assert.strictEqual(ignores('!keep.yaml', 'keep.yaml'), false);
    assert.strictEqual(ignores('\\#notes.yaml', '#notes.yaml'), true);
    assert.strictEqual(ignores('\\!bang.yaml', '!bang.yaml'), true);
    assert.strictEqual(ignores('[!a]x.yaml', 'bx.yaml'), true);
    assert.strictEqual(ignores('[!a]x.yaml', 'ax.yaml'), undefined);
    assert.strictEqual(ignores('values.yaml   ', 'values.yaml'), true);
    assert.strictEqual(ignores('{a,b}.yaml', 'a.yaml'), undefined, 'no brace expansion in gitignore');
  });

  it('nested .gitignore files: the deeper one and the later line win; ancestors up to the repository root apply', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-gi-'));
    try {
      fs.mkdirSync(path.join(root, '.git'));
      fs.mkdirSync(path.join(root, 'deploy', 'k8s'), { recursive: true });
      fs.writeFileSync(path.join(root, '.gitignore'), '*.generated.yaml\nbuild/\n');
      fs.writeFileSync(path.join(root, 'deploy', '.gitignore'), '!keep.generated.yaml\n');
      const gi = new GitIgnore();
      gi.loadAncestors(path.join(root, 'deploy'));
      gi.load(path.join(root, 'deploy'));
      assert.strictEqual(gi.ignores(path.join(root, 'deploy', 'k8s', 'a.generated.yaml'), false), true);
      assert.strictEqual(gi.ignores(path.join(root, 'deploy', 'k8s', 'keep.generated.yaml'), false), false);
      assert.strictEqual(gi.ignores(path.join(root, 'deploy', 'build'), true), true);
      assert.strictEqual(gi.ignores(path.join(root, 'deploy', 'k8s', 'app.yaml'), false), false);
      assert.strictEqual(gi.ignores(path.join(root, 'build.yaml'), false), false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
