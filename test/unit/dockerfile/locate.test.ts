// Dockerfile locator: the exact candidate chain (value -> field -> parent -> kind) and the hover
// range for each kind of position, and no exception at any offset of any text.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { locateDockerfile } from '../../../server/src/locate/dockerfile';

function doc(text: string) {
  return new OpsDocument({ uri: 'file:///w/Dockerfile', path: '/w/Dockerfile', text, languageId: 'dockerfile' });
}
function at(text: string, needle: string) {
  const bar = needle.indexOf('|');
  const offset = text.indexOf(needle.replace('|', '')) + bar;
  const l = locateDockerfile(doc(text), offset);
  return l && { keys: l.keys, token: text.slice(l.start, l.end) };
}

const FILE = `# syntax=docker/dockerfile:1
FROM python:3.12-slim AS base
RUN --mount=type=cache,target=/root/.cache pip install --no-cache-dir -r requirements.txt
RUN apt-get update && apt-get install -y \\
      gcc \\
 && rm -rf /var/lib/apt/lists/*
COPY --from=base --chown=app:app . /app
CMD ["sh", "-c", "service nginx start && tail -f /dev/null"]
`;

describe('locateDockerfile', () => {
  it('goes from a flag value to the command to the instruction', () => {
    assert.deepStrictEqual(at(FILE, '--no-cache-|dir'), { keys: ['dockerfile.run.pip.no-cache', 'dockerfile.run.pip.install', 'dockerfile.RUN'], token: '--no-cache-dir' });
  });

  it('covers the command words as one token', () => {
    assert.deepStrictEqual(at(FILE, 'apt-get ins|tall'), { keys: ['dockerfile.run.apt-get.install', 'dockerfile.run.apt-get', 'dockerfile.RUN'], token: 'apt-get install' });
    assert.deepStrictEqual(at(FILE, 'rm -rf /var/li|b'), { keys: ['dockerfile.run.apt-get.lists', 'dockerfile.RUN'], token: 'rm -rf /var/lib/apt/lists/*' });
  });

  it('reads packages on continuation lines', () => {
    assert.deepStrictEqual(at(FILE, 'g|cc'), { keys: ['dockerfile.practice.no-dev-packages', 'dockerfile.run.apt-get.install', 'dockerfile.run.apt-get', 'dockerfile.RUN'], token: 'gcc' });
  });

  it('knows the flags the notes speak about', () => {
    assert.deepStrictEqual(at(FILE, '--mount=type=ca|che'), { keys: ['dockerfile.RUN.--mount', 'dockerfile.RUN'], token: '--mount=type=cache,target=/root/.cache' });
    assert.deepStrictEqual(at(FILE, '--fr|om=base'), { keys: ['dockerfile.COPY.--from', 'dockerfile.COPY'], token: '--from=base' });
    assert.deepStrictEqual(at(FILE, '--cho|wn'), { keys: ['dockerfile.COPY.--chown', 'dockerfile.COPY'], token: '--chown=app:app' });
  });

  it('reads the script of sh -c in exec form', () => {
    assert.deepStrictEqual(at(FILE, 'service ng|inx'), { keys: ['docker.foreground', 'dockerfile.CMD'], token: 'service nginx start' });
  });

  it('gives nothing on comments, directives, image names and blanks', () => {
    assert.strictEqual(at(FILE, '# syn|tax'), undefined);
    assert.strictEqual(at(FILE, 'FROM pyth|on'), undefined);
    assert.strictEqual(at(FILE, 'update &|& apt-get'), undefined, 'a separator is no token');
    assert.deepStrictEqual(at(FILE, 'AS ba|se'), { keys: ['dockerfile.FROM.AS', 'dockerfile.FROM'], token: 'base' });
  });

  it('never throws at any offset of odd texts', () => {
    const texts = [
      '',
      '\ufeff',
      'FROM',
      'RUN <<EOF\n',
      'RUN <<EOF\napt-get install -y x\n',
      'CMD ["a", ',
      'CMD ["sh", "-c", "a \\" b"]',
      '# escape=`\nRUN a `\n`\n',
      'RUN \\\n\\\n\\',
      'COPY',
      'ARG',
      'ENV =',
      'FROM a AS',
      'onbuild run apt-get install -y x',
      '\u0000\u0001RUN\u0002 apt-get\u0003',
      'RUN apt-get install -y $(\n',
      'HEALTHCHECK CMD',
      'RUN --mount=type=cache',
    ];
    for (const t of texts) {
      const d = doc(t);
      for (let i = -1; i <= t.length + 1; i++) assert.doesNotThrow(() => locateDockerfile(d, i), `${JSON.stringify(t)} at ${i}`);
    }
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = 'FROM RUN CMD COPY ADD ARG ENV [ ] " \' \\ \n \r\n & | ; < > $ ( ) { } # = - apt-get install pip apk add nginx';
    const parts = alphabet.split(' ');
    for (let n = 0; n < 200; n++) {
      let t = '';
      for (let k = 0; k < 40; k++) t += parts[Math.floor(rnd() * parts.length)] + (rnd() < 0.5 ? ' ' : '');
      const d = doc(t);
      for (let i = 0; i <= t.length; i += 3) assert.doesNotThrow(() => locateDockerfile(d, i), JSON.stringify(t));
    }
  });
});
