// The Dockerfile model: instructions with offsets, stages, RUN commands per chain element,
// heredocs, exec form with offsets, parser directives, CRLF, BOM, and text that is not a
// Dockerfile at all.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { baseImage, scanExecForm, shippedStages } from '../../../server/src/documents/dockerfile';

function model(text: string) {
  return new OpsDocument({ uri: 'file:///w/Dockerfile', path: '/w/Dockerfile', text, languageId: 'dockerfile' }).dockerfile;
}
const cmds = (text: string, i: number) => (model(text).instructions[i].commands ?? []).map((c) => c.words.map((w) => w.value).join(' '));

describe('Dockerfile model', () => {
  it('reads lowercase instructions and continuation lines', () => {
    const text = 'from alpine\nrun apk add \\\n    curl \\\n && echo ok\n';
    const m = model(text);
    assert.deepStrictEqual(
      m.instructions.map((i) => i.keyword),
      ['FROM', 'RUN'],
    );
    assert.deepStrictEqual(cmds(text, 1), ['apk add curl', 'echo ok']);
    assert.strictEqual(text.slice(m.instructions[1].keywordStart, m.instructions[1].keywordEnd), 'run');
  });

  it('splits a heredoc RUN script into its lines and skips file heredocs', () => {
    const text = 'FROM debian\nRUN <<EOF\nset -e\napt-get update\nEOF\nRUN cat <<EOF > /etc/x\napt-get install nothing\nEOF\n';
    assert.deepStrictEqual(cmds(text, 1), ['<<EOF', 'set -e', 'apt-get update']);
    assert.deepStrictEqual(cmds(text, 2), ['cat <<EOF > /etc/x']);
  });

  it('reads exec form with the offsets of each JSON string', () => {
    const text = 'CMD ["nginx", "-g", "daemon off;"]';
    const ins = model(text).instructions[0];
    assert.deepStrictEqual(ins.execForm, ['nginx', '-g', 'daemon off;']);
    assert.deepStrictEqual(
      ins.execWords!.map((w) => text.slice(w.start, w.end)),
      ['"nginx"', '"-g"', '"daemon off;"'],
    );
    assert.strictEqual(ins.commands, undefined);
  });

  it('treats invalid JSON as shell form, like Docker', () => {
    for (const args of [`['a', 'b']`, '["a",]', '["a"] b', '["a\\q"]']) {
      const ins = model(`CMD ${args}`).instructions[0];
      assert.strictEqual(ins.execForm, undefined, args);
      assert.ok(ins.commands, args);
    }
    assert.deepStrictEqual(
      scanExecForm('["a\\"b", "\\u0041"]', 0, 18)?.map((w) => [w.value, w.escaped]),
      [
        ['a"b', true],
        ['A', true],
      ],
    );
  });

  it('follows the escape parser directive', () => {
    const text = '# escape=`\nFROM windows\nRUN a `\n && b\n';
    const m = model(text);
    assert.strictEqual(m.escapeChar, '`');
    assert.deepStrictEqual(cmds(text, 1), ['a', 'b']);
  });

  it('keeps offsets with CRLF line ends and a byte-order mark', () => {
    const text = '\ufeffFROM alpine\r\nRUN apk add \\\r\n  curl\r\n';
    const m = model(text);
    const run = m.instructions[1];
    assert.strictEqual(text.slice(run.keywordStart, run.keywordEnd), 'RUN');
    assert.deepStrictEqual(
      run.commands![0].words.map((w) => text.slice(w.start, w.end)),
      ['apk', 'add', 'curl'],
    );
  });

  it('knows which stages ship and what they are built on', () => {
    const m = model('FROM golang AS build\nRUN x\nFROM debian AS base\nFROM base AS final\nRUN y\n');
    assert.deepStrictEqual([...shippedStages(m)].sort(), [1, 2]);
    assert.strictEqual(baseImage(m, m.stages[2]), 'debian');
  });

  it('never throws: empty text, comments only, garbage', () => {
    for (const text of ['', '\n\n', '# only a comment', '\u0000\u0001\u0002', 'RUN', 'FROM', 'CMD [', 'RUN <<EOF', '\\\n\\\n', 'ＦＲＯＭ ☃', '\ud800']) {
      assert.doesNotThrow(() => model(text), JSON.stringify(text));
    }
  });
});
