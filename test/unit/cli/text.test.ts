import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unifiedDiff } from '../../../server/src/cli/diff';
import { parseTarget } from '../../../server/src/cli/explain';
import { problemsSummary, ruPlural } from '../../../server/src/cli/messages';
import { decodeText, firstInvalidUtf8 } from '../../../server/src/cli/read';
import { environmentLocale } from '../../../server/src/cli/sessions';
import { useColor } from '../../../server/src/cli/color';

describe('cli unified diff', () => {
  const cases: [string, string, string][] = [
    ['one line changed', 'FROM a\nADD x /x\nRUN b\n', 'FROM a\nCOPY x /x\nRUN b\n'],
    ['two hunks far apart', Array.from({ length: 30 }, (_, i) => `line ${i}\n`).join(''), Array.from({ length: 30 }, (_, i) => (i === 2 || i === 25 ? `changed ${i}\n` : `line ${i}\n`)).join('')],
    ['no final newline', 'a\nb', 'a\nc'],
    ['lines added and removed', 'a\nb\nc\nd\n', 'a\nx\ny\nc\n'],
    ['CRLF kept', 'FROM a\r\nADD x /x\r\n', 'FROM a\r\nCOPY x /x\r\n'],
  ];
  for (const [name, before, after] of cases) {
    it(`${name}: patch(1) turns the old text into the new one`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-diff-'));
      try {
        fs.writeFileSync(path.join(dir, 'f'), before);
        const d = unifiedDiff(before, after, 'f');
        assert.match(d, /^--- a\/f\n\+\+\+ b\/f\n@@ /);
        const r = spawnSync('patch', ['-p1', '--binary', '-s'], { cwd: dir, input: d });
        assert.strictEqual(r.status, 0, r.stderr.toString() + r.stdout.toString());
        assert.strictEqual(fs.readFileSync(path.join(dir, 'f'), 'utf8'), after);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('equal texts give no diff; hunk headers count like diff -u', () => {
    assert.strictEqual(unifiedDiff('a\n', 'a\n', 'f'), '');
    assert.strictEqual(unifiedDiff('FROM a\nADD x /x\n', 'FROM a\nCOPY x /x\n', 'Dockerfile'), '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM a\n-ADD x /x\n+COPY x /x\n');
  });
});

describe('cli input decoding', () => {
  it('keeps the BOM aside, refuses NUL bytes, UTF-16 and invalid UTF-8 with the offset', () => {
    const bom = decodeText(Buffer.from('\uFEFFFROM a\n', 'utf8'));
    assert.ok(bom.ok && bom.file.bom && bom.file.text === 'FROM a\n');
    const bin = decodeText(Buffer.from([0x46, 0x00, 0x41]));
    assert.ok(!bin.ok && /binary/.test(bin.reason.en));
    const utf16 = decodeText(Buffer.from('\uFEFFFROM a', 'utf16le'));
    assert.ok(!utf16.ok && /UTF-16/.test(utf16.reason.en));
    const bad = decodeText(Buffer.from([0x46, 0x52, 0xc3, 0x28]));
    assert.ok(!bad.ok);
    assert.strictEqual(bad.reason.en, 'not valid UTF-8 (first bad byte at offset 2); skipped');
    assert.match(bad.reason.ru, /смещении 2/);
  });

  it('firstInvalidUtf8: overlong forms, surrogates, truncated sequences', () => {
    assert.strictEqual(firstInvalidUtf8(Buffer.from('añ€😀', 'utf8')), Buffer.byteLength('añ€😀'));
    assert.strictEqual(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0xaf])), 1);
    assert.strictEqual(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0);
    assert.strictEqual(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe2, 0x82])), 2);
    assert.strictEqual(firstInvalidUtf8(Uint8Array.from([0xf5, 0x80, 0x80, 0x80])), 0);
  });
});

describe('cli small parts', () => {
  it('explain targets: FILE:LINE[:COL], paths with colons', () => {
    assert.deepStrictEqual(parseTarget('k8s/app.yaml:12'), { file: 'k8s/app.yaml', line: 12, column: undefined });
    assert.deepStrictEqual(parseTarget('a:b/Dockerfile:3:7'), { file: 'a:b/Dockerfile', line: 3, column: 7 });
    assert.throws(() => parseTarget('Dockerfile'), /FILE:LINE/);
    assert.throws(() => parseTarget('Dockerfile:0'), /start at 1/);
  });

  it('Russian plurals and summaries', () => {
    assert.deepStrictEqual([1, 2, 5, 11, 12, 21, 22, 25, 111, 104].map((n) => ruPlural(n, 'ошибка', 'ошибки', 'ошибок')), ['ошибка', 'ошибки', 'ошибок', 'ошибок', 'ошибок', 'ошибка', 'ошибки', 'ошибок', 'ошибок', 'ошибки']);
    const c = { total: 3, files: 2, error: 1, warning: 2, information: 0, hint: 0 };
    assert.strictEqual(problemsSummary(c, 'en'), '3 problems in 2 files: 1 error, 2 warnings');
    assert.strictEqual(problemsSummary(c, 'ru'), '3 проблемы в 2 файлах: 1 ошибка, 2 предупреждения');
    assert.strictEqual(problemsSummary({ ...c, total: 1, files: 1, error: 0, warning: 0, information: 1 }, 'ru'), '1 проблема в 1 файле: 1 замечание');
  });

  it('locale from LC_ALL > LC_MESSAGES > LANG, ru_RU.UTF-8 usable by resolveLanguage', () => {
    assert.strictEqual(environmentLocale({ LANG: 'ru_RU.UTF-8' }), 'ru-RU.UTF-8');
    assert.strictEqual(environmentLocale({ LANG: 'ru_RU.UTF-8', LC_ALL: 'en_US.UTF-8' }), 'en-US.UTF-8');
    assert.strictEqual(environmentLocale({ LC_MESSAGES: 'ru', LANG: 'en_US' }), 'ru');
    assert.strictEqual(environmentLocale({}), undefined);
  });

  it('colour: TTY without NO_COLOR; FORCE_COLOR and --color override', () => {
    assert.strictEqual(useColor({ isTTY: true }, 'auto', {}), true);
    assert.strictEqual(useColor({ isTTY: false }, 'auto', {}), false);
    assert.strictEqual(useColor({ isTTY: true }, 'auto', { NO_COLOR: '1' }), false);
    assert.strictEqual(useColor({ isTTY: true }, 'auto', { NO_COLOR: '' }), true);
    assert.strictEqual(useColor({ isTTY: true }, 'auto', { TERM: 'dumb' }), false);
    assert.strictEqual(useColor({ isTTY: false }, 'auto', { FORCE_COLOR: '1' }), true);
    assert.strictEqual(useColor({ isTTY: true }, 'never', {}), false);
    assert.strictEqual(useColor({ isTTY: false }, 'always', { NO_COLOR: '1' }), true);
  });
});
