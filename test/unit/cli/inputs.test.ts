// The CLI as a process on inputs generated here: unreadable, binary and non-UTF-8 files, links
// that go nowhere or in circles, a FIFO, 3,000 files; .gitignore and .opsnotes.yaml; --fix
// safety (symbolic links out of the given paths, line endings, BOM, modes).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateProject } from '../../cli/generate';
import { CLI, ensureBuilt, lintJson, opsnotes, tempDir } from '../../cli/run';

const ADD_DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /srv\nADD app.py /srv/\nCMD ["python", "/srv/app.py"]\n';
const isRoot = process.getuid?.() === 0;

function write(root: string, rel: string, content: string | Buffer): string {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

describe('cli: bad input', function () {
  this.timeout(300_000);
  let root: string;
  beforeEach(() => (root = tempDir()));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('binary, invalid UTF-8, UTF-16, broken links, link loops, a FIFO, an unreadable folder: one line each on stderr, the rest is linted, exit 2', () => {
    write(root, 'good/Dockerfile', ADD_DOCKERFILE);
    write(root, 'bin/docker-compose.yml', Buffer.from([0x73, 0x65, 0x72, 0x76, 0x00, 0x01, 0x02]));
    write(root, 'latin1/Dockerfile', Buffer.from('FROM debian\nLABEL author="Jos\xe9"\n', 'latin1'));
    write(root, 'utf16/values.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]));
    fs.mkdirSync(path.join(root, 'links'));
    fs.symlinkSync(path.join(root, 'links', 'gone.yaml'), path.join(root, 'links', 'deployment.yaml'));
    fs.symlinkSync('self.yaml', path.join(root, 'links', 'self.yaml'));
    fs.symlinkSync('..', path.join(root, 'links', 'up'));
    fs.symlinkSync('../good', path.join(root, 'links', 'good-again'));
    fs.mkdirSync(path.join(root, 'fifo'));
    assert.strictEqual(spawnSync('mkfifo', [path.join(root, 'fifo', 'Dockerfile')]).status, 0);
    if (!isRoot) {
      // root reads everything; the cases above fail for root too.
      write(root, 'closed/Dockerfile', ADD_DOCKERFILE);
      fs.chmodSync(path.join(root, 'closed', 'Dockerfile'), 0);
    }
    const r = opsnotes(['lint', '.'], { cwd: root });
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    const lines = r.stderr.trimEnd().split('\n').sort();
    const expected = [
      'bin/docker-compose.yml: binary file (contains NUL bytes); skipped',
      'fifo/Dockerfile: not a regular file (FIFO); not read',
      'latin1/Dockerfile: not valid UTF-8 (first bad byte at offset 29); skipped',
      'links/deployment.yaml: broken symbolic link (its target does not exist)',
      'links/self.yaml: symbolic link loop',
      'utf16/values.yaml: UTF-16 encoded; OpsNotes reads UTF-8 only; skipped',
      ...(isRoot ? [] : ['closed/Dockerfile: permission denied']),
    ].sort();
    assert.deepStrictEqual(lines, expected);
    // The good file once: the link to its folder and the link up are the same real folders.
    assert.strictEqual(r.stdout.match(/dockerfile-add-instead-of-copy/g)?.length, 1, r.stdout);
    assert.match(r.stdout, /^good\/Dockerfile:3:1 warning dockerfile-add-instead-of-copy /m);
    assert.match(r.stdout, new RegExp(`^files that could not be read: ${expected.length}`, 'm'));
    const { report } = lintJson(['.'], { cwd: root });
    assert.strictEqual(report.problems.length, expected.length);
    assert.ok(report.problems.every((p) => p.fatal));
    assert.strictEqual(report.exitCode, 2);
  });

  it('a path given explicitly: a broken link and a FIFO fail even as root; an unsupported file is a notice', () => {
    fs.symlinkSync('nowhere', path.join(root, 'Dockerfile'));
    assert.strictEqual(spawnSync('mkfifo', [path.join(root, 'compose.yaml')]).status, 0);
    write(root, 'README.md', '# hi\n');
    const r = opsnotes(['lint', 'Dockerfile', 'compose.yaml', 'README.md'], { cwd: root });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^Dockerfile: broken symbolic link \(its target does not exist\)$/m);
    assert.match(r.stderr, /^compose\.yaml: not a regular file \(FIFO\); not read$/m);
    assert.match(r.stderr, /^README\.md: not a file OpsNotes checks/m);
    const notice = opsnotes(['lint', 'README.md'], { cwd: root });
    assert.strictEqual(notice.code, 0, 'a notice does not fail the run');
  });

  it('files over the size limit are skipped with a notice, not an error', () => {
    write(root, 'Dockerfile', 'FROM a\n' + 'RUN echo x\n'.repeat(600_000));
    const r = opsnotes(['lint', '.'], { cwd: root });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /^Dockerfile: larger than 5 MB; not analysed$/m);
  });

  it('3,000 generated files in one run: every one checked, no read problems', () => {
    generateProject(root, 3000);
    const { run, report } = lintJson(['.'], { cwd: root });
    assert.strictEqual(report.summary.files, 3000, run.stderr);
    assert.deepStrictEqual(report.problems, []);
    assert.ok(report.summary.findings > 0);
    assert.strictEqual(run.code, 1);
    const add = report.files.filter((f) => f.findings.some((x) => x.ruleId === 'dockerfile-add-instead-of-copy'));
    // Every third Dockerfile (i % 15 === 0) uses ADD, twice.
    assert.strictEqual(add.length, 200);
  });
});

describe('cli: which files are read', function () {
  this.timeout(180_000);
  let root: string;
  beforeEach(() => (root = tempDir()));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('.gitignore files (nested, negation, up to the repository root); --no-ignore; .git and node_modules never', () => {
    fs.mkdirSync(path.join(root, '.git'));
    write(root, '.gitignore', 'build/\n*.generated.yaml\n');
    write(root, 'deploy/.gitignore', '!keep.generated.yaml\n/local-*.yaml\n');
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n';
    for (const rel of ['deploy/app.yaml', 'deploy/a.generated.yaml', 'deploy/keep.generated.yaml', 'deploy/local-dev.yaml', 'deploy/sub/local-dev.yaml', 'build/app.yaml', 'node_modules/pkg/app.yaml', '.git/app.yaml']) write(root, rel, manifest);
    const files = (args: string[]) => lintJson(args, { cwd: root }).report.files.map((f) => f.path).sort();
    assert.deepStrictEqual(files(['.']), ['deploy/app.yaml', 'deploy/keep.generated.yaml', 'deploy/sub/local-dev.yaml']);
    assert.deepStrictEqual(files(['deploy']), ['deploy/app.yaml', 'deploy/keep.generated.yaml', 'deploy/sub/local-dev.yaml'], 'the root .gitignore applies to a walk of deploy/');
    assert.deepStrictEqual(files(['--no-ignore', '.']), ['build/app.yaml', 'deploy/a.generated.yaml', 'deploy/app.yaml', 'deploy/keep.generated.yaml', 'deploy/local-dev.yaml', 'deploy/sub/local-dev.yaml']);
    assert.deepStrictEqual(files(['build/app.yaml']), ['build/app.yaml'], 'a file named on the command line is read');
  });

  it('.opsnotes.yaml: nearest upwards of each path; severities, ignore, language; --config', () => {
    write(root, 'svc/Dockerfile', ADD_DOCKERFILE);
    write(root, 'svc/old/Dockerfile', ADD_DOCKERFILE);
    write(root, 'svc/.opsnotes.yaml', 'language: ru\nrules:\n  dockerfile-add-instead-of-copy: error\nignore:\n  - old/**\n');
    write(root, 'other/Dockerfile', ADD_DOCKERFILE);
    write(root, 'strict.yaml', 'rules:\n  dockerfile-add-instead-of-copy: off\n');
    const { report } = lintJson(['svc', 'other'], { cwd: root });
    const add = (p: string) => report.files.find((f) => f.path === p)?.findings.find((x) => x.ruleId === 'dockerfile-add-instead-of-copy');
    assert.deepStrictEqual(report.files.map((f) => f.path).sort(), ['other/Dockerfile', 'svc/Dockerfile']);
    assert.strictEqual(add('svc/Dockerfile')?.severity, 'error');
    assert.strictEqual(add('other/Dockerfile')?.severity, 'warning', 'svc/.opsnotes.yaml is not above other/');
    const ru = opsnotes(['lint', 'Dockerfile'], { cwd: path.join(root, 'svc') });
    assert.match(ru.stdout, /^Dockerfile:3:1 error dockerfile-add-instead-of-copy ADD здесь просто копирует/m);
    assert.match(opsnotes(['lint', '--language', 'en', 'Dockerfile'], { cwd: path.join(root, 'svc') }).stdout, /ADD copies local files here/);
    const off = lintJson(['--config', 'strict.yaml', 'svc/Dockerfile'], { cwd: root });
    assert.ok(!off.report.files[0].findings.some((x) => x.ruleId === 'dockerfile-add-instead-of-copy'));
    assert.strictEqual(opsnotes(['lint', '--config', 'missing.yaml', '.'], { cwd: root }).code, 2);
  });
});

describe('cli: --fix safety', function () {
  this.timeout(180_000);
  before(() => ensureBuilt());
  let root: string;
  beforeEach(() => (root = tempDir()));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps CRLF, the BOM, a missing final newline and the mode; leaves no temp file', () => {
    const file = write(root, 'Dockerfile', '\uFEFFFROM a\r\nADD app.py /srv/\r\nCMD ["python"]');
    fs.chmodSync(file, 0o754);
    const r = opsnotes(['lint', '--fix', '.'], { cwd: root });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '\uFEFFFROM a\r\nCOPY app.py /srv/\r\nCMD ["python"]');
    assert.strictEqual(fs.statSync(file).mode & 0o7777, 0o754);
    assert.deepStrictEqual(fs.readdirSync(root), ['Dockerfile']);
  });

  it('writes through a link inside the given paths (the link stays a link); refuses a link out of them', () => {
    write(root, 'project/real/Dockerfile', ADD_DOCKERFILE);
    fs.mkdirSync(path.join(root, 'project', 'svc'));
    fs.symlinkSync('../real/Dockerfile', path.join(root, 'project', 'svc', 'Dockerfile'));
    const outside = write(root, 'elsewhere/Dockerfile', ADD_DOCKERFILE);
    fs.mkdirSync(path.join(root, 'project', 'ext'));
    fs.symlinkSync(outside, path.join(root, 'project', 'ext', 'Dockerfile'));
    const inside = opsnotes(['lint', '--fix', 'svc'], { cwd: path.join(root, 'project') });
    assert.strictEqual(inside.code, 2, 'svc/ alone: real/ is outside it');
    assert.match(inside.stderr, /^svc\/Dockerfile: not fixed: it is a symbolic link to .*\/project\/real\/Dockerfile, outside the paths given on the command line$/m);
    assert.strictEqual(fs.readFileSync(path.join(root, 'project', 'real', 'Dockerfile'), 'utf8'), ADD_DOCKERFILE);
    const r = opsnotes(['lint', '--fix', '.'], { cwd: path.join(root, 'project') });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^ext\/Dockerfile: not fixed: it is a symbolic link to .*\/elsewhere\/Dockerfile, outside the paths given on the command line$/m);
    assert.strictEqual(fs.readFileSync(outside, 'utf8'), ADD_DOCKERFILE, 'the file outside is untouched');
    assert.ok(fs.lstatSync(path.join(root, 'project', 'svc', 'Dockerfile')).isSymbolicLink());
    assert.match(fs.readFileSync(path.join(root, 'project', 'real', 'Dockerfile'), 'utf8'), /^COPY app\.py \/srv\/$/m);
  });

  it('a write that fails half way (file size limit: EFBIG): not fixed, the original as it was, no temp file, exit 2', () => {
    const big = ADD_DOCKERFILE + `# ${'padding '.repeat(5000)}\n`;
    const file = write(root, 'Dockerfile', big);
    // ulimit -f binds root too; Node ignores SIGXFSZ, so the write is cut short, then EFBIG.
    const r = spawnSync('sh', ['-c', `ulimit -f 1; exec "${process.execPath}" "${CLI}" lint --fix .`], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(r.status, 2, r.stderr);
    assert.match(r.stderr, /^Dockerfile: not fixed, the file is left as it was: EFBIG$/m);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), big);
    assert.deepStrictEqual(fs.readdirSync(root), ['Dockerfile']);
  });

  it('a file name near NAME_MAX still gets a temp file name that fits', () => {
    const file = write(root, 'Dockerfile.' + 'x'.repeat(240), ADD_DOCKERFILE);
    const r = opsnotes(['lint', '--fix', '.'], { cwd: root });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(fs.readFileSync(file, 'utf8'), /^COPY app\.py \/srv\/$/m);
  });
});
