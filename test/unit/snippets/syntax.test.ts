// TextMate snippet syntax as VS Code reads it: expansion with default values.
import * as assert from 'assert';
import { expandSnippet, parseSnippet, placeholderSpansLines } from '../../../server/src/snippets/syntax';

describe('snippet syntax', () => {
  const cases: [string, string, string][] = [
    ['placeholder with a default', 'name: ${1:app}', 'name: app'],
    ['bare tabstop mirrors the default', 'name: ${1:app}\nlabel: $1', 'name: app\nlabel: app'],
    ['braced tabstop mirrors the default', '${1:app}-${1}', 'app-app'],
    ['a mirror before its placeholder', '$1 then ${1:web}', 'web then web'],
    ['choice takes its first option', 'effect: ${2|NoSchedule,PreferNoSchedule,NoExecute|}', 'effect: NoSchedule'],
    ['choice with escaped comma and bar', '${1|a\\,b,c\\|d|}', 'a,b'],
    ['final tabstop is empty', 'x$0y', 'xy'],
    ['nested placeholders', '${1:image: ${2:nginx}:${3:1.27}}', 'image: nginx:1.27'],
    ['escaped dollar stays literal', 'apt-get install \\${BUILD_PACKAGES}', 'apt-get install ${BUILD_PACKAGES}'],
    ['escaped brace inside a default', '${1:a\\}b}', 'a}b'],
    ['escaped backslash', 'RUN a \\\\', 'RUN a \\'],
    ['a lone backslash before a line break is literal', 'RUN a \\\n    && b', 'RUN a \\\n    && b'],
    ['a dollar that starts nothing is literal', 'cost: 5$ and ${ x', 'cost: 5$ and ${ x'],
    ['braces outside placeholders are literal (Helm)', 'name: "{{ include "${1:chart}.fullname" . }}"', 'name: "{{ include "chart.fullname" . }}"'],
    ['variables expand to their default', '${TM_FILENAME:values.yaml} $UNSET', 'values.yaml '],
    ['unclosed placeholder is literal', '${1:abc', '${1:abc'],
  ];
  for (const [what, body, expected] of cases) {
    it(what, () => assert.strictEqual(expandSnippet(body), expected));
  }

  it('parses placeholders into nodes', () => {
    assert.deepStrictEqual(parseSnippet('a ${1:b} $2'), [
      { type: 'text', value: 'a ' },
      { type: 'tabstop', index: 1, children: [{ type: 'text', value: 'b' }] },
      { type: 'text', value: ' ' },
      { type: 'tabstop', index: 2, children: [] },
    ]);
  });

  it('tells placeholders that span lines', () => {
    assert.strictEqual(placeholderSpansLines(parseSnippet('a: ${1:x}\nb: $1')), false);
    assert.strictEqual(placeholderSpansLines(parseSnippet('a: ${1:x\ny}')), true);
  });
});
