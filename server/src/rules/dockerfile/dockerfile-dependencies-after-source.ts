// What it does: flags a COPY of the whole source (`COPY . .`, or the app folder) that comes
// before the stage installs dependencies from a manifest (pip install -r, npm ci|install,
// yarn install, pnpm install, bundle install, go mod download, composer install...).
// Why: slurm-notes.md:117-118 and :128 — the dependency files are copied first, then the
//   dependencies are installed, then the code is copied; otherwise any code change busts the
//   layer cache and every build downloads and installs all packages again.
// Example: `COPY . .` + `RUN npm ci` -> `COPY package.json package-lock.json ./` + `RUN npm ci` + `COPY . .`.
// Fix safety: suggestion, offered only when it is mechanical: the install RUN follows the
//   COPY (ENV/ARG/LABEL/EXPOSE between are fine), reads only the manifest, and the manifest
//   lands right in the COPY's destination. Lock files are named when they exist beside the
//   Dockerfile (the usual build context).
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument } from '../../documents/document';
import { DockerfileModel, DockerInstruction, DockerStage, parentStage } from '../../documents/dockerfile';
import { analyzeCommand, CommandInfo, dependencyStep, DependencyStep, optionValues } from '../../documents/dockerCommands';
import { defineRule, Fix } from '../types';
import { insertAt, keywordLike, replaceSpan, wordCommands } from './_run';

interface Source {
  value: string;
  start: number;
  end: number;
}

interface CopyStep {
  ins: DockerInstruction;
  sources: Source[];
  dest: string;
  destAbs: string;
}

interface Finding {
  copy: CopyStep;
  run: DockerInstruction;
  step: DependencyStep;
  /** Manifest paths in the build context, primary first. */
  manifests: string[];
  /** Manifests relative to the COPY's destination. */
  relative: string[];
}

const posix = path.posix;

export default defineRule({
  id: 'dockerfile-dependencies-after-source',
  family: 'dockerfile',
  severity: 'warning',
  key: 'dockerfile.practice.dependencies-first',
  docs: 'https://docs.docker.com/build/cache/optimize/#order-your-layers',
  fixSafety: 'suggestion',
  description: {
    en: 'Source code copied before dependencies are installed',
    ru: 'Код копируется до установки зависимостей',
  },
  messages: {
    sourceFirst: {
      en: (a: { manifests: string; command: string; line: number }) =>
        `The source is copied before \`${a.command}\` (line ${a.line}), so any code change reinstalls all dependencies. Copy ${a.manifests} first, install, then copy the code.`,
      ru: (a: { manifests: string; command: string; line: number }) =>
        `Код копируется до \`${a.command}\` (строка ${a.line}), и любое изменение кода заново ставит все зависимости. Сначала скопируйте ${a.manifests}, установите зависимости, потом копируйте код.`,
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      for (const stage of model.stages) {
        for (const f of stageFindings(model, stage, ctx.doc)) {
          const list = f.manifests.map((m) => `\`${m}\``);
          ctx.report({
            messageId: 'sourceFirst',
            args: {
              manifests: list.length > 1 ? `${list.slice(0, -1).join(', ')} + ${list[list.length - 1]}` : list[0],
              command: f.step.label,
              line: ctx.doc.lines.positionAt(f.run.keywordStart).line + 1,
            },
            start: f.copy.ins.keywordStart,
            end: f.copy.ins.argsEnd,
            fix: () => reorderFix(ctx.doc, stage, f),
          });
        }
      }
    },
  },
});

function stageFindings(model: DockerfileModel, stage: DockerStage, doc: OpsDocument): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<DockerInstruction>();
  const copies: CopyStep[] = [];
  let workdir = inheritedWorkdir(model, stage);
  for (const ins of stage.instructions) {
    if (ins.keyword === 'WORKDIR' && ins.arguments[0]) workdir = posix.resolve(workdir, ins.arguments[0].value);
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !ins.flags.some((f) => f.name === 'from')) {
      const args: Source[] = ins.execWords ?? ins.arguments;
      if (args.length >= 2 && !args[0].value.startsWith('<<')) {
        const dest = args[args.length - 1].value;
        copies.push({ ins, sources: args.slice(0, -1), dest, destAbs: posix.resolve(workdir, dest) });
      }
    }
    if (ins.keyword !== 'RUN' || !ins.commands) continue;
    let cwd = workdir;
    for (const cmd of wordCommands(ins)) {
      const info = analyzeCommand(cmd);
      if (info.program === 'cd' && info.words[1]) cwd = posix.resolve(cwd, info.words[1].value);
      const step = dependencyStep(info);
      if (!step) continue;
      const dir = stepDir(info, cwd);
      const abs = step.manifests.map((m) => posix.resolve(dir, m));
      for (const copy of copies) {
        if (reported.has(copy.ins)) continue;
        const m = manifestsVia(doc, copy, abs);
        if (!m) continue;
        reported.add(copy.ins);
        out.push({ copy, run: ins, step, ...m });
      }
    }
  }
  return out;
}

function inheritedWorkdir(model: DockerfileModel, stage: DockerStage): string {
  const parent = parentStage(model, stage);
  if (!parent) return '/';
  let wd = inheritedWorkdir(model, parent);
  for (const ins of parent.instructions) if (ins.keyword === 'WORKDIR' && ins.arguments[0]) wd = posix.resolve(wd, ins.arguments[0].value);
  return wd;
}

/** Where the installer looks for its manifest: `--prefix`, `--cwd`, `-C`, `--working-dir`. */
function stepDir(info: CommandInfo, cwd: string): string {
  const dir = optionValues(info, ['--prefix', '--cwd', '-C', '--dir', '--working-dir', '-d'])[0];
  return dir ? posix.resolve(cwd, dir.value) : cwd;
}

/** The manifests, if this COPY brings the primary one in with the whole source or a folder. */
function manifestsVia(doc: OpsDocument, copy: CopyStep, abs: string[]): { manifests: string[]; relative: string[] } | undefined {
  const rel = posix.relative(copy.destAbs, abs[0]);
  if (!rel || rel.startsWith('..') || posix.isAbsolute(rel)) return undefined;
  for (const s of copy.sources) {
    const whole = s.value === '.' || s.value === './';
    if (!whole && !isFolder(doc, s.value)) continue;
    const relative = abs.map((a) => posix.relative(copy.destAbs, a));
    const manifests = relative.map((r) => (whole ? r : posix.join(s.value, r)));
    return { manifests, relative };
  }
  return undefined;
}

function contextDir(doc: OpsDocument): string {
  return path.dirname(doc.path);
}

/** A COPY source is a folder: on disk beside the Dockerfile, else when written with a slash. */
function isFolder(doc: OpsDocument, source: string): boolean {
  if (/[*?[$]/.test(source)) return false;
  // `requirements.txt`, `app.py`: a file name; only names without an extension go to disk.
  if (!source.endsWith('/') && /\.[A-Za-z0-9]{1,8}$/.test(source)) return false;
  try {
    const stat = fs.statSync(path.join(contextDir(doc), source), { throwIfNoEntry: false });
    return stat ? stat.isDirectory() : source.endsWith('/');
  } catch {
    return source.endsWith('/');
  }
}

const BETWEEN_OK = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE']);

function reorderFix(doc: OpsDocument, stage: DockerStage, f: Finding): Fix | undefined {
  const { copy, run } = f;
  if (f.relative.some((r) => r.includes('/'))) return undefined;
  if (copy.ins.flags.some((fl) => !['chown', 'chmod', 'link'].includes(fl.name))) return undefined;
  const list = stage.instructions;
  const from = list.indexOf(copy.ins);
  const to = list.indexOf(run);
  if (list.slice(from + 1, to).some((i) => !BETWEEN_OK.has(i.keyword))) return undefined;
  if (!wordCommands(run).every((cmd) => readsOnlyManifests(analyzeCommand(cmd)))) return undefined;
  const files = existingManifests(doc, f);
  const dest = copy.dest === '.' ? './' : copy.dest.endsWith('/') ? copy.dest : `${copy.dest}/`;
  const flags = copy.ins.flags.map((fl) => doc.text.slice(fl.start, fl.end)).join(' ');
  const keyword = keywordLike(copy.ins, doc, 'COPY');
  const manifestCopy = [keyword, flags, ...files, dest].filter(Boolean).join(' ');
  const original = doc.text.slice(copy.ins.keywordStart, copy.ins.end);
  const eol = doc.lines.eol;
  const runLineEnd = doc.lines.lineEnd(doc.lines.positionAt(run.end).line);
  return {
    title: { en: `Copy ${files.join(' ')} first, the code after the install`, ru: `Сначала скопировать ${files.join(' ')}, код — после установки` },
    edits: [replaceSpan(doc, copy.ins.keywordStart, copy.ins.end, manifestCopy), insertAt(doc, runLineEnd, `${eol}${original}`)],
  };
}

/** The manifests the fix copies: the lock file only when it is there (or the context is elsewhere). */
function existingManifests(doc: OpsDocument, f: Finding): string[] {
  const dir = contextDir(doc);
  const exists = (p: string) => {
    try {
      return fs.existsSync(path.join(dir, p));
    } catch {
      return false;
    }
  };
  // The context is not beside the Dockerfile: name what npm's own docs copy.
  if (!exists(f.manifests[0])) return f.manifests[1] === 'package-lock.json' ? [f.manifests[0].replace(/package\.json$/, 'package*.json')] : f.manifests;
  return f.manifests.filter((m, i) => i === 0 || exists(m));
}

/** The install command needs nothing from the source but its manifest. */
function readsOnlyManifests(info: CommandInfo): boolean {
  if (dependencyStep(info)) {
    if (info.tool === 'pip') return info.operands.length === 0 && !info.options.some((o) => o.value === '-e' || o.value === '--editable');
    return true;
  }
  return ['set', 'rm', 'true', 'echo'].includes(info.program) || (info.tool !== undefined && info.sub === 'cache');
}
