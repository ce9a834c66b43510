// What it does: flags helm.sh/hook names Helm 3 does not know (typos such as `post-instal`,
//   `preinstall`, and Helm 2's `crd-install`). Helm 2's test-success/test-failure are left to
//   helm-test-hook-helm2.
// Why: the notes (slurm-notes.md:753-755) list the hooks: pre/post-install, -delete, -upgrade,
//   -rollback, and test. Helm 3 skips a manifest with any unknown hook name entirely: it is
//   neither installed with the release nor run as a hook, and `helm install` says nothing.
// Example: `helm.sh/hook: pre-instal` -> `pre-install`.
// Fix safety: suggestion: replaces the name with the nearest known one (edit distance <= 2).
import { defineRule } from '../types';
import { distance, hookAnnotation, KNOWN_HOOKS } from './_hooks';

const HELM2_TESTS = new Set(['test-success', 'test-failure']);

export default defineRule({
  id: 'helm-hook-unknown',
  family: 'helm',
  severity: 'warning',
  key: 'helm.hook',
  docs: 'https://helm.sh/docs/topics/charts_hooks/#the-available-hooks',
  fixSafety: 'suggestion',
  description: {
    en: 'An unknown helm.sh/hook name (Helm skips the whole manifest)',
    ru: 'Неизвестное имя хука в helm.sh/hook (Helm пропустит весь манифест)',
  },
  messages: {
    unknown: {
      en: (a: { name: string }) => `"${a.name}" is not a Helm hook: Helm 3 skips this whole manifest, so it is neither installed nor run as a hook. Known hooks: pre-/post-install, -upgrade, -delete, -rollback, and test.`,
      ru: (a: { name: string }) => `«${a.name}» — не хук Helm: Helm 3 пропустит весь этот манифест, и он не будет ни установлен, ни запущен как хук. Известные хуки: pre-/post-install, -upgrade, -delete, -rollback и test.`,
    },
    crdInstall: {
      en: 'Helm 3 has no crd-install hook (it was Helm 2\'s): it skips this manifest, so the CRD is never created. Put CRDs into the chart\'s crds/ folder.',
      ru: 'В Helm 3 нет хука crd-install (он был в Helm 2): манифест будет пропущен, и CRD не создастся. Положите CRD в папку crds/ чарта.',
    },
  },
  kinds: ['helm-template'],
  visit: {
    k8sObject(obj, ctx) {
      const hook = hookAnnotation(ctx.doc, obj);
      if (!hook) return;
      for (const part of hook.parts) {
        const name = part.name.toLowerCase();
        if (KNOWN_HOOKS.includes(name) || HELM2_TESTS.has(name)) continue;
        if (name === 'crd-install') {
          ctx.report({ messageId: 'crdInstall', start: part.start, end: part.end });
          continue;
        }
        const near = KNOWN_HOOKS.map((k) => ({ k, d: distance(name.replace(/_/g, '-'), k) })).sort((a, b) => a.d - b.d)[0];
        ctx.report({
          messageId: 'unknown',
          args: { name: part.name },
          start: part.start,
          end: part.end,
          fix: near.d <= 2 ? () => ({ title: { en: `Change to ${near.k}`, ru: `Заменить на ${near.k}` }, edits: [{ range: ctx.doc.rangeOf(part.start, part.end), newText: near.k }] }) : undefined,
        });
      }
    },
  },
});
