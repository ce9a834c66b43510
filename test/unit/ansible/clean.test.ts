// Correct, realistic Ansible projects produce no findings: the role layout under
// test/fixtures/ansible (nginx role, postgres role with handlers via listen, blocks with rescue,
// Jinja2 loops, Kubespray variables, inventories, ansible.cfg with Mitogen), with the folder as
// the workspace the cross-file checks see.
import * as assert from 'assert';
import * as path from 'path';
import { analyse, FIXTURES, walk } from '../../helpers/ruleFixtures';

const ROOT = path.join(FIXTURES, 'ansible');

describe('ansible: correct projects are silent', () => {
  for (const file of walk(ROOT)) {
    it(path.relative(ROOT, file), () => {
      const { findings, problems } = analyse(file, undefined, ROOT);
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(
        findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`),
        [],
      );
    });
  }
});
