// What it does: flags `apt-get update` in a RUN of its own when a later RUN of the stage runs
// `apt-get install`.
// Why: slurm-notes.md:11 — update and install go in one RUN. Docker caches the update layer,
//   so a later build installs from a stale package index (or fails when the mirror dropped
//   the old versions): Docker's best practices call this cache busting.
// Example: `RUN apt-get update` + `RUN apt-get install -y curl` ->
//   `RUN apt-get update && apt-get install -y curl`.
// Fix safety: safe when the update RUN holds only the update: it is deleted and the same
//   update command is put in front of the install; otherwise there is no fix.
import { DockerInstruction } from '../../documents/dockerfile';
import { analyzeCommand, CommandInfo } from '../../documents/dockerCommands';
import { ShellCommand } from '../../documents/shell';
import { defineRule } from '../types';
import { inHeredocBody, insertAt, removeInstruction, wordCommands } from './_run';

const isApt = (info: CommandInfo, sub: string) => info.tool === 'apt-get' && info.sub === sub;

export default defineRule({
  id: 'dockerfile-apt-update-separate',
  family: 'dockerfile',
  severity: 'warning',
  key: 'dockerfile.run.apt-get.update',
  docs: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  fixSafety: 'safe',
  description: {
    en: 'apt-get update in its own RUN, apart from apt-get install',
    ru: 'apt-get update в отдельном RUN, не вместе с apt-get install',
  },
  messages: {
    separate: {
      en: (a: { line: number }) =>
        `apt-get update runs in its own RUN, and the install is on line ${a.line}: the cached update layer leaves the install with a stale package index. Run update and install in one RUN.`,
      ru: (a: { line: number }) =>
        `apt-get update выполняется в отдельном RUN, а установка — в строке ${a.line}: слой с update берётся из кэша, и установка идёт по устаревшему индексу пакетов. Делайте update и install в одном RUN.`,
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      for (const stage of model.stages) {
        const runs = stage.instructions.filter((i) => i.keyword === 'RUN' && i.commands);
        runs.forEach((ins, n) => {
          const infos = wordCommands(ins).map((cmd) => ({ cmd, info: analyzeCommand(cmd) }));
          const update = infos.find(({ info }) => isApt(info, 'update'));
          if (!update || infos.some(({ info }) => isApt(info, 'install'))) return;
          let target: { ins: DockerInstruction; cmd: ShellCommand } | undefined;
          for (const later of runs.slice(n + 1)) {
            const cmds = wordCommands(later);
            const install = cmds.find((c) => isApt(analyzeCommand(c), 'install'));
            // That RUN refreshes the index itself: the separate update is only wasted.
            if (install && cmds.some((c) => isApt(analyzeCommand(c), 'update'))) return;
            if (install) {
              target = { ins: later, cmd: install };
              break;
            }
            // A later update without install starts over: that one is reported instead.
            if (cmds.some((c) => isApt(analyzeCommand(c), 'update'))) return;
          }
          if (!target) return;
          const head = update.info.head;
          const alone = infos.length === 1;
          const t = target;
          ctx.report({
            messageId: 'separate',
            args: { line: ctx.doc.lines.positionAt(t.cmd.start).line + 1 },
            start: head[0].start,
            end: head[head.length - 1].end,
            fix: alone ? () => mergeFix(ctx.doc, ins, update.cmd, t.ins, t.cmd) : undefined,
          });
        });
      }
    },
  },
});

function mergeFix(doc: import('../../documents/document').OpsDocument, updateIns: DockerInstruction, update: ShellCommand, installIns: DockerInstruction, install: ShellCommand) {
  const cmds = wordCommands(installIns);
  const i = cmds.indexOf(install);
  const prev = cmds[i - 1];
  if (prev && prev.separator !== '&&' && prev.separator !== ';' && prev.separator !== '\n') return undefined;
  const updateText = doc.text.slice(update.start, update.end);
  let insert;
  if (inHeredocBody(doc, installIns, install)) {
    const line = doc.lines.positionAt(install.start).line;
    const lineText = doc.lines.lineText(line);
    insert = insertAt(doc, doc.lines.lineStart(line), `${lineText.slice(0, lineText.length - lineText.trimStart().length)}${updateText}${doc.lines.eol}`);
  } else {
    insert = insertAt(doc, install.start, `${updateText} && `);
  }
  return {
    title: { en: 'Merge apt-get update into the RUN that installs', ru: 'Объединить apt-get update с RUN, который устанавливает пакеты' },
    edits: [removeInstruction(doc, updateIns), insert],
  };
}
