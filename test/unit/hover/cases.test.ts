// Every hover case (test/fixtures/hover/*.cases.yaml) in both display languages, and the
// check that no positional vocabulary key is dead (some case reaches it).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { computeHover, hoverMarkdown } from '../../../server/src/features/hover';
import { loadKnowledge } from '../../../server/src/knowledge/load';
import { POSITIONAL_KINDS } from '../../../server/src/knowledge/vocabulary';
import { cursorOffset, loadHoverCases } from '../../helpers/hoverCases';
import { FIXTURES, fixtureDocument } from '../../helpers/ruleFixtures';

describe('hover cases', () => {
  const { kb } = loadKnowledge({ bundled: true });
  const cases = loadHoverCases();
  const reached = new Set<string>();
  const texts = new Map<string, string>();
  const read = (f: string) => {
    if (!texts.has(f)) texts.set(f, fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
    return texts.get(f)!;
  };

  for (const c of cases) {
    it(`${c.source}: ${c.file} ${JSON.stringify(c.at)}${c.none ? ' (none)' : ` -> ${c.key}`}`, () => {
      const text = read(c.file);
      const doc = fixtureDocument(path.join(FIXTURES, c.file), text);
      const offset = cursorOffset(text, c);
      const ru = computeHover(doc, offset, kb, 'ru');
      if (c.none) {
        assert.strictEqual(ru, undefined, `no hover expected, got keys ${ru?.keys.join(', ')}`);
        return;
      }
      assert.ok(ru, `a hover at ${c.at}`);
      assert.strictEqual(ru.entry?.key, c.key, `resolved key (candidates: ${ru.keys.join(', ')})`);
      reached.add(c.key!);
      assert.ok(offset >= ru.start && offset <= ru.end, 'the hover range holds the cursor');
      const ruText = hoverMarkdown(ru, 'ru', 'file');
      if (c.ru) assert.ok(ruText.includes(c.ru), `ru hover has "${c.ru}":\n${ruText}`);
      const en = computeHover(doc, offset, kb, 'en')!;
      const enText = hoverMarkdown(en, 'en', 'file');
      if (c.en) assert.ok(enText.includes(c.en), `en hover has "${c.en}":\n${enText}`);
    });
  }

  it('reaches every positional vocabulary key from some case (no dead keys)', function () {
    const positional = [...kb.vocabulary.values()].filter((e) => POSITIONAL_KINDS.has(e.kind)).map((e) => e.key);
    const dead = positional.filter((k) => !reached.has(k));
    assert.deepStrictEqual(dead, [], `keys no hover case reaches`);
  });
});
