// Compose rules beyond the fixtures: the version fix's blank-line handling (annotations cannot
// sit between the line and a blank line), the Dockerfile a service builds as a source of its
// HEALTHCHECK, and a throwing-free run on hostile input.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { runRules } from '../../../server/src/rules/engine';
import { composeRules } from '../../../server/src/rules/compose';
import { WorkspaceView } from '../../../server/src/rules/workspace';
import { applyEdits } from '../../../server/src/util/text';

function lint(path: string, text: string, workspace?: WorkspaceView) {
  const doc = new OpsDocument({ uri: 'file://' + path, text });
  const problems: string[] = [];
  const findings = runRules(doc, composeRules, { workspace, onRuleProblem: (id, p) => problems.push(`${id}: ${p}`) });
  assert.deepStrictEqual(problems, []);
  return { doc, findings };
}

function fixed(path: string, text: string): string {
  const { findings } = lint(path, text);
  const f = findings.find((x) => x.ruleId === 'compose-version-obsolete');
  assert.ok(f, 'a version finding');
  return applyEdits(text, f.fixes()[0].edits);
}

describe('compose rules (unit)', () => {
  it('version fix removes the line and the blank line it leaves at the top', () => {
    assert.strictEqual(fixed('/a/compose.yaml', 'version: "3.8"\n\nservices:\n  a:\n    image: x\n'), 'services:\n  a:\n    image: x\n');
  });

  it('version fix keeps one blank line between comments and services', () => {
    assert.strictEqual(fixed('/a/compose.yaml', '# app\n\nversion: "3"\n\nservices:\n  a:\n    image: x\n'), '# app\n\nservices:\n  a:\n    image: x\n');
    assert.strictEqual(fixed('/a/compose.yaml', '# app\nversion: "3"\n\nservices:\n  a:\n    image: x\n'), '# app\n\nservices:\n  a:\n    image: x\n');
  });

  it('version fix on the last line without a line break, and in CRLF files', () => {
    assert.strictEqual(fixed('/a/compose.yaml', 'services:\n  a:\n    image: x\nversion: "3"'), 'services:\n  a:\n    image: x');
    assert.strictEqual(fixed('/a/compose.yaml', 'version: "3"\r\n\r\nservices:\r\n  a:\r\n    image: x\r\n'), 'services:\r\n  a:\r\n    image: x\r\n');
  });

  it('no version fix when version shares its line with other keys', () => {
    const { findings } = lint('/a/compose.yaml', '{version: "3", services: {a: {image: x}}}\n');
    const f = findings.find((x) => x.ruleId === 'compose-version-obsolete');
    assert.ok(f);
    assert.deepStrictEqual(f.fixes(), []);
  });

  const built = 'services:\n  web:\n    image: web\n    depends_on:\n      api:\n        condition: service_healthy\n  api:\n    build:\n      context: ./api\n';
  const workspace = (dockerfile: string): WorkspaceView => ({
    documents: () => [new OpsDocument({ uri: 'file:///repo/api/Dockerfile', text: dockerfile, languageId: 'dockerfile' })],
  });

  it('a HEALTHCHECK in the Dockerfile the dependency builds counts as its healthcheck', () => {
    const { findings } = lint('/repo/compose.yaml', built, workspace('FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n'));
    assert.deepStrictEqual(findings.map((f) => f.ruleId), []);
  });

  it('a Dockerfile without HEALTHCHECK (or with HEALTHCHECK NONE) does not', () => {
    for (const df of ['FROM python:3.12\nCMD ["app"]\n', 'FROM python:3.12\nHEALTHCHECK NONE\n']) {
      const { findings } = lint('/repo/compose.yaml', built, workspace(df));
      assert.deepStrictEqual(findings.map((f) => f.ruleId), ['compose-service-healthy-without-healthcheck']);
    }
  });

  it('a healthcheck in a sibling Compose file counts; one in another folder does not', () => {
    const base = (p: string): WorkspaceView => ({
      documents: () => [new OpsDocument({ uri: 'file://' + p, text: 'services:\n  db:\n    image: postgres\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n' })],
    });
    const text = 'services:\n  web:\n    image: web\n    depends_on: [db]\n  db:\n    image: postgres\n';
    assert.deepStrictEqual(lint('/repo/compose.yaml', text, base('/repo/compose.override.yaml')).findings.map((f) => f.ruleId), []);
    assert.deepStrictEqual(lint('/repo/compose.yaml', text, base('/other/compose.yaml')).findings.map((f) => f.ruleId), ['compose-dependency-without-healthcheck']);
  });

  it('the healthcheck fix follows a 4-space file and keeps a file without a final line break', () => {
    const text = 'services:\n    web:\n        image: web\n        depends_on: [db]\n    db:\n        image: redis:7';
    const { findings } = lint('/a/compose.yaml', text);
    const f = findings.find((x) => x.ruleId === 'compose-dependency-without-healthcheck');
    assert.ok(f);
    assert.strictEqual(
      applyEdits(text, f.fixes()[0].edits),
      'services:\n    web:\n        image: web\n        depends_on: [db]\n    db:\n        image: redis:7\n        healthcheck:\n            test: ["CMD", "redis-cli", "ping"]\n            interval: 10s\n            timeout: 5s\n            retries: 5',
    );
  });

  it('no fix for a service written as a flow map', () => {
    const { findings } = lint('/a/compose.yaml', 'services:\n  web:\n    image: web\n    depends_on: [db]\n  db: {image: postgres}\n');
    const f = findings.find((x) => x.ruleId === 'compose-dependency-without-healthcheck');
    assert.ok(f);
    assert.deepStrictEqual(f.fixes(), []);
  });

  it('survives hostile input: alias loops, deep nesting, broken YAML', () => {
    const inputs = [
      'x-a: &a\n  <<: *a\nservices:\n  s:\n    <<: *a\n    depends_on: [t]\n  t:\n    <<: *a\n',
      'services:\n  s:\n    image: x\n    healthcheck: ' + '['.repeat(300) + ']'.repeat(300) + '\n',
      'services:\n  s:\n    image: x\n    depends_on:\n      t:\n        condition: [service_healthy\n  t:\n\timage: y\n',
      'services:\n  s:\n    extends: s\n    depends_on: [s]\n',
    ];
    for (const text of inputs) lint('/a/docker-compose.yml', text);
  });
});
