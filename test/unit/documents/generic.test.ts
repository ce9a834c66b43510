// Files the notes don't cover are generic YAML: no hover anywhere, no findings, whatever words
// they share with the notes (services, image, healthcheck, tasks/, deploy.yml…).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { computeHover } from '../../../server/src/features/hover';
import { loadKnowledge } from '../../../server/src/knowledge/load';
import { runRules } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/registry';
import { FIXTURES, fixtureDocument } from '../../helpers/ruleFixtures';

const GENERIC = path.join(FIXTURES, 'generic');
const CASES = [
  '.github/workflows/deploy.yml',
  '.gitlab-ci.yml',
  'api/openapi.yaml',
  'mkdocs.yml',
  'config.yaml',
  'tekton/tasks/build.yml',
  'tekton/tasks/settings.yml',
];

describe('generic YAML stays silent', () => {
  const { kb } = loadKnowledge({ bundled: true });
  for (const rel of CASES) {
    it(rel, () => {
      const file = path.join(GENERIC, rel);
      const text = fs.readFileSync(file, 'utf8');
      const doc = fixtureDocument(file, text);
      assert.strictEqual(doc.kind, 'generic', `${rel} is generic YAML`);
      assert.deepStrictEqual(runRules(doc, RULES), []);
      // Every word start is a cursor position.
      const hovers: string[] = [];
      for (let i = 0; i < text.length; i++) {
        if (/\w/.test(text[i]) && (i === 0 || !/\w/.test(text[i - 1]))) {
          const h = computeHover(doc, i, kb, 'en');
          if (h) hovers.push(`${text.slice(i, i + 20)} -> ${h.keys[0]}`);
        }
      }
      assert.deepStrictEqual(hovers, []);
    });
  }

  it('a GitLab CI file named like a compose file is still not Compose', () => {
    const text = fs.readFileSync(path.join(GENERIC, '.gitlab-ci.yml'), 'utf8');
    assert.strictEqual(fixtureDocument(path.join(GENERIC, 'docker-compose.yml'), text).kind, 'generic');
  });

  it('a GitHub workflow named like a playbook is still not a playbook', () => {
    const text = fs.readFileSync(path.join(GENERIC, '.github/workflows/deploy.yml'), 'utf8');
    assert.strictEqual(fixtureDocument(path.join(GENERIC, 'playbooks', 'deploy.yml'), text).kind, 'generic');
  });
});
