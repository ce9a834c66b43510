// Every rule fixture under test/fixtures/rules/<rule-id>/ is checked: exact findings from its
// annotations, and its snapshot (messages in both languages, fixed text). The folder of a rule
// is also the workspace its checks across documents see.
import * as fs from 'fs';
import * as path from 'path';
import { checkFixture, RULE_FIXTURES, walk } from '../../helpers/ruleFixtures';

describe('rule fixtures', () => {
  const dirs = fs.existsSync(RULE_FIXTURES) ? fs.readdirSync(RULE_FIXTURES).sort() : [];
  for (const dir of dirs) {
    const root = path.join(RULE_FIXTURES, dir);
    describe(dir, () => {
      for (const file of walk(root)) {
        it(path.relative(root, file), () => checkFixture(file, root));
      }
    });
  }
});
