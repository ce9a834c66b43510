// What it does: flags Helm 2's test hooks, helm.sh/hook: test-success and test-failure.
// Why: the notes (slurm-notes.md:747-751) describe chart tests with `helm.sh/hook: test`.
//   Helm 3 still reads test-success as `test` (kept for compatibility), so that is
//   information; test-failure is gone: Helm 3 skips such a manifest as an unknown hook, so the
//   test never runs (a warning).
// Example: `helm.sh/hook: test-success` -> `helm.sh/hook: test`.
// Fix safety: safe for test-success (same meaning); suggestion for test-failure: a `test` hook
//   passes when the pod succeeds, so a test written to fail must be inverted too.
import { defineRule } from '../types';
import { hookAnnotation } from './_hooks';

export default defineRule({
  id: 'helm-test-hook-helm2',
  family: 'helm',
  severity: 'information',
  key: 'helm.hook=test',
  docs: 'https://helm.sh/docs/topics/chart_tests/',
  fixSafety: 'safe',
  today: 'helm-test-hooks',
  description: {
    en: "Helm 2's test-success / test-failure test hooks",
    ru: 'Тестовые хуки Helm 2: test-success / test-failure',
  },
  messages: {
    success: {
      en: 'test-success is the Helm 2 name of the test hook; Helm 3 still accepts it as `test`. Write `test`.',
      ru: 'test-success — название тестового хука из Helm 2; Helm 3 пока понимает его как `test`. Пишите `test`.',
    },
    failure: {
      en: 'test-failure was a Helm 2 test hook (the test passes when the pod fails); Helm 3 does not know it and skips this manifest, so the test never runs. Use `test` and make the pod succeed when the check passes.',
      ru: 'test-failure — тестовый хук Helm 2 (тест успешен, если под упал); Helm 3 его не знает и пропускает манифест, так что тест не запускается. Используйте `test`, а под пусть завершается успешно, когда проверка прошла.',
    },
  },
  kinds: ['helm-template'],
  visit: {
    k8sObject(obj, ctx) {
      const hook = hookAnnotation(ctx.doc, obj);
      if (!hook) return;
      for (const part of hook.parts) {
        const name = part.name.toLowerCase();
        if (name !== 'test-success' && name !== 'test-failure') continue;
        const success = name === 'test-success';
        ctx.report({
          messageId: success ? 'success' : 'failure',
          severity: success ? 'information' : 'warning',
          start: part.start,
          end: part.end,
          fix: () => ({
            title: { en: 'Change to test', ru: 'Заменить на test' },
            edits: [{ range: ctx.doc.rangeOf(part.start, part.end), newText: 'test' }],
            safety: success ? 'safe' : 'suggestion',
          }),
        });
      }
    },
  },
});
