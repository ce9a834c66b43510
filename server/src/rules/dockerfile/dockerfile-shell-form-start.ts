// What it does: flags CMD/ENTRYPOINT in shell form whose words are plain words, where the exec
// form runs the same program.
// Why: slurm-notes.md:5, :23-26 and :41 — the process runs in the foreground as PID 1 and the
//   application starts through ENTRYPOINT with its options from CMD. In shell form Docker runs
//   `/bin/sh -c "..."`: sh is PID 1, the program does not get SIGTERM on `docker stop`, and a
//   shell-form ENTRYPOINT ignores CMD and `docker run` arguments (hadolint DL3025).
// Example: `CMD gunicorn -b 0.0.0.0:8000 app:app` -> `CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]`.
// Fix safety: safe: the words are plain (no variables, globs, redirections, chains), so the
//   exec form passes exactly the same arguments. Shell forms that use the shell are left alone,
//   and so is `exec prog ...`, which already makes the program PID 1.
import { defineRule } from '../types';
import { effective, execForm, plainShellWords } from './_forms';
import { replaceSpan } from './_run';

export default defineRule({
  id: 'dockerfile-shell-form-start',
  family: 'dockerfile',
  severity: 'information',
  key: 'dockerfile.ENTRYPOINT',
  docs: 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form',
  fixSafety: 'safe',
  description: {
    en: 'CMD/ENTRYPOINT in shell form where the exec form is meant',
    ru: 'CMD/ENTRYPOINT в shell-форме там, где нужна exec-форма',
  },
  messages: {
    cmd: {
      en: 'CMD in shell form runs under `/bin/sh -c`: the program is not PID 1 and does not get SIGTERM on `docker stop`. Use the exec form.',
      ru: 'CMD в shell-форме запускается через `/bin/sh -c`: программа не получает PID 1 и не получает SIGTERM при `docker stop`. Используйте exec-форму.',
    },
    entrypoint: {
      en: 'ENTRYPOINT in shell form runs under `/bin/sh -c`: the program is not PID 1, and CMD and `docker run` arguments are ignored. Use the exec form.',
      ru: 'ENTRYPOINT в shell-форме запускается через `/bin/sh -c`: программа не получает PID 1, а CMD и аргументы `docker run` игнорируются. Используйте exec-форму.',
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      for (const stage of model.stages) {
        for (const keyword of ['CMD', 'ENTRYPOINT'] as const) {
          const ins = effective(stage, keyword);
          if (!ins) continue;
          const words = plainShellWords(ctx.doc, ins);
          if (!words || words[0].value === 'exec') continue;
          ctx.report({
            messageId: keyword === 'CMD' ? 'cmd' : 'entrypoint',
            start: ins.argsStart,
            end: ins.argsEnd,
            fix: () => ({
              title: { en: 'Use the exec form', ru: 'Перейти на exec-форму' },
              edits: [replaceSpan(ctx.doc, ins.argsStart, ins.argsEnd, execForm(words.map((w) => w.value)))],
            }),
          });
        }
      }
    },
  },
});
