// Every rule is well formed (ESLint Makefile.js#checkRuleFiles, kube-linter built_in_checks_test):
// id = file name, kebab-case with its family prefix; messages and description in both
// languages; knowledge key in the vocabulary; https docs; fixtures with a positive and a
// negative case.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadKnowledge } from '../../../server/src/knowledge/load';
import { RULES } from '../../../server/src/rules/registry';
import { parseAnnotations, RULE_FIXTURES, walk } from '../../helpers/ruleFixtures';

const RULES_DIR = path.join(__dirname, '..', '..', '..', 'server', 'src', 'rules');

describe('rule registry', () => {
  const { kb } = loadKnowledge({ bundled: true });

  it('is sorted by id and has no duplicates', () => {
    const ids = RULES.map((r) => r.id);
    assert.deepStrictEqual(ids, [...ids].sort());
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  it('lists every rule file', () => {
    const files = fs
      .readdirSync(RULES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(RULES_DIR, d.name)).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_')).map((f) => f.replace(/\.ts$/, '')));
    assert.deepStrictEqual(files.sort(), RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('is well formed', () => {
        const file = path.join(RULES_DIR, rule.family, `${rule.id}.ts`);
        assert.ok(fs.existsSync(file), `${rule.id} lives in rules/${rule.family}/${rule.id}.ts`);
        assert.match(rule.id, new RegExp(`^${rule.family}-[a-z0-9]+(-[a-z0-9]+)*$`));
        assert.match(rule.docs, /^https:\/\//);
        assert.ok(rule.description.en && rule.description.ru, 'description in both languages');
        assert.ok(Object.keys(rule.messages).length > 0);
        for (const [id, m] of Object.entries(rule.messages)) {
          assert.ok(m.en && m.ru, `${id} has en and ru`);
          assert.strictEqual(typeof m.en, typeof m.ru, `${id}: en and ru take the same arguments`);
        }
        assert.ok(rule.kinds.length > 0);
        if (rule.today) assert.ok(kb.today.some((r) => r.id === rule.today), `today remark ${rule.today} exists`);
      });

      it('explains itself with a knowledge key that has notes', () => {
        assert.ok(kb.entry(rule.key), `${rule.key} is in the vocabulary`);
        assert.ok(kb.hasBlocks(rule.key) || kb.entriesFor([rule.key], 1).length > 0, `${rule.key} has a note block`);
      });

      it('has positive and negative fixtures', () => {
        const dir = path.join(RULE_FIXTURES, rule.id);
        assert.ok(fs.existsSync(dir), `test/fixtures/rules/${rule.id}/ exists`);
        const files = walk(dir);
        const annotated = files.filter((f) => parseAnnotations(fs.readFileSync(f, 'utf8')).some((a) => a.ruleId === rule.id));
        assert.ok(annotated.length > 0, 'a fixture where the rule reports');
        assert.ok(files.some((f) => parseAnnotations(fs.readFileSync(f, 'utf8')).length === 0), 'a fixture with no findings');
      });
    });
  }
});
