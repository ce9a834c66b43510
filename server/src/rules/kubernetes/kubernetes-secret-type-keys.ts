// What it does: flags a Secret of a built-in type without the keys that type requires:
//   kubernetes.io/tls (tls.crt and tls.key), kubernetes.io/dockerconfigjson (.dockerconfigjson),
//   kubernetes.io/dockercfg (.dockercfg), kubernetes.io/basic-auth (username or password),
//   kubernetes.io/ssh-auth (ssh-privatekey), kubernetes.io/service-account-token (the
//   kubernetes.io/service-account.name annotation). data and stringData both count.
// Why: the notes (slurm-notes.md:338-342): every Secret type except generic has fixed field
//   names; the API server rejects a typed Secret without them.
// Example: `type: kubernetes.io/tls` with `data: {tls.cert: ..., tls.key: ...}`.
// Fix safety: suggestion: renames a near-miss key (tls.cert -> tls.crt, .dockerconfig.json ->
//   .dockerconfigjson) when there is exactly one candidate.
import { Node } from 'yaml';
import { entries, getNode, getPair, isMap, scalarString } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { hasTemplateSyntax, mayInject, templated } from './_template';
import { Edit, isEmptyValue, range, toTextEdits } from './_yamlEdit';

interface Requirement {
  /** All of these keys (or, with `anyOf`, at least one). */
  keys: string[];
  anyOf?: boolean;
  aliases: Record<string, string[]>;
}

const REQUIRED: Record<string, Requirement> = {
  'kubernetes.io/tls': { keys: ['tls.crt', 'tls.key'], aliases: { 'tls.crt': ['tls.cert', 'tls.pem', 'cert', 'crt', 'cert.pem', 'certificate'], 'tls.key': ['key', 'key.pem', 'tls.key.pem', 'private.key'] } },
  'kubernetes.io/dockerconfigjson': { keys: ['.dockerconfigjson'], aliases: { '.dockerconfigjson': ['config.json', '.dockercfg'] } },
  'kubernetes.io/dockercfg': { keys: ['.dockercfg'], aliases: { '.dockercfg': [] } },
  'kubernetes.io/basic-auth': { keys: ['username', 'password'], anyOf: true, aliases: { username: ['user', 'login'], password: ['pass', 'passwd'] } },
  'kubernetes.io/ssh-auth': { keys: ['ssh-privatekey'], aliases: { 'ssh-privatekey': ['id_rsa', 'id_ed25519', 'private-key', 'privatekey'] } },
};

type KeyArgs = { type: string; keys: string; keysRu: string; count: number };

const normal = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, '');

export default defineRule({
  id: 'kubernetes-secret-type-keys',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.Secret.type',
  docs: 'https://kubernetes.io/docs/concepts/configuration/secret/#secret-types',
  fixSafety: 'suggestion',
  description: {
    en: 'A typed Secret lacks the keys its type requires',
    ru: 'В секрете встроенного типа нет обязательных для этого типа ключей',
  },
  messages: {
    missingKeys: {
      en: (a: KeyArgs) => `A Secret of type ${a.type} needs ${a.count === 1 ? 'the key' : 'the keys'} ${a.keys} in data or stringData; the API server rejects it without.`,
      ru: (a: KeyArgs) => `Секрету типа ${a.type} ${a.count === 1 ? 'нужен ключ' : 'нужны ключи'} ${a.keys} (в data или stringData); без ${a.count === 1 ? 'него' : 'них'} API-сервер его отклонит.`,
    },
    missingEither: {
      en: (a: KeyArgs) => `A Secret of type ${a.type} needs ${a.keys} (at least one) in data or stringData; the API server rejects it without.`,
      ru: (a: KeyArgs) => `Секрету типа ${a.type} нужен ключ ${a.keysRu} (хотя бы один) в data или stringData; без него API-сервер его отклонит.`,
    },
    missingAnnotation: {
      en: 'A Secret of type kubernetes.io/service-account-token needs the kubernetes.io/service-account.name annotation naming its ServiceAccount; the API server rejects it without.',
      ru: 'Секрету типа kubernetes.io/service-account-token нужна аннотация kubernetes.io/service-account.name с именем его ServiceAccount; без неё API-сервер его отклонит.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Secret'],
  visit: {
    k8sObject(obj, ctx) {
      const typeNode = getNode(obj.root, 'type');
      const type = scalarString(typeNode);
      if (!type || templated(ctx.doc, typeNode)) return;
      const r = range(typeNode)!;
      if (type === 'kubernetes.io/service-account-token') {
        const annotations = getNode(getNode(obj.root, 'metadata'), 'annotations');
        if (mayInject(ctx.doc, getNode(obj.root, 'metadata')) || (annotations && !isMap(annotations)) || mayInject(ctx.doc, annotations)) return;
        if (!getNode(annotations, 'kubernetes.io/service-account.name')) ctx.report({ messageId: 'missingAnnotation', start: r[0], end: r[1] });
        return;
      }
      const req = REQUIRED[type];
      if (!req) return;
      const present = new Map<string, Node>();
      for (const part of ['data', 'stringData']) {
        const pair = getPair(obj.root, part);
        if (!pair) continue;
        const m = pair.value;
        if (!isMap(m)) {
          if (isEmptyValue(m) && !hasTemplateSyntax(ctx.doc)) continue;
          return; // filled by a template: the keys are unknown
        }
        if (mayInject(ctx.doc, m)) return;
        for (const [k, p] of entries(m)) {
          if (templated(ctx.doc, p.key as Node)) return;
          present.set(k, p.key as Node);
        }
      }
      if (mayInject(ctx.doc, obj.root)) return;
      const missing = req.keys.filter((k) => !present.has(k));
      if (!missing.length || (req.anyOf && missing.length < req.keys.length)) return;
      const renames: { want: string; edit: Edit }[] = [];
      for (const want of missing) {
        const candidates = [...present.keys()].filter((k) => !req.keys.includes(k) && (normal(k) === normal(want) || req.aliases[want]?.includes(k)));
        if (candidates.length !== 1) continue;
        const kr = range(present.get(candidates[0]))!;
        renames.push({ want, edit: { start: kr[0], end: kr[1], text: want } });
      }
      if (req.anyOf && renames.length > 1) renames.length = 1;
      const targets = renames.map((x) => x.want).join(', ');
      ctx.report({
        messageId: req.anyOf ? 'missingEither' : 'missingKeys',
        args: { type, keys: missing.join(req.anyOf ? ' or ' : ', '), keysRu: missing.join(req.anyOf ? ' или ' : ', '), count: missing.length },
        start: r[0],
        end: r[1],
        fix: renames.length
          ? () => ({ title: { en: `Rename the key to ${targets}`, ru: `Переименовать ключ в ${targets}` }, edits: toTextEdits(ctx.doc, renames.map((x) => x.edit)) })
          : undefined,
      });
    },
  },
});
