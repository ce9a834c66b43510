// What RUN commands mean: package managers, dependency installers, the notes' shell idioms.
import * as assert from 'assert';
import { analyzeCommand, dependencyStep, isDevPackage, isSetEx, linksToStdio, removesAptLists } from '../../../server/src/documents/dockerCommands';
import { tokenizeShell } from '../../../server/src/documents/shell';

const info = (text: string) => analyzeCommand(tokenizeShell(text)[0]);

describe('analyzeCommand', () => {
  it('reads apt-get with options before the subcommand and option values', () => {
    const i = info('apt-get -o Dpkg::Options::=--force-confold -y install --no-install-recommends curl git');
    assert.strictEqual(i.tool, 'apt-get');
    assert.strictEqual(i.sub, 'install');
    assert.deepStrictEqual(
      i.operands.map((w) => w.value),
      ['curl', 'git'],
    );
    assert.deepStrictEqual(
      i.head.map((w) => w.value),
      ['apt-get', 'install'],
    );
  });

  it('reads pip, pip3.12 and python -m pip', () => {
    assert.strictEqual(info('pip3.12 install x').tool, 'pip');
    const i = info('python3 -m pip --no-cache-dir install -r requirements.txt');
    assert.strictEqual(i.sub, 'install');
    assert.deepStrictEqual(
      i.head.map((w) => w.value),
      ['python3', '-m', 'pip', 'install'],
    );
    assert.deepStrictEqual(dependencyStep(i)?.manifests, ['requirements.txt']);
    assert.strictEqual(info('uv pip install x').tool, undefined);
  });

  it('keeps apk --virtual names out of the packages', () => {
    const i = info('apk add --no-cache --virtual .build-deps gcc musl-dev');
    assert.deepStrictEqual(
      i.operands.map((w) => w.value),
      ['gcc', 'musl-dev'],
    );
  });

  it('finds dependency installs from manifests, not package installs', () => {
    assert.deepStrictEqual(dependencyStep(info('npm ci --omit=dev'))?.manifests, ['package.json', 'package-lock.json']);
    assert.strictEqual(dependencyStep(info('npm install express')), undefined);
    assert.deepStrictEqual(dependencyStep(info('go mod download'))?.manifests, ['go.mod', 'go.sum']);
    assert.deepStrictEqual(dependencyStep(info('yarn'))?.manifests, ['package.json', 'yarn.lock']);
    assert.strictEqual(dependencyStep(info('poetry install')), undefined, 'poetry installs the project too without --no-root');
    assert.strictEqual(dependencyStep(info('pip install .')), undefined);
  });

  it('recognises the notes idioms', () => {
    assert.ok(isSetEx(info('set -eux')));
    assert.ok(!isSetEx(info('set -o pipefail')));
    assert.strictEqual(linksToStdio(info('ln -sf /dev/stdout /var/log/nginx/access.log')), 'stdout');
    assert.strictEqual(linksToStdio(info('ln -s /proc/self/fd/2 /var/log/app.err')), 'stderr');
    assert.strictEqual(linksToStdio(info('cp /dev/stdout x')), undefined);
    assert.ok(removesAptLists(info('rm -rf /var/lib/apt/lists/* /tmp/*')));
  });

  it('tells build tools and headers from runtime packages', () => {
    for (const p of ['build-essential', 'gcc', 'g++', 'make', 'libpq-dev', 'python3-devel', 'musl-dev', 'linux-headers', 'gcc-12', 'libssl-dev=3.0.11-1']) assert.ok(isDevPackage(p), p);
    for (const p of ['libpq5', 'cmake-data', 'devscripts', 'libdevmapper1.02.1', 'makedepend', 'gcc-12-base-doc']) assert.ok(!isDevPackage(p), p);
  });
});
