// Refactoring (code action, not a diagnostic): extract a long inline package list of
// `apt-get install` / `apk add` / `yum install` into `ARG BUILD_PACKAGES="..."`.
// Why: slurm-notes.md:130-132 — package bundles go into variables at the start of the
//   Dockerfile so they are easy to change: `ARG BUILD_PACKAGES="nginx nodejs dcron ..."`.
// Where the ARG goes: right after the stage's FROM. An ARG before the first FROM is only
//   visible to FROM lines, not to RUN (Docker's ARG scope), so "the start" of a Dockerfile
//   means the start of the stage that uses it.
import { OpsDocument } from '../../documents/document';
import { analyzeCommand, isSystemPackageInstall } from '../../documents/dockerCommands';
import { t, UI } from '../../i18n/ui';
import { Fix } from '../types';
import { endOfInstructionLine, insertAt, keywordLike, replaceSpan, wordCommands } from './_run';

const MIN_PACKAGES = 4;

export function extractPackageArg(doc: OpsDocument, start: number, end: number): Fix[] {
  if (doc.kind !== 'dockerfile') return [];
  const model = doc.dockerfile;
  for (const ins of model.instructions) {
    if (ins.keyword !== 'RUN' || !ins.commands || ins.end < start || ins.start > end) continue;
    for (const cmd of wordCommands(ins)) {
      if (cmd.end < start || cmd.start > end) continue;
      const info = analyzeCommand(cmd);
      if (!isSystemPackageInstall(info)) continue;
      const packages = info.operands;
      if (packages.length < MIN_PACKAGES || packages.some((w) => w.quoted || /[$"'`\\]/.test(w.value))) continue;
      const first = packages[0];
      const last = packages[packages.length - 1];
      // Options between the packages, or comment lines inside the list, would be lost.
      if (info.options.some((o) => o.start > first.start && o.start < last.end)) continue;
      if (doc.text.slice(first.start, last.end).includes('#')) continue;
      const stage = model.stages[ins.stage];
      if (!stage) continue;
      const name = freeName(doc, 'BUILD_PACKAGES');
      const arg = `${keywordLike(ins, doc, 'ARG')} ${name}="${packages.map((w) => w.value).join(' ')}"`;
      return [
        {
          title: { en: t(UI.extractArg, 'en', { name }), ru: t(UI.extractArg, 'ru', { name }) },
          edits: [insertAt(doc, endOfInstructionLine(doc, stage.from), `${doc.lines.eol}${arg}`), replaceSpan(doc, first.start, last.end, `\${${name}}`)],
          safety: 'suggestion',
        },
      ];
    }
  }
  return [];
}

/** BUILD_PACKAGES, or BUILD_PACKAGES_2... when the file already declares it. */
function freeName(doc: OpsDocument, base: string): string {
  const declared = new Set<string>();
  for (const ins of doc.dockerfile.instructions) {
    if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
    for (const a of ins.arguments) declared.add(a.value.replace(/=.*$/, ''));
  }
  if (!declared.has(base)) return base;
  for (let n = 2; ; n++) if (!declared.has(`${base}_${n}`)) return `${base}_${n}`;
}
