// The shell tokenizer of RUN/CMD bodies: commands at separators, words with exact offsets.
import * as assert from 'assert';
import { effectiveWords, tokenizeShell } from '../../../server/src/documents/shell';

const words = (text: string, opts = {}) => tokenizeShell(text, opts).map((c) => [c.words.map((w) => w.value), c.separator]);

describe('tokenizeShell', () => {
  it('splits a chain at && || ; | & and keeps the separators', () => {
    assert.deepStrictEqual(words('a 1 && b || c; d | e & f'), [
      [['a', '1'], '&&'],
      [['b'], '||'],
      [['c'], ';'],
      [['d'], '|'],
      [['e'], '&'],
      [['f'], ''],
    ]);
  });

  it('gives offsets in the document when a base is given', () => {
    const text = 'RUN apt-get install -y curl';
    const [cmd] = tokenizeShell(text.slice(4), { base: 4 });
    assert.deepStrictEqual(
      cmd.words.map((w) => text.slice(w.start, w.end)),
      ['apt-get', 'install', '-y', 'curl'],
    );
    assert.strictEqual(cmd.start, 4);
    assert.strictEqual(cmd.end, text.length);
  });

  it('removes quotes and keeps $(...) and ${...} whole', () => {
    assert.deepStrictEqual(words(`echo "a b" 'c && d' $(cat x | wc -l) \${A:-b c}`), [[['echo', 'a b', 'c && d', '$(cat x | wc -l)', '${A:-b c}'], '']]);
    const [cmd] = tokenizeShell(`nginx -g 'daemon off;'`);
    assert.strictEqual(cmd.words[2].quoted, true);
  });

  it('joins continuation lines, LF and CRLF, and drops comment lines inside them', () => {
    assert.deepStrictEqual(words('apt-get install -y \\\n    curl \\\n# a comment && rm\n    git'), [[['apt-get', 'install', '-y', 'curl', 'git'], '']]);
    assert.deepStrictEqual(words('a \\\r\n && b'), [
      [['a'], '&&'],
      [['b'], ''],
    ]);
  });

  it('uses the backtick escape of `# escape=`', () => {
    assert.deepStrictEqual(words('a `\n && b', { escapeChar: '`' }), [
      [['a'], '&&'],
      [['b'], ''],
    ]);
  });

  it('ends commands at new lines without continuation (heredoc scripts)', () => {
    assert.deepStrictEqual(words('set -e\napt-get update\n', { continuations: false }), [
      [['set', '-e'], '\n'],
      [['apt-get', 'update'], '\n'],
    ]);
  });

  it('never throws on unbalanced quotes and groups', () => {
    for (const t of [`"abc`, `'abc`, '$(a', '${a', '`a', '(a', 'a)', '\\', '&&', ';;;', '|&']) assert.doesNotThrow(() => tokenizeShell(t));
  });
});

describe('effectiveWords', () => {
  it('skips sudo, env and VAR=value prefixes', () => {
    const [cmd] = tokenizeShell('sudo -E env DEBIAN_FRONTEND=noninteractive apt-get install -y x');
    assert.deepStrictEqual(
      effectiveWords(cmd).map((w) => w.value),
      ['apt-get', 'install', '-y', 'x'],
    );
  });
});
