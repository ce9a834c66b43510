// What it does: flags a resource limit lower than the request for the same resource
//   (cpu, memory, ephemeral-storage, hugepages-*), comparing parsed quantities (100m = 0.1,
//   1Gi = 1024Mi, 1e3 = 1k).
// Why: the notes (slurm-notes.md:320-321): requests are reserved for the pod, limits are the
//   ceiling it may use; a ceiling under the reservation is a contradiction the API server
//   rejects ("must be less than or equal to ... limit").
// Example: `requests: {memory: 512Mi}`, `limits: {memory: 256Mi}`.
// Fix safety: suggestion: raising the limit to the request makes the manifest valid, but which
//   of the two numbers is the mistake only its author knows.
import { Node } from 'yaml';
import { entries, getNode, isMap, isScalar } from '../../documents/yaml';
import { defineRule } from '../types';
import { containerLabel, MANIFEST_KINDS } from './_k8s';
import { parseQuantity, quantityLessThan } from '../../documents/kubernetes';
import { templated } from './_template';
import { Raw, replaceScalar, toTextEdits, range } from './_yamlEdit';

/** A quantity as written (1e9 stays 1e9), without its quotes. */
const unquoted = (src: string) => src.replace(/^(["'])(.*)\1$/, '$2');

export default defineRule({
  id: 'kubernetes-limits-below-requests',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.container.resources.limits',
  docs: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits',
  fixSafety: 'suggestion',
  description: {
    en: 'A resource limit is lower than its request (rejected by the API)',
    ru: 'Лимит ресурса меньше реквеста (API отклонит манифест)',
  },
  messages: {
    below: {
      en: (a: { resource: string; limit: string; request: string; container: string }) =>
        `Container "${a.container}": ${a.resource} limit ${a.limit} is lower than the request ${a.request}. The request is reserved for the pod and the limit is its ceiling, so the API server rejects this.`,
      ru: (a: { resource: string; limit: string; request: string; container: string }) =>
        `Контейнер «${a.container}»: лимит ${a.resource} ${a.limit} меньше реквеста ${a.request}. Реквест резервируется для пода, а лимит — его потолок, поэтому API-сервер такой манифест отклонит.`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    container(c, ctx) {
      const resources = getNode(c.node, 'resources');
      const requests = getNode(resources, 'requests');
      const limits = getNode(resources, 'limits');
      if (!isMap(requests) || !isMap(limits)) return;
      for (const [name, pair] of entries(limits)) {
        const limitNode = pair.value;
        const requestNode = getNode(requests, name);
        if (!isScalar(limitNode) || !isScalar(requestNode)) continue;
        if (templated(ctx.doc, limitNode as Node) || templated(ctx.doc, requestNode as Node)) continue;
        const limit = parseQuantity(limitNode.value);
        const request = parseQuantity(requestNode.value);
        if (limit === undefined || request === undefined || !quantityLessThan(limit, request)) continue;
        const lr = range(limitNode)!;
        // The edit copies the request as written (quotes included); messages show the value.
        const rr = range(requestNode)!;
        const requestText = ctx.doc.text.slice(rr[0], rr[1]);
        ctx.report({
          messageId: 'below',
          args: { resource: name, limit: unquoted(ctx.doc.text.slice(lr[0], lr[1])), request: unquoted(requestText), container: containerLabel(c) },
          start: lr[0],
          end: lr[1],
          fix: () => ({
            title: { en: `Raise the ${name} limit to the request (${unquoted(requestText)})`, ru: `Поднять лимит ${name} до реквеста (${unquoted(requestText)})` },
            edits: toTextEdits(ctx.doc, [replaceScalar(limitNode, new Raw(requestText))]),
          }),
        });
      }
    },
  },
});
