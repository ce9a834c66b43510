// "Today" remarks (knowledge/today.yaml): checked, sourced statements shown beside outdated or
// disputed lines of the bundled notes. Rules refer to some of them by id (`today: '<id>'`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { computeHover, hoverMarkdown, hoverText } from '../../../server/src/features/hover';
import { TodayRemark } from '../../../server/src/knowledge/base';
import { loadKnowledge } from '../../../server/src/knowledge/load';
import { fixtureDocument } from '../../helpers/ruleFixtures';

const KNOWLEDGE = path.join(__dirname, '..', '..', '..', 'knowledge');
const RAW = parse(fs.readFileSync(path.join(KNOWLEDGE, 'today.yaml'), 'utf8')) as Record<string, unknown>[];
const NOTES = fs.readFileSync(path.join(KNOWLEDGE, 'notes', 'slurm-notes.md'), 'utf8').split(/\r\n|\r|\n/);

/** Ids that rules and helpers refer to. */
const REQUIRED = [
  'compose-version',
  'no-apt-upgrade',
  'storage-drivers',
  'helm-index-yaml',
  'qos-oom-score',
  'ansible-serial',
  'ingress-class',
  'k8s-removed-apis',
  'helm-tiller',
  'helm-test-hooks',
  'compose-python',
];

const CYRILLIC = /[\u0400-\u04FF]/;

describe('"today" remarks', () => {
  const { kb, warnings } = loadKnowledge({ bundled: true });
  const bundled = kb.sources.find((s) => s.bundled)!;
  const byId = (id: string): TodayRemark => {
    const r = kb.today.find((x) => x.id === id);
    assert.ok(r, `remark ${id}`);
    return r;
  };

  it('load whole, with no warning', () => {
    assert.deepStrictEqual(warnings.filter((w) => w.includes('today.yaml')), []);
    assert.strictEqual(kb.today.length, RAW.length);
    assert.ok(kb.today.length >= 20);
    const ids = kb.today.map((r) => r.id);
    assert.deepStrictEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'ids are unique');
  });

  it('include every id the rules refer to', () => {
    assert.deepStrictEqual(REQUIRED.filter((id) => !kb.today.some((r) => r.id === id)), []);
  });

  for (const raw of RAW) {
    const id = String(raw.id);
    it(`${id}: two languages, an https source, a check date, lines in the notes`, () => {
      const r = byId(id);
      assert.match(r.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(CYRILLIC.test(r.ru), 'ru is Russian');
      assert.ok(!CYRILLIC.test(r.en), 'en is English');
      for (const text of [r.ru, r.en]) {
        assert.ok(text.length > 20 && text.length <= 400, `short: ${text.length} characters`);
        assert.match(text, /^[A-ZА-ЯЁa-z0-9"«-]/, 'starts a sentence');
        assert.match(text, /[.)»"]$/, 'ends a sentence');
      }
      assert.match(r.source, /^https:\/\/[^\s]+$/);
      assert.match(r.checked ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(r.lines.length > 0, 'stands beside some note line');
      for (const l of r.lines) {
        assert.ok(Number.isInteger(l) && l >= 1 && l <= NOTES.length, `line ${l} is in the notes`);
        assert.notStrictEqual(NOTES[l - 1].trim(), '', `line ${l} is not blank`);
        const block = kb.blockAtLine(bundled.path, l - 1);
        assert.ok(block, `line ${l} belongs to a note block`);
        assert.ok(kb.remarksFor([block], []).includes(r), `the block at line ${l} shows ${id}`);
      }
      for (const k of r.keys) assert.match(k, /^(docker|dockerd|dockerfile|compose|ansible|kubespray|k8s|helm)\./, `key ${k}`);
    });
  }

  it('stand beside the statements they are about', () => {
    const line = (id: string) => NOTES[byId(id).lines[0] - 1];
    assert.match(line('compose-version'), /version:/);
    assert.match(line('no-apt-upgrade'), /upgrade - нет/);
    assert.match(line('storage-drivers'), /overlay, devicemapper, AUFS/);
    assert.match(line('helm-index-yaml'), /index\.yml/);
    assert.match(line('qos-oom-score'), /Guaranteed/);
    assert.match(NOTES[byId('qos-oom-score').lines[1] - 1], /OOM Score/);
    assert.match(line('ansible-serial'), /serial - пакетное/);
    assert.match(line('ingress-class'), /С версии 1\.18 класс/);
    assert.match(line('k8s-removed-apis'), /1\.18/);
    assert.match(NOTES[byId('k8s-removed-apis').lines[1] - 1], /networking\.k8s\.io\/v1beta1/);
    assert.match(line('helm-tiller'), /Tiller/);
    assert.match(line('helm-test-hooks'), /Тестирование релизов/);
    assert.match(line('compose-python'), /обертка на Python/);
  });

  it('come with the note block that a hover shows, and with their keys', () => {
    const at = (line: number) => kb.blockAtLine(bundled.path, line - 1)!;
    assert.deepStrictEqual(kb.remarksFor([at(88)], []).map((r) => r.id), ['compose-version']);
    assert.deepStrictEqual(kb.remarksFor([at(747)], []).map((r) => r.id), ['helm-test-hooks'], 'a line in a sub-item reaches the lead-in block');
    assert.deepStrictEqual(kb.remarksFor([at(5)], []), [], 'a current note gets no remark');
    assert.deepStrictEqual(kb.remarksFor([], ['compose.version']).map((r) => r.id), ['compose-version']);
    assert.deepStrictEqual(kb.remarksFor([], ['ansible.play.serial']).map((r) => r.id), ['ansible-serial']);
    assert.ok(kb.remarksFor([], ['dockerfile.run.apt-get.upgrade']).some((r) => r.id === 'no-apt-upgrade'));
    const qos = kb.remarksFor([at(325), at(326)], []);
    assert.deepStrictEqual(qos.map((r) => r.id), ['qos-oom-score'], 'one remark for two of its lines');
  });

  it('appear in a Compose hover on version:, in both languages, after the note', () => {
    const text = 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n';
    const doc = fixtureDocument('/work/compose.yaml', text);
    const ru = computeHover(doc, text.indexOf('version') + 2, kb, 'ru');
    assert.ok(ru, 'a hover on version');
    assert.ok(ru.remarks.some((r) => r.id === 'compose-version'));
    const ruText = hoverMarkdown(ru, 'ru', 'none');
    assert.ok(ruText.includes('**Сегодня:** Формат 3 убирал лишь условия depends\\_on'), ruText);
    assert.ok(ruText.indexOf('выпилили поддержку healthcheck') < ruText.indexOf('**Сегодня:**'), 'the note comes first, the remark beside it');
    assert.ok(ruText.includes('(https://docs.docker.com/reference/compose-file/version-and-name/)'));
    const en = computeHover(doc, text.indexOf('version') + 2, kb, 'en')!;
    const enText = hoverText(en, 'en');
    assert.ok(enText.includes('they ripped out support for healthchecks and dependencies'), enText);
    assert.ok(enText.includes('Today: File format 3 only dropped depends_on conditions'), enText);
  });
});
