// What it does: flags CMD/ENTRYPOINT that start the program in the background: `service x
// start`, `systemctl`, `/etc/init.d/x start`, `apachectl start`, `php-fpm -D`, a command ending
// in `&`, nginx without `daemon off;`, sshd without -D, cron without -f.
// Why: slurm-notes.md:5 and :41 — the process inside the container runs in the foreground; the
//   container lives as long as its PID 1. A program that forks into the background and
//   returns ends the container, or leaves a `tail -f` as PID 1 that gets the signals and
//   hides the real program's exit and logs.
// Fix safety: suggestion, where there is a foreground switch: nginx `-g 'daemon off;'`,
//   php-fpm `-F`, sshd `-D`, dropping a trailing `&`. Not for service managers.
// nginx: not reported when the file writes `daemon off` into the config or copies a config
//   we cannot read (it may say `daemon off;`).
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument } from '../../documents/document';
import { commandsOf, DockerfileModel, DockerInstruction, ExecWord } from '../../documents/dockerfile';
import { analyzeCommand } from '../../documents/dockerCommands';
import { ShellCommand, ShellWord, tokenizeShell } from '../../documents/shell';
import { defineRule, Fix } from '../types';
import { insertAt, replaceSpan } from './_run';

type Problem = { messageId: 'serviceManager' | 'background' | 'daemonFlag' | 'nginx'; program: string; span: { start: number; end: number }; fix?: (doc: OpsDocument) => Fix | undefined };

export default defineRule({
  id: 'dockerfile-daemonized-process',
  family: 'dockerfile',
  severity: 'warning',
  key: 'docker.foreground',
  docs: 'https://docs.docker.com/engine/containers/multi-service_container/',
  fixSafety: 'suggestion',
  description: {
    en: 'CMD/ENTRYPOINT starts the process in the background',
    ru: 'CMD/ENTRYPOINT запускает процесс в фоне',
  },
  messages: {
    serviceManager: {
      en: (a: { program: string }) => `\`${a.program}\` starts the service in the background and returns; the container needs its process in the foreground as PID 1. Run the program itself in foreground mode.`,
      ru: (a: { program: string }) => `\`${a.program}\` запускает сервис в фоне и завершается, а контейнеру нужен процесс в foreground с PID 1. Запускайте саму программу в режиме foreground.`,
    },
    background: {
      en: (a: { program: string }) => `\`${a.program} … &\` goes to the background and the container stops when its command ends. Keep the process in the foreground.`,
      ru: (a: { program: string }) => `\`${a.program} … &\` уходит в фон, и контейнер завершается вместе со своей командой. Процесс должен работать в foreground.`,
    },
    daemonFlag: {
      en: (a: { program: string }) => `\`${a.program}\` runs as a daemon here; the container needs it in the foreground as PID 1.`,
      ru: (a: { program: string }) => `\`${a.program}\` здесь запускается как демон, а контейнеру он нужен в foreground с PID 1.`,
    },
    nginx: {
      en: 'nginx daemonises by default: add `-g "daemon off;"` so it stays in the foreground as PID 1.',
      ru: 'nginx по умолчанию уходит в фон: добавьте `-g "daemon off;"`, чтобы он работал в foreground с PID 1.',
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      for (const stage of model.stages) {
        // Only the last CMD and ENTRYPOINT of a stage take effect.
        for (const keyword of ['CMD', 'ENTRYPOINT']) {
          const ins = [...stage.instructions].reverse().find((i) => i.keyword === keyword);
          if (!ins) continue;
          const p = problemOf(ctx.doc, model, ins);
          if (!p) continue;
          ctx.report({ messageId: p.messageId, args: p.messageId === 'nginx' ? undefined : { program: p.program }, start: p.span.start, end: p.span.end, fix: p.fix ? () => p.fix!(ctx.doc) : undefined });
        }
      }
    },
  },
});

const SERVICE_MANAGERS = new Set(['service', 'systemctl', 'rc-service', 'initctl']);

function problemOf(doc: OpsDocument, model: DockerfileModel, ins: DockerInstruction): Problem | undefined {
  for (const cmd of scriptCommands(ins)) {
    const info = analyzeCommand(cmd);
    const w = info.words;
    if (!w.length) continue;
    const values = w.map((x) => x.value);
    const span = { start: w[0].start, end: w[w.length - 1].end };
    const label = values.slice(0, 2).join(' ');
    const exec = !!ins.execWords && w[0].start === ins.execWords[0]?.start;
    // Words of an escaped `sh -c` string all point at the string: no edit can be placed.
    const editable = !(w.length > 1 && w[0].start === w[1].start);
    if (SERVICE_MANAGERS.has(info.program) || (/^\/etc\/init\.d\//.test(values[0]) && /^(?:re)?start$/.test(values[1] ?? ''))) {
      return { messageId: 'serviceManager', program: info.program === 'service' || info.program === 'systemctl' ? values.slice(0, 3).join(' ') : values[0], span };
    }
    if (cmd.separator === '&' && cmd === lastCommand(ins)) {
      return { messageId: 'background', program: values[0], span, fix: ins.commands ? (d) => removeAmpersand(d, cmd) : undefined };
    }
    if ((info.program === 'apachectl' || info.program === 'apache2ctl' || info.program === 'httpd') && values.includes('start') && !values.includes('FOREGROUND')) {
      return { messageId: 'daemonFlag', program: label, span };
    }
    if (/^php-fpm[\d.]*$/.test(info.program)) {
      const d = w.find((x) => x.value === '-D' || x.value === '--daemonize');
      if (d) return { messageId: 'daemonFlag', program: `${info.program} ${d.value}`, span: d, fix: editable ? (doc2) => replaceFix(doc2, d, exec, '-F', 'Run php-fpm in the foreground (-F)', 'Запускать php-fpm в foreground (-F)') : undefined };
    }
    if (info.program === 'redis-server') {
      const i = values.indexOf('--daemonize');
      if (i >= 0 && values[i + 1] === 'yes') return { messageId: 'daemonFlag', program: 'redis-server --daemonize yes', span };
    }
    if (info.program === 'sshd' && !values.some((v) => /^-[a-zA-Z]*[Dd]/.test(v))) {
      return { messageId: 'daemonFlag', program: values[0], span, fix: editable ? (doc2) => appendArgs(doc2, w[0], exec, ['-D'], 'Run sshd in the foreground (-D)', 'Запускать sshd в foreground (-D)') : undefined };
    }
    if ((info.program === 'cron' || info.program === 'crond') && !values.some((v) => /^-[a-zA-Z]*[fn]/.test(v))) {
      return { messageId: 'daemonFlag', program: values[0], span };
    }
    if (info.program === 'nginx' && nginxDaemonises(doc, model, values)) {
      return { messageId: 'nginx', program: 'nginx', span, fix: editable ? (doc2) => appendArgs(doc2, w[0], exec, ['-g', 'daemon off;'], "Add -g 'daemon off;'", "Добавить -g 'daemon off;'") : undefined };
    }
  }
  return undefined;
}

/** The commands that run: shell form, exec form, and the script of `sh -c "..."` in exec form. */
function scriptCommands(ins: DockerInstruction): ShellCommand[] {
  const exec = ins.execWords;
  if (!exec) return ins.commands ?? [];
  const shell = /^(?:\/bin\/|\/usr\/bin\/)?(?:ba|da)?sh$/;
  const c = exec.findIndex((w, i) => i > 0 && w.value === '-c');
  if (c > 0 && shell.test(exec[0].value) && exec[c + 1]) return scriptOf(exec[c + 1]);
  return commandsOf(ins);
}

function scriptOf(e: ExecWord): ShellCommand[] {
  const cmds = tokenizeShell(e.value, { base: e.start + 1, continuations: false });
  if (!e.escaped) return cmds;
  // Offsets inside an escaped JSON string do not map: point at the whole string.
  return cmds.map((c) => ({ ...c, words: c.words.map((w) => ({ ...w, start: e.start, end: e.end })), start: e.start, end: e.end }));
}

function lastCommand(ins: DockerInstruction): ShellCommand | undefined {
  const cmds = scriptCommands(ins).filter((c) => c.words.length);
  return cmds[cmds.length - 1];
}

function nginxDaemonises(doc: OpsDocument, model: DockerfileModel, values: string[]): boolean {
  if (values.some((v) => v === '-s' || v === '-t' || v === '-T' || v === '-v' || v === '-V' || v === '-h')) return false;
  const g = values.indexOf('-g');
  if (g >= 0 && /\bdaemon\s+off\b/.test(values[g + 1] ?? '')) return false;
  if (g >= 0 && /\bdaemon\s+on\b/.test(values[g + 1] ?? '')) return true;
  for (const ins of model.instructions) {
    if (ins.keyword === 'RUN' && /daemon\s+off/.test(ins.args)) return false;
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !configLeavesDaemonOn(doc, ins)) return false;
  }
  return true;
}

/**
 * Whether a COPY leaves nginx daemonising: false when it puts a main nginx.conf in place that
 * says `daemon off;` or that we cannot read (`daemon` is only valid in the main config, so
 * conf.d files do not matter).
 */
function configLeavesDaemonOn(doc: OpsDocument, ins: DockerInstruction): boolean {
  const args = ins.execWords ?? ins.arguments;
  const dest = (args[args.length - 1]?.value ?? '').replace(/\/+$/, '');
  const sources = args.slice(0, -1);
  const main = /(?:^|\/)nginx\.conf$/.test(dest) || (dest === '/etc/nginx' && sources.some((s) => !/\.conf$/.test(s.value) || /(?:^|\/)nginx\.conf$/.test(s.value)));
  if (!main) return true;
  if (ins.flags.some((f) => f.name === 'from')) return false;
  for (const s of sources) {
    try {
      const file = path.join(path.dirname(doc.path), s.value);
      const stat = fs.statSync(file);
      if (stat.isDirectory()) return false;
      if (/daemon\s+off/.test(fs.readFileSync(file, 'utf8'))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function removeAmpersand(doc: OpsDocument, cmd: ShellCommand): Fix {
  return { title: { en: 'Run it in the foreground (remove &)', ru: 'Запускать в foreground (убрать &)' }, edits: [replaceSpan(doc, cmd.end, cmd.separatorEnd, '')] };
}

function appendArgs(doc: OpsDocument, after: ShellWord, exec: boolean, args: string[], en: string, ru: string): Fix {
  const text = exec ? args.map((a) => `, ${JSON.stringify(a)}`).join('') : args.map((a) => ` ${/[\s;'"$]/.test(a) ? `'${a}'` : a}`).join('');
  return { title: { en, ru }, edits: [insertAt(doc, after.end, text)] };
}

function replaceFix(doc: OpsDocument, word: ShellWord, exec: boolean, value: string, en: string, ru: string): Fix {
  return { title: { en, ru }, edits: [replaceSpan(doc, word.start, word.end, exec ? JSON.stringify(value) : value)] };
}

