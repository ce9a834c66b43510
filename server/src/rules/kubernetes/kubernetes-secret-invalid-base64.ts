// What it does: flags values under a Secret's `data` that are not valid base64 (as Go's
//   encoding/json decodes []byte: standard alphabet, padding required, line breaks ignored).
// Why: the notes (slurm-notes.md:337, 343): Secret values are stored base64-encoded. A plain
//   text password under `data` is rejected by the API server ("illegal base64 data"), or, when
//   it happens to be valid base64 (`root`), silently decoded into garbage. Plain text belongs
//   under `stringData`, which the API server encodes itself.
// Example: `data: {password: hunter2}` -> `stringData: {password: hunter2}`.
// Fix safety: suggestion: the value moves as it is (not decoded, not re-encoded); whether the
//   author meant plain text or pasted a broken encoding only they know.
import { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { getNode, getPair, isMap, isScalar } from '../../documents/yaml';
import { defineRule, Fix, RuleContext } from '../types';
import { K8sObject } from '../targets';
import { MANIFEST_KINDS } from './_k8s';
import { mayInject, templated } from './_template';
import { Edit, entriesOf, insertEntries, isEmptyValue, range, removePair, replacePair, toTextEdits, YValue } from './_yamlEdit';

export function isBase64(s: string): boolean {
  const t = s.replace(/[\r\n]/g, '');
  return t.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(t);
}

function invalidPairs(ctx: RuleContext, data: YAMLMap): Pair<Scalar, Scalar>[] {
  const out: Pair<Scalar, Scalar>[] = [];
  for (const item of data.items) {
    const v = item.value;
    if (!isScalar(item.key) || !isScalar(v) || isEmptyValue(v) || v.tag) continue;
    if (templated(ctx.doc, v as Node) || templated(ctx.doc, item.key as Node)) continue;
    if (typeof v.value === 'string' ? !isBase64(v.value) : v.value !== null) out.push(item as Pair<Scalar, Scalar>);
  }
  return out;
}

function moveFix(ctx: RuleContext, obj: K8sObject, data: YAMLMap, moved: Pair<Scalar, Scalar>[]): Fix {
  const doc = ctx.doc;
  const root = obj.root;
  const dataPair = getPair(root, 'data')!;
  const entries: [string, YValue][] = moved.map((p) => [String(p.key.value), String(p.value!.value)]);
  const stringData = getNode(root, 'stringData');
  const edits: Edit[] = [];
  if (moved.length === data.items.length && !isMap(stringData)) {
    edits.push(replacePair(doc, root, dataPair, entriesOf(['stringData', entriesOf(...entries)])));
  } else {
    if (moved.length === data.items.length) edits.push(removePair(doc, root, dataPair));
    else for (const p of moved) edits.push(removePair(doc, data, p));
    // Before `data:` so the insertion never touches the removed lines.
    edits.push(isMap(stringData) ? insertEntries(doc, stringData, entriesOf(...entries)) : insertEntries(doc, root, entriesOf(['stringData', entriesOf(...entries)]), { before: dataPair }));
  }
  return { title: { en: 'Move the plain-text values to stringData', ru: 'Перенести значения открытым текстом в stringData' }, edits: toTextEdits(doc, edits) };
}

export default defineRule({
  id: 'kubernetes-secret-invalid-base64',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.Secret.data',
  docs: 'https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data',
  fixSafety: 'suggestion',
  description: {
    en: 'A Secret data value is not valid base64 (plain text belongs in stringData)',
    ru: 'Значение в data секрета — не base64 (открытый текст пишут в stringData)',
  },
  messages: {
    notBase64: {
      en: (a: { key: string }) =>
        `data.${a.key} is not valid base64: the API server rejects the Secret. Values under data must be base64-encoded; write plain text under stringData and the API server encodes it.`,
      ru: (a: { key: string }) =>
        `data.${a.key} — некорректный base64: API-сервер отклонит секрет. Значения в data должны быть закодированы в base64; открытый текст пишите в stringData — закодирует API-сервер.`,
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Secret'],
  visit: {
    k8sObject(obj, ctx) {
      const data = getNode(obj.root, 'data');
      if (!isMap(data) || mayInject(ctx.doc, data)) return;
      const bad = invalidPairs(ctx, data);
      for (const p of bad) {
        const r = range(p.value!)!;
        ctx.report({ messageId: 'notBase64', args: { key: String(p.key.value) }, start: r[0], end: r[1], fix: () => moveFix(ctx, obj, data, bad) });
      }
    },
  },
});
