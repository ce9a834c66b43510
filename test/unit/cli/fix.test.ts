// --fix's core in-process: passes until nothing changes, a pass that would break the file is
// discarded, and the write refuses files that changed on disk or lie outside the given roots.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixText, writeFixed } from '../../../server/src/cli/fix';
import { CLI } from '../../../server/src/cli/messages';
import { decodeText } from '../../../server/src/cli/read';
import { defineRule, Rule } from '../../../server/src/rules/types';
import { Session } from '../../../server/src/session';

/** A test rule: flags `image: x:latest` in Compose; its "safe" fix is given. */
function latestRule(newText: string): Rule {
  return defineRule({
    id: 'compose-test-latest',
    family: 'compose',
    severity: 'warning',
    key: 'compose.service.image',
    docs: 'https://docs.docker.com/reference/compose-file/services/#image',
    fixSafety: 'safe',
    description: { en: 'latest tag', ru: 'тег latest' },
    messages: { latest: { en: 'latest', ru: 'latest' } },
    kinds: ['compose'],
    visit: {
      composeService(svc, ctx) {
        const at = ctx.doc.text.indexOf(':latest');
        if (at < 0 || !svc) return;
        ctx.report({ messageId: 'latest', start: at + 1, end: at + 7, fix: () => ({ title: { en: 'pin', ru: 'pin' }, edits: [{ range: ctx.doc.rangeOf(at + 1, at + 7), newText }] }) });
      },
    },
  }) as Rule;
}

const COMPOSE = 'services:\n  web:\n    image: nginx:latest\n';

describe('cli --fix core', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-fix-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('applies safe fixes and stops when nothing is left', () => {
    const session = new Session({ roots: [dir], rules: [latestRule('1.27')] });
    const out = fixText(session, path.join(dir, 'compose.yaml'), COMPOSE);
    assert.strictEqual(out.text, 'services:\n  web:\n    image: nginx:1.27\n');
    assert.strictEqual(out.applied, 1);
    assert.deepStrictEqual(out.findings, []);
    assert.strictEqual(out.problem, undefined);
  });

  it('stops after 10 passes when a fix never converges', () => {
    const session = new Session({ roots: [dir], rules: [latestRule('latest-latest')] });
    const out = fixText(session, path.join(dir, 'compose.yaml'), COMPOSE);
    assert.strictEqual(out.applied, 10);
    assert.strictEqual(out.findings.length, 1);
  });

  it('discards a pass that would break the YAML, keeping the text of the last good pass', () => {
    const session = new Session({ roots: [dir], rules: [latestRule('1.27\n  - [broken: {')] });
    const out = fixText(session, path.join(dir, 'compose.yaml'), COMPOSE);
    assert.strictEqual(out.text, COMPOSE);
    assert.strictEqual(out.applied, 0);
    assert.strictEqual(out.problem?.en, 'a fix by compose-test-latest would make the file unreadable as compose; that pass was discarded');
  });

  it('writeFixed: refuses a file that changed on disk, or a real path outside the roots; writes otherwise', () => {
    const file = path.join(dir, 'compose.yaml');
    fs.writeFileSync(file, COMPOSE);
    const read = decodeText(fs.readFileSync(file));
    assert.ok(read.ok);
    fs.writeFileSync(file, COMPOSE + '# edited meanwhile\n');
    assert.deepStrictEqual(writeFixed(file, read.file, 'x', [dir]), CLI.fixChanged);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), COMPOSE + '# edited meanwhile\n');
    const again = decodeText(fs.readFileSync(file));
    assert.ok(again.ok);
    const outside = writeFixed(file, again.file, 'x', [path.join(dir, 'sub')]);
    assert.match(outside?.en ?? '', /outside the paths given on the command line/);
    assert.strictEqual(writeFixed(file, again.file, 'services: {}\n', [fs.realpathSync(dir)]), undefined);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'services: {}\n');
    assert.deepStrictEqual(fs.readdirSync(dir), ['compose.yaml']);
  });
});
