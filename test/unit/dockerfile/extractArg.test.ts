// The "extract the package list to ARG BUILD_PACKAGES" refactoring: exact resulting text.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { refactorings } from '../../../server/src/rules/refactorings';
import { applyEdits } from '../../../server/src/util/text';

function run(text: string, cursor: string) {
  const doc = new OpsDocument({ uri: 'file:///w/Dockerfile', path: '/w/Dockerfile', text, languageId: 'dockerfile' });
  const offset = text.indexOf(cursor);
  assert.ok(offset >= 0, cursor);
  return { doc, fixes: refactorings(doc, offset, offset) };
}

describe('extract the package list to ARG', () => {
  it('puts the list after the stage FROM and uses the variable', () => {
    const text = 'FROM alpine:3.20\nWORKDIR /app\nRUN apk add --no-cache nginx nodejs dcron tzdata postgresql-dev\nCMD ["sh"]\n';
    const { doc, fixes } = run(text, 'nodejs');
    assert.strictEqual(fixes.length, 1);
    assert.deepStrictEqual(fixes[0].title, { en: 'Extract the package list to ARG BUILD_PACKAGES', ru: 'Вынести список пакетов в ARG BUILD_PACKAGES' });
    assert.strictEqual(fixes[0].safety, 'suggestion');
    assert.strictEqual(
      applyEdits(text, fixes[0].edits),
      'FROM alpine:3.20\nARG BUILD_PACKAGES="nginx nodejs dcron tzdata postgresql-dev"\nWORKDIR /app\nRUN apk add --no-cache ${BUILD_PACKAGES}\nCMD ["sh"]\n',
    );
    assert.ok(doc);
  });

  it('handles a list over continuation lines in the second stage, CRLF and lowercase kept', () => {
    const text = 'from golang:1.22 as build\r\nrun go build ./...\r\n\r\nfrom debian:bookworm-slim\r\nrun apt-get update && apt-get install -y --no-install-recommends \\\r\n      ca-certificates \\\r\n      curl \\\r\n      git \\\r\n      tini \\\r\n && rm -rf /var/lib/apt/lists/*\r\n';
    const { fixes } = run(text, 'apt-get install');
    assert.strictEqual(
      applyEdits(text, fixes[0].edits),
      'from golang:1.22 as build\r\nrun go build ./...\r\n\r\nfrom debian:bookworm-slim\r\narg BUILD_PACKAGES="ca-certificates curl git tini"\r\nrun apt-get update && apt-get install -y --no-install-recommends \\\r\n      ${BUILD_PACKAGES} \\\r\n && rm -rf /var/lib/apt/lists/*\r\n',
    );
  });

  it('picks a free name when BUILD_PACKAGES exists', () => {
    const text = 'FROM debian\nARG BUILD_PACKAGES="gcc"\nRUN apt-get install -y a b c d\n';
    const { fixes } = run(text, 'a b c d');
    assert.strictEqual(applyEdits(text, fixes[0].edits), 'FROM debian\nARG BUILD_PACKAGES_2="a b c d"\nARG BUILD_PACKAGES="gcc"\nRUN apt-get install -y ${BUILD_PACKAGES_2}\n');
  });

  it('offers nothing for short lists, variables, comments in the list, or other commands', () => {
    assert.deepStrictEqual(run('FROM debian\nRUN apt-get install -y a b c\n', 'a b c').fixes, []);
    assert.deepStrictEqual(run('FROM debian\nRUN apt-get install -y $PKGS a b c\n', 'a b c').fixes, []);
    assert.deepStrictEqual(run('FROM debian\nRUN apt-get install -y a b \\\n# c is optional\n  c d\n', 'a b').fixes, []);
    assert.deepStrictEqual(run('FROM node\nRUN npm install a b c d\n', 'a b c d').fixes, []);
    assert.deepStrictEqual(run('FROM debian\nRUN apt-get install -y a b c d\nCMD ["x"]\n', 'CMD').fixes, []);
  });
});
