// The engine: a rule that throws is reported once and the others still run; suppression
// comments; severities from settings and .opsnotes.yaml; fixes are built only when asked.
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { mergeSeverities, parseProjectConfig, readSettings } from '../../../server/src/config/config';
import { runRules } from '../../../server/src/rules/engine';
import { RULES, ruleById } from '../../../server/src/rules/registry';
import { defineRule, Rule } from '../../../server/src/rules/types';

const dockerfile = (text: string) => new OpsDocument({ uri: 'file:///w/Dockerfile', text });

const thrower = defineRule({
  id: 'dockerfile-test-thrower',
  family: 'dockerfile',
  severity: 'error',
  key: 'dockerfile.ADD',
  docs: 'https://example.com',
  fixSafety: 'none',
  description: { en: 'throws', ru: 'бросает' },
  messages: { never: { en: 'never', ru: 'никогда' } },
  kinds: ['dockerfile'],
  visit: {
    instruction() {
      throw new Error('boom');
    },
  },
}) as Rule;

describe('rules engine', () => {
  it('isolates a rule that throws: reported once, the other rules still run', () => {
    const problems: string[] = [];
    const doc = dockerfile('FROM alpine\nADD a.txt /a\nADD b.txt /b\n');
    const findings = runRules(doc, [thrower, ruleById('dockerfile-add-instead-of-copy')!], { onRuleProblem: (id, p) => problems.push(`${id}: ${p.split('\n')[0]}`) });
    assert.deepStrictEqual(findings.map((f) => `${f.ruleId}@${f.range.start.line}`), ['dockerfile-add-instead-of-copy@1', 'dockerfile-add-instead-of-copy@2']);
    assert.deepStrictEqual(problems, ['dockerfile-test-thrower: threw Error: boom']);
  });

  it('builds fixes only when asked, once', () => {
    let built = 0;
    const counting = defineRule({ ...thrower, id: 'dockerfile-test-counter', visit: { instruction(ins, ctx) { ctx.report({ messageId: 'never', start: ins.keywordStart, end: ins.keywordEnd, fix: () => { built++; return { title: { en: 'x', ru: 'x' }, edits: [] }; } }); } } }) as Rule;
    const [f] = runRules(dockerfile('FROM alpine\n'), [counting]);
    assert.strictEqual(built, 0);
    f.fixes();
    f.fixes();
    assert.strictEqual(built, 1);
  });

  describe('suppression comments', () => {
    const text = (pragma: string) => `FROM alpine\n${pragma}\nADD a.txt /a\nADD b.txt /b\n`;
    const ids = (t: string) => runRules(dockerfile(t), RULES).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);

    it('disable-next-line applies to the next line that is not a comment', () => {
      assert.deepStrictEqual(ids(text('# opsnotes-disable-next-line dockerfile-add-instead-of-copy')), ['dockerfile-add-instead-of-copy@4']);
      assert.deepStrictEqual(ids('FROM alpine\n# opsnotes-disable-next-line dockerfile-add-instead-of-copy\n# why: vendored\nADD a.txt /a\n'), []);
    });

    it('takes a list of rules, and no rule means every rule', () => {
      assert.deepStrictEqual(ids(text('# opsnotes-disable-next-line dockerfile-add-instead-of-copy,dockerfile-other')), ['dockerfile-add-instead-of-copy@4']);
      assert.deepStrictEqual(ids(text('# opsnotes-disable-next-line')), ['dockerfile-add-instead-of-copy@4']);
    });

    it('disable (whole file) anywhere in the file; other rules are not affected', () => {
      assert.deepStrictEqual(ids(`${text('')}# opsnotes-disable dockerfile-add-instead-of-copy -- legacy image\n`), []);
      assert.deepStrictEqual(ids(text('# opsnotes-disable dockerfile-apt-lists-not-cleaned')), ['dockerfile-add-instead-of-copy@3', 'dockerfile-add-instead-of-copy@4']);
    });

    it('works in YAML too', () => {
      const doc = new OpsDocument({ uri: 'file:///w/compose.yaml', text: '# opsnotes-disable-next-line compose-version-obsolete\nversion: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n' });
      assert.deepStrictEqual(runRules(doc, RULES).map((f) => f.ruleId), []);
    });
  });

  describe('severities', () => {
    it('rule default < .opsnotes.yaml < settings; off removes the rule', () => {
      const warnings: string[] = [];
      const project = parseProjectConfig('rules:\n  dockerfile-add-instead-of-copy: error\n  dockerfile-package-upgrade: off\n', '/w', warnings);
      const settings = readSettings({ rules: { 'dockerfile-add-instead-of-copy': 'hint' } }, warnings);
      const severities = mergeSeverities(project, settings);
      const doc = dockerfile('FROM debian:12\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\nADD a.txt /a\n');
      const findings = runRules(doc, RULES, { severities });
      assert.deepStrictEqual(findings.map((f) => [f.ruleId, f.severity]), [['dockerfile-add-instead-of-copy', 'hint']]);
      assert.deepStrictEqual(warnings, []);
      assert.strictEqual(runRules(doc, RULES, { severities: mergeSeverities(project, undefined) }).find((f) => f.ruleId === 'dockerfile-add-instead-of-copy')?.severity, 'error');
    });

    it('malformed values are ignored with a warning', () => {
      const warnings: string[] = [];
      const project = parseProjectConfig('rules:\n  dockerfile-add-instead-of-copy: loud\nignore: 5\n', '/w', warnings);
      assert.deepStrictEqual(project.rules, {});
      assert.deepStrictEqual(warnings, ['.opsnotes.yaml rules: dockerfile-add-instead-of-copy: unknown severity "loud"', '.opsnotes.yaml ignore: expected a list of strings']);
    });
  });
});

describe('session findings', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Session } = require('../../../server/src/session') as typeof import('../../../server/src/session');

  it('runs the rules once per document version, again after settings change', () => {
    let runs = 0;
    const counting = defineRule({ ...thrower, id: 'dockerfile-test-runs', visit: { dockerfile() { runs++; } } }) as Rule;
    const session = new Session({ rules: [counting] });
    const doc = session.open('file:///w/Dockerfile', 'dockerfile', 1, 'FROM alpine\n');
    session.diagnose(doc);
    session.diagnose(doc);
    assert.strictEqual(runs, 1);
    session.updateSettings(readSettings({ language: 'ru' }));
    session.diagnose(doc);
    assert.strictEqual(runs, 2);
    session.diagnose(session.open('file:///w/Dockerfile', 'dockerfile', 2, 'FROM alpine:3.20\n'));
    assert.strictEqual(runs, 3);
  });
});
