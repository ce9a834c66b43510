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
    // The "today" remark (helm-test-hooks) that follows these tells the Helm 2 -> 3 story.
    success: {
      en: 'Write `test` instead of test-success.',
      ru: 'Пишите `test` вместо test-success.',
    },
    failure: {
      en: 'Helm 3 skips a manifest with test-failure as an unknown hook, so this test never runs. Use `test`, and let the pod succeed when the check passes (test-failure expected it to fail).',
      ru: 'Манифест с test-failure Helm 3 пропускает как неизвестный хук, так что этот тест не запускается. Используйте `test`, и пусть под завершается успешно, когда проверка прошла (test-failure ждал падения).',
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
