// The INI inventory reader: host lines split like shlex, `:vars` / `:children` sections, offsets.
import * as assert from 'assert';
import { isInventory, parseInventory } from '../../../server/src/documents/ini';
import { LineIndex } from '../../../server/src/util/text';

const parse = (text: string) => parseInventory(new LineIndex(text));

describe('ansible inventory reader', () => {
  const text = [
    '# staging',
    'bastion.example.com',
    '[web]',
    "web1 ansible_host=10.0.0.1 ansible_ssh_common_args='-o ProxyJump=bastion -q'  # via the bastion",
    '[web:vars]',
    'http_port = 8080',
    '[staging:children]',
    'web',
  ].join('\r\n');
  const model = parse(text);

  it('reads sections with their group and suffix', () => {
    assert.deepStrictEqual(
      model.sections.map((s) => `${s.group}:${s.suffix}`),
      ['all:', 'web:', 'web:vars', 'staging:children'],
    );
  });

  it('keeps a quoted value with spaces whole and drops the comment', () => {
    const host = model.sections[1].entries[0];
    assert.strictEqual(host.name.text, 'web1');
    assert.deepStrictEqual(host.vars.map((v) => [v.key, v.value]), [
      ['ansible_host', '10.0.0.1'],
      ['ansible_ssh_common_args', "'-o ProxyJump=bastion -q'"],
    ]);
    const v = host.vars[1];
    assert.strictEqual(text.slice(v.keyStart, v.valueEnd), "ansible_ssh_common_args='-o ProxyJump=bastion -q'");
  });

  it('reads `key = value` in :vars with offsets of the key and the value', () => {
    const v = model.sections[2].entries[0].vars[0];
    assert.strictEqual(text.slice(v.keyStart, v.keyEnd), 'http_port');
    assert.strictEqual(text.slice(v.valueStart, v.valueEnd), '8080');
  });

  it('gives the offsets of a header name and suffix', () => {
    const h = model.sections[3].header!;
    assert.strictEqual(text.slice(h.groupStart, h.groupEnd), 'staging');
    assert.strictEqual(text.slice(h.suffixStart, h.suffixEnd), 'children');
  });

  it('is an inventory; an /etc/hosts copy is not', () => {
    assert.strictEqual(isInventory(model), true);
    assert.strictEqual(isInventory(parse('127.0.0.1 localhost\n::1 localhost ip6-localhost\n')), false);
    assert.strictEqual(isInventory(parse('# only comments\n')), false);
    assert.strictEqual(isInventory(parse('db1.example.com\ndb2.example.com ansible_port=2222\n')), true);
  });
});
