// The Compose model: file roles, durations, anchors and merges, dependencies, image names.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { composeFileRole, composeModel, dependenciesOf, fieldOf, healthcheckState, isComposeDuration } from '../../../server/src/documents/compose';
import { scalarString } from '../../../server/src/documents/yaml';
import { imageRepository } from '../../../server/src/rules/compose/_healthcheck';

function model(text: string) {
  const doc = new OpsDocument({ uri: 'file:///a/compose.yaml', text });
  const m = composeModel(doc);
  assert.ok(m, 'a compose model');
  return m;
}

describe('compose model', () => {
  it('file roles by name', () => {
    assert.strictEqual(composeFileRole('/a/docker-compose.override.yml'), 'override');
    assert.strictEqual(composeFileRole('/a/compose.override.yaml'), 'override');
    assert.strictEqual(composeFileRole('/a/docker-compose.test.yml'), 'test');
    assert.strictEqual(composeFileRole('/a/compose.test.yaml'), 'test');
    assert.strictEqual(composeFileRole('/a/docker-compose.yml'), undefined);
    assert.strictEqual(composeFileRole('/a/docker-compose.dev.override.yml'), undefined);
  });

  it('Compose durations (Go syntax), no bare numbers', () => {
    for (const ok of ['10s', '1m30s', '1h5m30s20ms', '500ms', '1.5s', '0', '0s', '100us', '2h', '-1s']) assert.ok(isComposeDuration(ok), ok);
    for (const bad of ['30', '10sec', '10S', '1m30', '5 s', '', 's', '1d', '.s', '1..5s', '1.5.5s']) assert.ok(!isComposeDuration(bad), bad);
  });

  it('reads fields through merge keys (own entries win, earlier sources first) and same-file extends', () => {
    const m = model(
      [
        'x-a: &a',
        '  restart: always',
        '  logging: {driver: journald}',
        'x-b: &b',
        '  restart: "no"',
        '  user: app',
        'services:',
        '  base:',
        '    image: postgres:16',
        '    healthcheck:',
        '      test: ["CMD-SHELL", "pg_isready"]',
        '  web:',
        '    <<: [*a, *b]',
        '    image: nginx',
        '  db:',
        '    extends: base',
        '  remote:',
        '    extends: {file: other.yml, service: x}',
        '',
      ].join('\n'),
    );
    const web = m.services.get('web')!.node;
    const restart = fieldOf(m, web, 'restart');
    assert.ok(restart && restart !== 'unknown');
    assert.strictEqual(scalarString(restart.value), 'always');
    const user = fieldOf(m, web, 'user');
    assert.ok(user && user !== 'unknown' && scalarString(user.value) === 'app');
    assert.strictEqual(healthcheckState(m, m.services.get('db')!.node), 'present');
    assert.strictEqual(healthcheckState(m, m.services.get('remote')!.node), 'unknown');
    assert.strictEqual(healthcheckState(m, web), 'absent');
  });

  it('dependencies in both syntaxes, conditions read', () => {
    const m = model('services:\n  a:\n    image: x\n    depends_on: [b, c]\n  b:\n    image: x\n    depends_on:\n      c:\n        condition: service_healthy\n  c:\n    image: x\n');
    assert.deepStrictEqual(
      dependenciesOf(m, m.services.get('a')!.node).map((d) => [d.name, d.condition]),
      [
        ['b', undefined],
        ['c', undefined],
      ],
    );
    assert.deepStrictEqual(
      dependenciesOf(m, m.services.get('b')!.node).map((d) => [d.name, d.condition]),
      [['c', 'service_healthy']],
    );
  });

  it('healthcheck states: disabled by disable: true or NONE', () => {
    const m = model('services:\n  a:\n    image: x\n    healthcheck:\n      disable: true\n  b:\n    image: x\n    healthcheck:\n      test: ["NONE"]\n  c:\n    image: x\n    healthcheck:\n      interval: 5s\n');
    assert.strictEqual(healthcheckState(m, m.services.get('a')!.node), 'disabled');
    assert.strictEqual(healthcheckState(m, m.services.get('b')!.node), 'disabled');
    assert.strictEqual(healthcheckState(m, m.services.get('c')!.node), 'present');
  });

  it('records where an anchor is used, for x- fields', () => {
    const m = model('x-log: &log\n  driver: journald\nservices:\n  a:\n    image: x\n    logging: *log\n');
    const xlog = m.root.items[0].value as never;
    assert.deepStrictEqual(
      m.usage(xlog)?.map((s) => s.key),
      ['services', 'a', 'logging'],
    );
  });

  it('image repositories without registry, tag and digest', () => {
    assert.strictEqual(imageRepository('postgres:16-alpine'), 'postgres');
    assert.strictEqual(imageRepository('docker.io/library/redis:7'), 'library/redis');
    assert.strictEqual(imageRepository('registry.example.com:5000/team/mariadb@sha256:abc'), 'team/mariadb');
    assert.strictEqual(imageRepository('localhost/mongo'), 'mongo');
    assert.strictEqual(imageRepository('bitnami/postgresql:16'), 'bitnami/postgresql');
  });
});
