// The CLI's commands (issue 8 completes them).
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument, pathToUri } from '../documents/document';
import { pick } from '../i18n/language';
import { Session } from '../session';

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'lint') {
    process.stderr.write('usage: opsnotes lint <paths...>\n');
    return 2;
  }
  const session = new Session({ roots: [process.cwd()] });
  let found = 0;
  for (const p of rest) {
    const text = fs.readFileSync(p, 'utf8');
    const doc = new OpsDocument({ uri: pathToUri(p), text, exists: fs.existsSync });
    for (const f of session.diagnose(doc)) {
      found++;
      process.stdout.write(`${path.relative(process.cwd(), p)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId} ${pick(f.message, session.language)}\n`);
    }
  }
  return found ? 1 : 0;
}
