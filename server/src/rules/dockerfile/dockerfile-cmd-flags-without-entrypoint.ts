// What it does: a hint on an exec-form CMD that starts a program with its options when the
// image has no ENTRYPOINT: put the program in ENTRYPOINT and keep the default options in CMD.
// Why: slurm-notes.md:23-26 — the application starts through ENTRYPOINT and its options are
//   passed in CMD. Then `docker run image --other-option` replaces only the options instead
//   of the whole command line.
// Example: `CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]` ->
//   `ENTRYPOINT ["gunicorn"]` + `CMD ["--bind", "0.0.0.0:8000", "app:app"]`.
// Fix safety: suggestion: it changes what `docker run image <command>` does.
// Not reported: CMD without options (`CMD ["python", "app.py"]` is normal), interpreters and
//   shells (`python -m app`, `sh -c ...`, `npm start`), init wrappers (tini, gosu), shell form
//   (dockerfile-shell-form-start speaks first), and base images we do not know to come
//   without an ENTRYPOINT of their own (nginx, node, postgres... wrap CMD in a script).
import { baseImage, DockerfileModel, DockerStage, finalStage, parentStage } from '../../documents/dockerfile';
import { basename } from '../../documents/dockerCommands';
import { defineRule } from '../types';
import { effective, execForm } from './_forms';
import { keywordLike, replaceSpan } from './_run';

// Servers whose options in CMD are their foreground switch (`nginx -g 'daemon off;'`,
// `apachectl -D FOREGROUND`, `sshd -D`), written that way by the official images.
const FOREGROUND_SERVERS = /^(?:nginx|openresty|httpd|apachectl|apache2ctl|sshd|php-fpm[\d.]*|cron|crond|supervisord|haproxy)$/;

const NOT_A_BINARY = /^(?:python[\d.]*|node|nodejs|java|ruby|php[\d.]*|perl|sh|bash|dash|ash|zsh|npm|npx|yarn|pnpm|bundle|bun|deno|dotnet|uv|poetry|pipenv|exec|env|tini|dumb-init|gosu|su-exec|catatonit|s6-svscan|supervisord)$/;

// Official images known to define no ENTRYPOINT (their CMD is the whole command).
const NO_ENTRYPOINT = /^(?:scratch|alpine|busybox|debian|ubuntu|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|python|pypy|golang|rust|gcc|ruby|openjdk|amazoncorretto|httpd|erlang|elixir|swift|haskell|clojure|perl|(?:gcr\.io\/)?distroless\/(?:static|base|cc)[\w.-]*|(?:redhat\/)?ubi\d+(?:\/[\w.-]+)?|(?:dotnet\/)?(?:runtime|aspnet|runtime-deps)|chainguard\/static)$/;

export default defineRule({
  id: 'dockerfile-cmd-flags-without-entrypoint',
  family: 'dockerfile',
  severity: 'information',
  key: 'dockerfile.CMD',
  docs: 'https://docs.docker.com/reference/dockerfile/#understand-how-cmd-and-entrypoint-interact',
  fixSafety: 'suggestion',
  description: {
    en: 'CMD starts the program with its options and there is no ENTRYPOINT',
    ru: 'CMD запускает программу с ключами, а ENTRYPOINT нет',
  },
  messages: {
    useEntrypoint: {
      en: (a: { program: string }) => `CMD starts \`${a.program}\` with its options: put the program in ENTRYPOINT and keep the default options in CMD, so \`docker run\` arguments replace only the options.`,
      ru: (a: { program: string }) => `CMD запускает \`${a.program}\` вместе с ключами: программу вынесите в ENTRYPOINT, а ключи по умолчанию оставьте в CMD — тогда аргументы \`docker run\` заменят только ключи.`,
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      const stage = finalStage(model);
      if (!stage) return;
      const cmd = effective(stage, 'CMD');
      const words = cmd?.execWords;
      if (!cmd || !words || words.length < 2 || hasEntrypoint(model, stage) || !NO_ENTRYPOINT.test(imageName(baseImage(model, stage)))) return;
      const program = basename(words[0].value);
      if (!program || words[0].value.startsWith('-') || NOT_A_BINARY.test(program) || FOREGROUND_SERVERS.test(program)) return;
      const firstFlag = words.findIndex((w, i) => i > 0 && w.value.startsWith('-'));
      if (firstFlag < 0) return;
      const c = cmd;
      ctx.report({
        messageId: 'useEntrypoint',
        args: { program },
        start: c.keywordStart,
        end: c.argsEnd,
        fix: () => ({
          title: { en: 'Move the program to ENTRYPOINT', ru: 'Вынести программу в ENTRYPOINT' },
          edits: [
            replaceSpan(
              ctx.doc,
              c.keywordStart,
              c.argsEnd,
              `${keywordLike(c, ctx.doc, 'ENTRYPOINT')} ${execForm(words.slice(0, firstFlag).map((w) => w.value))}${ctx.doc.lines.eol}${ctx.doc.text.slice(c.keywordStart, c.keywordEnd)} ${execForm(words.slice(firstFlag).map((w) => w.value))}`,
            ),
          ],
        }),
      });
    },
  },
});

function hasEntrypoint(model: DockerfileModel, stage: DockerStage): boolean {
  for (let s: DockerStage | undefined = stage, guard = 0; s && guard <= model.stages.length; s = parentStage(model, s), guard++) {
    if (effective(s, 'ENTRYPOINT')) return true;
  }
  return false;
}

/** `docker.io/library/python:3.12-slim@sha256:...` -> `python`. */
function imageName(image: string): string {
  let s = image.replace(/@.*$/, '');
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) s = s.slice(0, colon);
  s = s.replace(/^(?:docker\.io\/|index\.docker\.io\/|registry\.access\.redhat\.com\/|mcr\.microsoft\.com\/|cgr\.dev\/)/, '');
  return s.replace(/^library\//, '');
}
