// The CLI as a process (node dist/cli.js) on examples/: each format, --fix, exit codes, stdin,
// explain, notes, rules. Other rules are added over time, so these tests assert structure,
// exit codes and the findings of rules that exist (dockerfile-add-instead-of-copy), never the
// full list.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { assertOnlyLinesChanged, fixedLines } from '../cli/check';
import { copyExamples, lintJson, opsnotes, REPO, snapshot, tempDir } from '../cli/run';

const ADD_LINE = /^examples\/app\/Dockerfile:15:1 warning dockerfile-add-instead-of-copy ADD copies local files here; use COPY: ADD is for remote sources and archives to unpack\.$/m;

function sarifValidator(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@microsoft/sarif-multitool') as string;
}

describe('cli: opsnotes lint on examples/', function () {
  this.timeout(180_000);

  it('text: file:line:col severity rule-id message, the note line, a summary; no colour when not a TTY', () => {
    const r = opsnotes(['lint', 'examples/']);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stdout, ADD_LINE);
    assert.match(r.stdout, /^examples\/app\/Dockerfile:18:1 warning dockerfile-add-instead-of-copy /m);
    assert.match(r.stdout, /^examples\/app\/Dockerfile:15:1 .*\n {4}note: Docker \(slurm-notes\.md:22\)$/m);
    assert.match(r.stdout, /^\d+ problems? in \d+ files?: .*\d+ can be fixed with --fix$/m);
    assert.ok(!r.stdout.includes('\x1b['), 'no escape codes');
    assert.ok(!/legacy\/|\.github\//.test(r.stdout), 'ignored by .opsnotes.yaml, or not a file OpsNotes checks');
    assert.doesNotMatch(r.stderr, /could not|cannot read|not valid/);
  });

  it('text in Russian from LANG, from --language; colour with --color always', () => {
    const ru = opsnotes(['lint', 'examples/app'], { env: { LANG: 'ru_RU.UTF-8' } });
    assert.match(ru.stdout, /^examples\/app\/Dockerfile:15:1 warning dockerfile-add-instead-of-copy ADD здесь просто копирует локальные файлы — используйте COPY: ADD нужен для удалённых источников и распаковки архивов\.$/m);
    assert.match(ru.stdout, /^ {4}заметка: Docker \(slurm-notes\.md:22\)$/m);
    assert.match(ru.stdout, /^\d+ (проблема|проблемы|проблем) в 1 файле: .*\d+ (предупреждение|предупреждения|предупреждений).*; исправимо с --fix: \d+$/m);
    const en = opsnotes(['lint', '--language', 'en', 'examples/app'], { env: { LANG: 'ru_RU.UTF-8' } });
    assert.match(en.stdout, ADD_LINE);
    const colour = opsnotes(['lint', '--color', 'always', 'examples/app']);
    assert.ok(colour.stdout.includes('\x1b[33mwarning\x1b[39m'));
    const forced = opsnotes(['lint', 'examples/app'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    assert.ok(!forced.stdout.includes('\x1b['), 'NO_COLOR wins over FORCE_COLOR');
  });

  it('json: every supported file with its kind, findings with positions, fixes and the note; summary and exit code', () => {
    const { run, report } = lintJson(['examples/']);
    assert.strictEqual(run.code, 1);
    assert.strictEqual(report.version, 1);
    assert.strictEqual(report.tool.name, 'opsnotes');
    const kinds = Object.fromEntries(report.files.map((f) => [f.path, f.kind]));
    assert.deepStrictEqual(
      {
        dockerfile: kinds['examples/app/Dockerfile'],
        compose: kinds['examples/docker-compose.yml'],
        override: kinds['examples/docker-compose.override.yml'],
        playbook: kinds['examples/ansible/site.yml'],
        tasks: kinds['examples/ansible/roles/web/tasks/main.yml'],
        handlers: kinds['examples/ansible/roles/web/handlers/main.yml'],
        cfg: kinds['examples/ansible/ansible.cfg'],
        inventory: kinds['examples/ansible/inventory/hosts.ini'],
        manifest: kinds['examples/k8s/deployment.yaml'],
        template: kinds['examples/charts/app/templates/tests/test-connection.yaml'],
        chart: kinds['examples/charts/app/Chart.yaml'],
        values: kinds['examples/charts/app/values.yaml'],
      },
      { dockerfile: 'dockerfile', compose: 'compose', override: 'compose', playbook: 'ansible-playbook', tasks: 'ansible-tasks', handlers: 'ansible-handlers', cfg: 'ansible-cfg', inventory: 'ansible-inventory', manifest: 'kubernetes', template: 'helm-template', chart: 'helm-chart', values: 'helm-values' },
    );
    assert.ok(!report.files.some((f) => /legacy|\.github|\.opsnotes/.test(f.path)), report.files.map((f) => f.path).join(', '));
    const docker = report.files.find((f) => f.path === 'examples/app/Dockerfile')!;
    const add = docker.findings.filter((f) => f.ruleId === 'dockerfile-add-instead-of-copy');
    assert.deepStrictEqual(
      add.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.severity, f.fixable, f.fixes[0].edits[0].newText, f.note?.line]),
      [
        [15, 1, 15, 4, 'warning', true, 'COPY', 22],
        [18, 1, 18, 4, 'warning', true, 'COPY', 22],
      ],
    );
    assert.deepStrictEqual(add[0].range, { start: { line: 14, character: 0 }, end: { line: 14, character: 3 } });
    for (const f of report.files.flatMap((x) => x.findings)) {
      assert.ok(f.ruleId && f.message && f.key && /^https:\/\//.test(f.docs), JSON.stringify(f));
      assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || f.endColumn >= f.column), JSON.stringify(f));
    }
    const all = report.files.flatMap((f) => f.findings);
    assert.strictEqual(report.summary.findings, all.length);
    assert.strictEqual(report.summary.fixable, all.filter((f) => f.fixable).length);
    assert.strictEqual(report.summary.files, report.files.length);
    assert.strictEqual(report.exitCode, 1);
    assert.deepStrictEqual(report.problems, []);
  });

  it('sarif: valid for sarif-multitool, rules from the registry, results with ruleIndex, %SRCROOT% locations and fixes', () => {
    const run = opsnotes(['lint', '--format', 'sarif', 'examples/']);
    assert.strictEqual(run.code, 1);
    const dir = tempDir();
    const file = path.join(dir, 'opsnotes.sarif');
    fs.writeFileSync(file, run.stdout);
    const v = spawnSync(sarifValidator(), ['validate', '--level', 'Error;Warning', file], { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
    assert.strictEqual(v.status, 0, v.stdout + v.stderr);
    assert.doesNotMatch(v.stdout, /\b(error|warning) (SARIF|JSON|ERR)\d*/, v.stdout);
    assert.match(v.stdout, /Analysis completed successfully/);

    const log = JSON.parse(run.stdout);
    assert.strictEqual(log.version, '2.1.0');
    const runs = log.runs[0];
    const rules = JSON.parse(opsnotes(['rules', '--format', 'json']).stdout) as { id: string; docs: string; key: string }[];
    assert.deepStrictEqual(runs.tool.driver.rules.map((r: { id: string }) => r.id), rules.map((r) => r.id));
    const addRule = runs.tool.driver.rules.find((r: { id: string }) => r.id === 'dockerfile-add-instead-of-copy');
    assert.strictEqual(addRule.helpUri, 'https://docs.docker.com/build/building/best-practices/#add-or-copy');
    assert.strictEqual(addRule.defaultConfiguration.level, 'warning');
    assert.strictEqual(addRule.properties.key, 'dockerfile.ADD');
    assert.match(addRule.help.text, /COPY/);
    for (const res of runs.results) assert.strictEqual(runs.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    const add = runs.results.find((r: { ruleId: string }) => r.ruleId === 'dockerfile-add-instead-of-copy');
    assert.deepStrictEqual(add.locations[0].physicalLocation, { artifactLocation: { uri: 'examples/app/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 15, startColumn: 1, endLine: 15, endColumn: 4 } });
    assert.deepStrictEqual(add.fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 15, startColumn: 1, endLine: 15, endColumn: 4 }, insertedContent: { text: 'COPY' } }]);
    assert.strictEqual(runs.originalUriBaseIds['%SRCROOT%'].uri, `file://${REPO}/`);
    const rooted = JSON.parse(opsnotes(['lint', '--format', 'sarif', '--sarif-root', 'examples', 'examples/app']).stdout);
    assert.strictEqual(rooted.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'app/Dockerfile');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--fix on a copy: no fixable finding left, unrelated files byte for byte, fixed files changed only on the fixed lines', () => {
    const dir = copyExamples();
    try {
      fs.chmodSync(path.join(dir, 'app', 'Dockerfile'), 0o640);
      const before = snapshot(dir);
      const { report: pre } = lintJson(['.'], { cwd: dir });
      const fixable = pre.files.filter((f) => f.findings.some((x) => x.fixable));
      assert.ok(fixable.some((f) => f.path === 'app/Dockerfile'));
      const fix = opsnotes(['lint', '--fix', '.'], { cwd: dir });
      assert.ok(fix.code === 0 || fix.code === 1, fix.stderr);
      assert.match(fix.stdout, /^problems fixed: \d+ \(files: \d+\)$/m);
      const { report: post } = lintJson(['.'], { cwd: dir });
      assert.deepStrictEqual(post.files.flatMap((f) => f.findings.filter((x) => x.fixable).map((x) => `${f.path}:${x.line} ${x.ruleId}`)), []);
      const after = snapshot(dir);
      assert.deepStrictEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no file created or left behind (temp files)');
      const fixedPaths = new Set(fixable.map((f) => f.path));
      for (const [rel, bytes] of before) {
        if (fixedPaths.has(rel)) continue;
        assert.ok(after.get(rel)!.equals(bytes), `${rel} must not change`);
      }
      for (const f of fixable) {
        assertOnlyLinesChanged(before.get(f.path)!.toString('utf8'), after.get(f.path)!.toString('utf8'), fixedLines(f.findings), f.path);
      }
      const dockerfile = after.get('app/Dockerfile')!.toString('utf8');
      assert.match(dockerfile, /^COPY requirements\.txt \/app\/$/m);
      assert.match(dockerfile, /^COPY \. \/app$/m);
      assert.strictEqual(fs.statSync(path.join(dir, 'app', 'Dockerfile')).mode & 0o777, 0o640, 'mode kept');
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('--fix-dry-run prints a diff patch(1) applies to get what --fix writes, and changes nothing', () => {
    const dir = copyExamples();
    const other = copyExamples();
    try {
      const before = snapshot(dir);
      const dry = opsnotes(['lint', '--fix-dry-run', '.'], { cwd: dir });
      assert.strictEqual(dry.code, 1, 'the exit code of lint: the files still have their findings');
      assert.match(dry.stdout, /^--- a\/app\/Dockerfile\n\+\+\+ b\/app\/Dockerfile\n@@ -\d+,\d+ \+\d+,\d+ @@$/m);
      assert.match(dry.stdout, /^-ADD requirements\.txt \/app\/$/m);
      assert.match(dry.stdout, /^\+COPY requirements\.txt \/app\/$/m);
      assert.match(dry.stderr, /^problems --fix would fix: \d+ \(files: \d+\)$/m);
      assert.deepStrictEqual(snapshot(dir), before);
      const p = spawnSync('patch', ['-p1', '-s', '--binary'], { cwd: dir, input: dry.stdout, encoding: 'utf8' });
      assert.strictEqual(p.status, 0, p.stdout + p.stderr);
      opsnotes(['lint', '--fix', '.'], { cwd: other });
      assert.deepStrictEqual(snapshot(dir), snapshot(other));
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
      fs.rmSync(path.dirname(other), { recursive: true, force: true });
    }
  });

  it('exit codes: --fail-on levels, a clean file, usage errors, a missing path next to a good one', () => {
    const dockerfile = 'examples/app/Dockerfile';
    assert.strictEqual(opsnotes(['lint', dockerfile]).code, 1);
    assert.strictEqual(opsnotes(['lint', '--fail-on', 'warning', dockerfile]).code, 1);
    assert.strictEqual(opsnotes(['lint', '--fail-on', 'hint', dockerfile]).code, 1);
    const errorOnly = lintJson(['--fail-on', 'error', dockerfile]);
    const hasError = errorOnly.report.files.some((f) => f.findings.some((x) => x.severity === 'error'));
    assert.strictEqual(errorOnly.run.code, hasError ? 1 : 0);
    assert.strictEqual(opsnotes(['lint', '--fail-on', 'none', dockerfile]).code, 0);
    assert.strictEqual(opsnotes(['lint', '--max-severity', 'none', dockerfile]).code, 0, '--max-severity is the same option');
    assert.strictEqual(opsnotes(['lint', '--max-severity', 'warning', dockerfile]).code, 1);
    const clean = opsnotes(['lint', 'examples/k8s/configmap.yaml']);
    assert.strictEqual(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /^files checked: 1, no problems$/m);
    for (const args of [['lint', '--frobnicate'], ['lint', '--format', 'xml', dockerfile], ['lint', '--fail-on', 'fatal', dockerfile], ['lint', '--fix', '--fix-dry-run', dockerfile], ['frob'], []]) {
      const r = opsnotes(args);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.ok(r.stderr.length > 0, `${args.join(' ')}: says why on stderr`);
    }
    const missing = opsnotes(['lint', 'examples/no-such-dir', dockerfile]);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /^examples\/no-such-dir: no such file or directory$/m);
    assert.match(missing.stdout, ADD_LINE, 'the run continues');
    assert.strictEqual(opsnotes(['--version']).stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    assert.match(opsnotes(['--help']).stdout, /opsnotes lint \[options\] \[paths…\]/);
  });

  it('stdin with --stdin-filename: lint, json, --fix to stdout; refused without a name or with bad bytes', () => {
    const text = 'FROM python:3.12-slim\nADD app.py /srv/\n';
    const r = opsnotes(['lint', '--stdin-filename', 'svc/Dockerfile', '-'], { input: text });
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /^svc\/Dockerfile:2:1 warning dockerfile-add-instead-of-copy /m);
    const { report } = lintJson(['--stdin-filename', 'Dockerfile'], { input: text });
    assert.strictEqual(report.files[0].findings.filter((f) => f.ruleId === 'dockerfile-add-instead-of-copy').length, 1);
    const fixed = opsnotes(['lint', '--fix', '--stdin-filename', 'Dockerfile', '-'], { input: '\uFEFFFROM a\r\nADD app.py /srv/\r\n' });
    assert.strictEqual(fixed.stdout, '\uFEFFFROM a\r\nCOPY app.py /srv/\r\n');
    assert.ok(!fixed.stderr.includes('dockerfile-add-instead-of-copy'), 'nothing of it left');
    const yaml = lintJson(['--stdin-filename', 'examples/k8s/new.yaml'], { input: fs.readFileSync(path.join(REPO, 'examples/k8s/configmap.yaml')) });
    assert.strictEqual(yaml.report.files[0].kind, 'kubernetes');
    const noName = opsnotes(['lint', '-'], { input: text });
    assert.strictEqual(noName.code, 2);
    assert.match(noName.stderr, /--stdin-filename/);
    const bad = opsnotes(['lint', '--stdin-filename', 'Dockerfile', '-'], { input: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0x0a]) });
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /^<stdin>: not valid UTF-8 \(first bad byte at offset 5\); skipped$/m);
  });
});

describe('cli: explain, notes, rules', function () {
  this.timeout(120_000);

  it('explain FILE:LINE[:COL] prints the hover: title and key, heading path, notes file:line, docs link', () => {
    const r = opsnotes(['explain', 'examples/app/Dockerfile:15']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ADD {2}\[dockerfile\.ADD\]$/m);
    assert.match(r.stdout, /^── Docker \(.*knowledge\/notes\/slurm-notes\.md:22\)$/m);
    assert.match(r.stdout, /^Documentation: https:\/\/docs\.docker\.com\/reference\/dockerfile\/#add$/m);
    const ru = opsnotes(['explain', '--language', 'ru', 'examples/app/Dockerfile:15:2']);
    assert.match(ru.stdout, /Разница между COPY и ADD - ADD может скопировать файлы из удаленного источника/);
    assert.match(ru.stdout, /^Документация: https:\/\/docs\.docker\.com\/reference\/dockerfile\/#add$/m);
    const nothing = opsnotes(['explain', 'examples/app/Dockerfile:2']);
    assert.strictEqual(nothing.code, 1);
    assert.strictEqual(nothing.stdout, '');
    assert.match(nothing.stderr, /^no notes for examples\/app\/Dockerfile:2$/m);
    assert.strictEqual(opsnotes(['explain', 'examples/app/Dockerfile:999']).code, 2);
    assert.strictEqual(opsnotes(['explain', 'examples/app/Dockerfile']).code, 2);
    assert.strictEqual(opsnotes(['explain', 'examples/nope/Dockerfile:1']).code, 2);
  });

  it('notes search / show / coverage', () => {
    const search = opsnotes(['notes', 'search', 'COPY', 'ADD']);
    assert.strictEqual(search.code, 0);
    assert.match(search.stdout, /^slurm-notes\.md:22 {2}Docker\n {4}The difference between COPY and ADD/m);
    const none = opsnotes(['notes', 'search', 'zzzqqq-nothing']);
    assert.strictEqual(none.code, 1);
    assert.match(none.stderr, /nothing found for "zzzqqq-nothing"/);
    const show = opsnotes(['notes', 'show', 'dockerfile.ADD']);
    assert.strictEqual(show.code, 0);
    assert.match(show.stdout, /^ADD {2}\[dockerfile\.ADD\] — Dockerfile · instruction$/m);
    assert.match(show.stdout, /^Documentation: https:\/\/docs\.docker\.com\/reference\/dockerfile\/#add$/m);
    assert.match(show.stdout, /slurm-notes\.md:22\)\nThe difference between COPY and ADD/);
    const json = JSON.parse(opsnotes(['notes', 'show', 'dockerfile.ADD', '--format', 'json']).stdout);
    assert.strictEqual(json.notes[0].line, 22);
    const unknown = opsnotes(['notes', 'show', 'dockerfile.NOPE']);
    assert.strictEqual(unknown.code, 1);
    assert.match(unknown.stderr, /^unknown key dockerfile\.NOPE$/m);
    const coverage = opsnotes(['notes', 'coverage']);
    assert.strictEqual(coverage.code, 0);
    const [first, second] = coverage.stdout.split('\n');
    assert.match(first, /^\d+ of \d+ note blocks are attached to a key \(\d+(\.\d)?%\); \d+ are not$/);
    assert.match(second, /^\d+ of \d+ vocabulary keys show no note$/);
    assert.match(coverage.stdout, /^\d+ keys show notes through related keys \(see:\) only$/m);
    assert.match(coverage.stdout, /^      why: /m, "unkeyed blocks show the reason from knowledge/coverage.yaml");
    const c = JSON.parse(opsnotes(['notes', 'coverage', '--format', 'json']).stdout);
    assert.strictEqual(c.keyedBlocks + c.unkeyedBlocks.length, c.totalBlocks);
    assert.ok(first.startsWith(`${c.keyedBlocks} of ${c.totalBlocks} `));
    assert.strictEqual(opsnotes(['notes', 'frob']).code, 2);
  });

  it('rules: text, json, and the markdown table for the README', () => {
    const rules = JSON.parse(opsnotes(['rules', '--format', 'json']).stdout) as { id: string; severity: string; fixSafety: string; key: string; docs: string }[];
    assert.ok(rules.length >= 1);
    for (const r of rules) assert.ok(/^[a-z0-9-]+$/.test(r.id) && r.key && /^https:\/\//.test(r.docs), JSON.stringify(r));
    const md = opsnotes(['rules', '--format', 'markdown']).stdout.trimEnd().split('\n');
    assert.strictEqual(md[0], '| Rule | Severity | Fix | Note key | What it checks |');
    assert.strictEqual(md[1], '| --- | --- | --- | --- | --- |');
    assert.strictEqual(md.length, rules.length + 2);
    assert.ok(md.includes('| [`dockerfile-add-instead-of-copy`](https://docs.docker.com/build/building/best-practices/#add-or-copy) | warning | safe (--fix) | `dockerfile.ADD` | ADD used to copy local files: use COPY |'));
    const text = opsnotes(['rules']);
    assert.match(text.stdout, /^dockerfile-add-instead-of-copy +warning +safe \(--fix\) +dockerfile\.ADD +https:\/\/docs\.docker\.com\/build\/building\/best-practices\/#add-or-copy\n {4}ADD used to copy local files: use COPY$/m);
  });
});

