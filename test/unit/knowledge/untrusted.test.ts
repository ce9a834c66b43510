// In an untrusted workspace, note paths and .opsnotes.yaml from the workspace are not read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readSettings } from '../../../server/src/config/config';
import { Session } from '../../../server/src/session';

describe('untrusted workspaces', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-untrusted-'));
    fs.writeFileSync(path.join(dir, '.opsnotes.yaml'), 'rules:\n  dockerfile-add-instead-of-copy: off\nnotes:\n  paths: [team.md]\n');
    fs.writeFileSync(path.join(dir, 'team.md'), '<!-- opsnotes: dockerfile.ADD -->\nWorkspace note.\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trusted: the workspace config and notes are read', () => {
    const s = new Session({ roots: [dir], trusted: true, settings: readSettings({ notes: { paths: ['team.md'] } }) });
    assert.strictEqual(s.project?.rules['dockerfile-add-instead-of-copy'], 'off');
    assert.deepStrictEqual(s.userNoteFiles, [path.join(dir, 'team.md')]);
  });

  it('untrusted: neither is read; bundled notes and rules still work', () => {
    const s = new Session({ roots: [dir], trusted: false, settings: readSettings({ notes: { paths: ['team.md', path.join(dir, 'team.md')] } }) });
    assert.strictEqual(s.project, undefined);
    assert.deepStrictEqual(s.userNoteFiles, []);
    assert.ok(s.kb.blocks.length > 100);
    const doc = s.open('file://' + path.join(dir, 'Dockerfile'), 'dockerfile', 1, 'FROM alpine\nADD a.txt /a\n');
    assert.deepStrictEqual(s.diagnose(doc).map((f) => f.ruleId), ['dockerfile-add-instead-of-copy']);
  });
});
