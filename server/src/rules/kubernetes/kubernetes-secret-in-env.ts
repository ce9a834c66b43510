// What it does: flags an env var whose name says it is a secret (DB_PASSWORD, API_KEY,
//   GITHUB_TOKEN, CLIENT_SECRET...) or whose value is a URL with a password, given as a literal
//   `value`. Empty values, `$(OTHER_VAR)` references, file paths and Helm `{{ }}` values are
//   not literals.
// Why: the notes (slurm-notes.md:337-350): Secrets exist to keep such values apart from the
//   rest of the configuration, so that RBAC decides who may read them; a literal in the pod
//   template is readable by anyone who can read the Deployment. The notes show the
//   valueFrom.secretKeyRef form.
// Example: `- {name: DB_PASSWORD, value: hunter2}` -> `valueFrom: {secretKeyRef: {name: api-secret, key: db-password}}`.
// Fix safety: suggestion. The first fix only rewires the variable (the Secret must exist; its
//   derived name is selected for editing); the second also adds the Secret, holding the value,
//   to this file, which then still holds the secret until it moves to a safer place.
import { Node, YAMLMap } from 'yaml';
import { getNode, isMap, isScalar, scalarString, seqItems } from '../../documents/yaml';
import { defineRule, Fix, RuleContext } from '../types';
import { ContainerTarget } from '../targets';
import { MANIFEST_KINDS } from './_k8s';
import { addToSecret, secretKeyFor, secretLiteral, secretNameFor } from './_secretEnv';
import { templated } from './_template';
import { entriesOf, Edit, pairOf, range, replacePair, shiftOffset, toTextEdits } from './_yamlEdit';

function fixes(ctx: RuleContext, c: ContainerTarget, item: YAMLMap, envName: string, value: string): Fix[] {
  const doc = ctx.doc;
  const secret = secretNameFor(doc, c.pod.object);
  const key = secretKeyFor(envName);
  const valuePair = pairOf(item, 'value')!;
  const rewire: Edit = replacePair(doc, item, valuePair, entriesOf(['valueFrom', entriesOf(['secretKeyRef', entriesOf(['name', secret.value], ['key', key])])]));
  const at = rewire.text.indexOf('name: ') + 'name: '.length;
  const selStart = shiftOffset([rewire], rewire.start) + at;
  const select = { start: selStart, end: selStart + secret.text.length };
  const withSecret = [rewire, ...addToSecret(doc, c.pod.object, secret.value, key, value)];
  return [
    { title: { en: `Read ${envName} from a Secret (secretKeyRef)`, ru: `Брать ${envName} из секрета (secretKeyRef)` }, edits: toTextEdits(doc, [rewire]), select },
    {
      title: { en: `Read ${envName} from a Secret and add the Secret to this file`, ru: `Брать ${envName} из секрета и добавить секрет в этот файл` },
      edits: toTextEdits(doc, withSecret),
      select: { start: shiftOffset(withSecret, rewire.start) + at, end: shiftOffset(withSecret, rewire.start) + at + secret.text.length },
    },
  ];
}

export default defineRule({
  id: 'kubernetes-secret-in-env',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.container.env.valueFrom.secretKeyRef',
  docs: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
  fixSafety: 'suggestion',
  description: {
    en: 'A secret (password, token, key) is written into an env var as a literal value',
    ru: 'Секрет (пароль, токен, ключ) записан в переменную окружения открытым значением',
  },
  messages: {
    literal: {
      en: (a: { name: string }) =>
        `${a.name} looks like a secret and is written here as plain text: anyone who can read this manifest or the workload in the cluster sees it. Keep it in a Secret and reference it with valueFrom.secretKeyRef, so RBAC decides who may read it.`,
      ru: (a: { name: string }) =>
        `Переменная ${a.name} похожа на секрет и записана здесь открытым текстом: её видит любой, кто может прочитать этот манифест или объект в кластере. Храните значение в Secret и ссылайтесь на него через valueFrom.secretKeyRef — тогда доступ к нему ограничивает RBAC.`,
    },
    url: {
      en: (a: { name: string }) =>
        `${a.name} is a URL with a password in it, written as plain text. Keep the whole URL in a Secret and reference it with valueFrom.secretKeyRef.`,
      ru: (a: { name: string }) => `Переменная ${a.name} — URL с паролем внутри, записанный открытым текстом. Храните весь URL в Secret и ссылайтесь на него через valueFrom.secretKeyRef.`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    container(c, ctx) {
      for (const item of seqItems(getNode(c.node, 'env'))) {
        if (!isMap(item)) continue;
        const nameNode = getNode(item, 'name');
        const valueNode = getNode(item, 'value');
        const name = scalarString(nameNode);
        if (!name || !isScalar(valueNode) || typeof valueNode.value !== 'string') continue;
        if (templated(ctx.doc, nameNode as Node) || templated(ctx.doc, valueNode as Node)) continue;
        const kind = secretLiteral(name, valueNode.value);
        if (!kind) continue;
        const r = range(valueNode)!;
        const value = valueNode.value;
        ctx.report({ messageId: kind === 'url' ? 'url' : 'literal', args: { name }, start: r[0], end: r[1], fix: () => fixes(ctx, c, item, name, value) });
      }
    },
  },
});
