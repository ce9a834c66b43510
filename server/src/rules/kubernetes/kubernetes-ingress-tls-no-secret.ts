// What it does: flags an Ingress spec.tls entry without secretName.
// Why: the notes (slurm-notes.md:706-707): for HTTPS a Secret with the certificate is created
//   and named in the Ingress's tls section. Without secretName the controller serves its
//   default (usually self-signed) certificate for these hosts, and cert-manager's ingress-shim
//   has nowhere to put the certificate it would issue.
// Example: `tls: [{hosts: [shop.example.com]}]`.
// Fix safety: none (the Secret's name is the author's choice).
import { Node } from 'yaml';
import { getNode, getPair, isMap, scalarString, seqItems } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { hasTemplateSyntax, mayInject, templated } from './_template';
import { isEmptyValue, range } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-ingress-tls-no-secret',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.Ingress.spec.tls',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
  fixSafety: 'none',
  description: {
    en: 'An Ingress tls entry has no secretName',
    ru: 'В записи tls у Ingress нет secretName',
  },
  messages: {
    noSecret: {
      en: 'This tls entry has no secretName: the controller serves its default certificate (usually self-signed) for these hosts. Name the Secret of type kubernetes.io/tls that holds the certificate.',
      ru: 'У этой записи tls нет secretName: для этих хостов контроллер отдаст свой сертификат по умолчанию (обычно самоподписанный). Укажите секрет типа kubernetes.io/tls с сертификатом.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Ingress'],
  visit: {
    k8sObject(obj, ctx) {
      const tls = getNode(getNode(obj.root, 'spec'), 'tls');
      if (mayInject(ctx.doc, tls)) return;
      for (const item of seqItems(tls)) {
        if (!isMap(item) || !item.items.length || mayInject(ctx.doc, item)) continue;
        const secret = getPair(item, 'secretName');
        // `secretName: ""` names nothing; a templated one is unknown.
        if (secret && (scalarString(secret.value) || templated(ctx.doc, secret.value as Node) || (isEmptyValue(secret.value) && hasTemplateSyntax(ctx.doc)))) continue;
        const r = range(item.items[0].key as Node)!;
        ctx.report({ messageId: 'noSecret', start: r[0], end: r[1] });
      }
    },
  },
});
