// The README's rules table is the generated one (`opsnotes rules --format markdown`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rulesMarkdown } from '../../server/src/cli/rules';
import { RULES } from '../../server/src/rules/registry';

describe('README', () => {
  it('holds the current rules table (regenerate: node dist/cli.js rules --format markdown)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    assert.ok(readme.includes(rulesMarkdown(RULES, 'en').trim()));
  });
});
