// Refreshes the `description` of every snippet in snippets/*.json from its metadata: the
// English and Russian names and the heading path of the note it comes from, in the notes and
// in their English rendering (server/src/snippets/provenance.ts). The JSON files stay the one
// source; run this after renaming a snippet or when the notes' headings or their translation
// change. `--check` only reports (exit 1 when a file is out of date); test/unit/snippets
// checks the same.
import * as fs from 'fs';
import * as path from 'path';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const check = process.argv.includes('--check');
const catalog = await tsImport(path.join(root, 'server/src/snippets/catalog.ts'), import.meta.url);
const provenance = await tsImport(path.join(root, 'server/src/snippets/provenance.ts'), import.meta.url);

let stale = 0;
for (const spec of catalog.SNIPPET_FILES) {
  const file = path.join(root, 'snippets', spec.file);
  const before = fs.readFileSync(file, 'utf8');
  const json = JSON.parse(before);
  const problems = [];
  for (const s of catalog.parseSnippetFile(spec, json, problems)) {
    const description = provenance.expectedDescription(s, path.join(root, 'knowledge'));
    if (description === undefined) problems.push(`"${s.name}": note ${s.note.file}:${s.note.line} not found`);
    else json[s.name].description = description;
  }
  for (const p of problems) console.error(`${spec.file}: ${p}`);
  if (problems.length) process.exitCode = 1;
  const after = JSON.stringify(json, null, 2) + '\n';
  if (after === before) continue;
  stale++;
  if (check) console.error(`${spec.file} is out of date: run node scripts/snippets.mjs`);
  else {
    fs.writeFileSync(file, after);
    console.log(`updated snippets/${spec.file}`);
  }
}
if (check && stale) process.exitCode = 1;
if (!stale && !process.exitCode) console.log('snippet descriptions are up to date');
