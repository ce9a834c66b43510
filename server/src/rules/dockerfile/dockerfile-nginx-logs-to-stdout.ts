// What it does: flags nginx installed from packages (apt-get/apk/yum/dnf) in the image that
// ships, when its log files are not linked to /dev/stdout and /dev/stderr.
// Why: slurm-notes.md:13-19 — logs go to stdout/stderr, where Docker collects them; to catch
//   nginx's logs from its usual files, add
//   `RUN set -ex && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log`.
// Not reported: the official nginx image (it already links them), a copied nginx config that
//   sends the logs to /dev/stdout or that we cannot read.
// Fix safety: safe: the symlinks replace two files the package creates.
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument } from '../../documents/document';
import { baseImage, DockerfileModel, DockerInstruction, shippedStages } from '../../documents/dockerfile';
import { analyzeCommand, isSystemPackageInstall, linksToStdio } from '../../documents/dockerCommands';
import { ShellWord } from '../../documents/shell';
import { defineRule } from '../types';
import { endOfInstructionLine, insertAt, keywordLike, wordCommands } from './_run';

const NGINX_PACKAGE = /^nginx(?:-(?:full|light|extras|core|mainline))?(?:[=~].*)?$/;
const OFFICIAL_NGINX = /^(?:(?:docker\.io\/)?(?:library\/)?nginx|nginxinc\/nginx-unprivileged|bitnami\/nginx)(?::|@|$)/;

export default defineRule({
  id: 'dockerfile-nginx-logs-to-stdout',
  family: 'dockerfile',
  severity: 'warning',
  key: 'dockerfile.run.ln-stdout',
  docs: 'https://docs.docker.com/engine/logging/',
  fixSafety: 'safe',
  description: {
    en: 'nginx from packages writes its logs to files, not to stdout/stderr',
    ru: 'nginx из пакетов пишет логи в файлы, а не в stdout/stderr',
  },
  messages: {
    logsInFiles: {
      en: 'nginx from packages writes to /var/log/nginx/*.log, so `docker logs` stays empty: link access.log to /dev/stdout and error.log to /dev/stderr.',
      ru: 'nginx из пакетов пишет в /var/log/nginx/*.log, и `docker logs` остаётся пустым: сделайте ссылки access.log -> /dev/stdout и error.log -> /dev/stderr.',
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      const shipped = shippedStages(model);
      const stages = model.stages.filter((s) => shipped.has(s.index));
      if (!stages.length || OFFICIAL_NGINX.test(baseImage(model, stages[stages.length - 1]))) return;
      let install: { ins: DockerInstruction; word: ShellWord } | undefined;
      const links = new Set<string>();
      for (const stage of stages) {
        for (const ins of stage.instructions) {
          if (ins.keyword === 'RUN' && ins.commands) {
            for (const cmd of wordCommands(ins)) {
              const info = analyzeCommand(cmd);
              const link = linksToStdio(info);
              if (link) links.add(link);
              const word = isSystemPackageInstall(info) ? info.operands.find((w) => NGINX_PACKAGE.test(w.value)) : undefined;
              if (word && !install) install = { ins, word };
            }
          }
          if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && configHandlesLogs(ctx.doc, ins)) return;
        }
      }
      if (!install || (links.has('stdout') && links.has('stderr'))) return;
      const at = install;
      ctx.report({
        messageId: 'logsInFiles',
        start: at.word.start,
        end: at.word.end,
        fix: () => ({
          title: { en: 'Link the nginx logs to stdout/stderr', ru: 'Направить логи nginx в stdout/stderr' },
          edits: [insertAt(ctx.doc, endOfInstructionLine(ctx.doc, at.ins), linkRun(ctx.doc, model, at.ins))],
        }),
      });
    },
  },
});

/** The notes' RUN (slurm-notes.md:17-19), in the file's keyword case and escape character. */
function linkRun(doc: OpsDocument, model: DockerfileModel, after: DockerInstruction): string {
  const eol = doc.lines.eol;
  const esc = model.escapeChar;
  return `${eol}${keywordLike(after, doc, 'RUN')} ln -sf /dev/stdout /var/log/nginx/access.log && ${esc}${eol}    ln -sf /dev/stderr /var/log/nginx/error.log`;
}

/** A COPY of nginx config that logs to stdout, or that we cannot read (it may). */
function configHandlesLogs(doc: OpsDocument, ins: DockerInstruction): boolean {
  const args = ins.execWords ?? ins.arguments;
  const dest = args[args.length - 1]?.value ?? '';
  if (!/^\/etc\/nginx(?:\/|$)/.test(dest)) return false;
  if (ins.flags.some((f) => f.name === 'from')) return true;
  for (const s of args.slice(0, -1)) {
    try {
      const file = path.join(path.dirname(doc.path), s.value);
      if (fs.statSync(file).isDirectory()) return true;
      if (/(?:access|error)_log\s+(?:\/dev\/std(?:out|err)|\/proc\/self\/fd\/[12]|stderr|syslog:)/.test(fs.readFileSync(file, 'utf8'))) return true;
    } catch {
      return true;
    }
  }
  return false;
}
