import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';
import { getIn, nodeRange, parseYaml } from '../../../server/src/documents/yaml';

const manifest = (n: number) =>
  Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: value-${i}\n`).join('---\n');

describe('YAML parse per document, reused across versions', () => {
  it('gives the same documents and ranges as parsing the whole text', () => {
    const text = '# lead\n' + manifest(3) + '---\n---\nfoo: [1, 2\n';
    const split = parseYaml(text);
    assert.strictEqual(split.documents.length, 5);
    const names = split.documents.map((d) => {
      const n = getIn(d.doc.contents, ['metadata', 'name']);
      return n ? text.slice(...nodeRange(n)!) : null;
    });
    assert.deepStrictEqual(names, ['cm-0', 'cm-1', 'cm-2', null, null]);
    assert.ok(split.errors.length > 0, 'the broken last document reports an error');
    assert.ok(split.errors.every((e) => e.start >= text.indexOf('foo:')), 'error offsets are absolute');
  });

  it('re-parses only the changed document after an edit, with correct ranges after it', () => {
    const before = manifest(50);
    const v1 = new OpsDocument({ uri: 'file:///m.yaml', text: before, version: 1 });
    const kept = v1.yaml.documents[40].doc;
    const edited = before.replace('value-10\n', 'value-10x\n');
    const v2 = new OpsDocument({ uri: 'file:///m.yaml', text: edited, version: 2, previous: v1 });
    const docs = v2.yaml.documents;
    assert.strictEqual(docs[40].doc, kept, 'an unchanged document is reused');
    assert.notStrictEqual(docs[10].doc, undefined);
    const name = getIn(docs[40].doc.contents, ['metadata', 'name'])!;
    assert.strictEqual(edited.slice(...nodeRange(name)!), 'cm-40', 'ranges moved with the text');
    const value = getIn(docs[10].doc.contents, ['data', 'key'])!;
    assert.strictEqual(edited.slice(...nodeRange(value)!), 'value-10x');
  });

  it('does not split at --- inside a line or an indented block scalar', () => {
    const text = 'a: |\n  ---\n  text\nb: "x --- y"\n';
    assert.strictEqual(parseYaml(text).documents.length, 1);
  });

  it('survives absurd nesting without a stack overflow', () => {
    const deep = 'a: ' + '['.repeat(100000) + ']'.repeat(100000) + '\n';
    const r = parseYaml(deep);
    assert.ok(r.documents.length <= 1);
  });
});
