// What it does: flags `COPY . ` / `ADD . ` when there is no .dockerignore for the build context.
// Why: slurm-notes.md:7 — .dockerignore lists what must not go into the image. Without it
//   `COPY .` sends .git, node_modules, local .env files and build output into the context and
//   the image, and any change to them busts the layer cache.
// Where we look: the Dockerfile's folder (the usual context), its `<Dockerfile>.dockerignore`
//   (BuildKit reads that first), and the folders above it up to the repository root, since
//   the context may be a parent folder. Unsaved files (no folder on disk) are not checked.
// Fix safety: suggestion: it creates .dockerignore beside the Dockerfile; entries the
//   Dockerfile itself copies (e.g. `COPY dist/ ...`) are left out of it.
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument } from '../../documents/document';
import { DockerfileModel } from '../../documents/dockerfile';
import { defineRule } from '../types';

const ENTRIES: readonly string[] = [
  '.git',
  '.gitignore',
  '.dockerignore',
  'Dockerfile*',
  '*.Dockerfile',
  'docker-compose*.yml',
  'compose*.yaml',
  '.env',
  '.env.*',
  'node_modules',
  'npm-debug.log*',
  '__pycache__',
  '*.pyc',
  '.venv',
  '.pytest_cache',
  'dist',
  'build',
  'target',
  'coverage',
  '.idea',
  '.vscode',
];

export default defineRule({
  id: 'dockerfile-missing-dockerignore',
  family: 'dockerfile',
  severity: 'warning',
  key: 'docker.dockerignore',
  docs: 'https://docs.docker.com/build/concepts/context/#dockerignore-files',
  fixSafety: 'suggestion',
  description: {
    en: 'COPY . without a .dockerignore',
    ru: 'COPY . без .dockerignore',
  },
  messages: {
    noDockerignore: {
      en: 'The whole build context is copied and there is no .dockerignore: .git, node_modules, .env and build output go into the image. Add a .dockerignore.',
      ru: 'Копируется весь контекст сборки, а .dockerignore нет: в образ попадут .git, node_modules, .env и результаты сборки. Добавьте .dockerignore.',
    },
  },
  kinds: ['dockerfile'],
  visit: {
    dockerfile(model, ctx) {
      const copy = model.instructions.find((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from') && sources(i).some((s) => s.value === '.' || s.value === './'));
      if (!copy || hasDockerignore(ctx.doc)) return;
      const dot = sources(copy).find((s) => s.value === '.' || s.value === './')!;
      ctx.report({
        messageId: 'noDockerignore',
        start: dot.start,
        end: dot.end,
        fix: () => ({
          title: { en: 'Create .dockerignore', ru: 'Создать .dockerignore' },
          edits: [],
          createFiles: [{ path: '.dockerignore', content: dockerignoreFor(model) }],
        }),
      });
    },
  },
});

function sources(ins: DockerfileModel['instructions'][number]): { value: string; start: number; end: number }[] {
  const args = ins.execWords ?? ins.arguments;
  return args.slice(0, -1);
}

function hasDockerignore(doc: OpsDocument): boolean {
  // An unsaved document has no folder, so no build context to look at.
  if (!path.isAbsolute(doc.path)) return true;
  const dir = path.dirname(doc.path);
  try {
    if (!fs.statSync(dir).isDirectory()) return true;
  } catch {
    return true;
  }
  if (fs.existsSync(`${doc.path}.dockerignore`)) return true;
  for (let d = dir, guard = 0; guard < 32; guard++) {
    if (fs.existsSync(path.join(d, '.dockerignore'))) return true;
    if (fs.existsSync(path.join(d, '.git'))) return false;
    const up = path.dirname(d);
    if (up === d) return false;
    d = up;
  }
  return false;
}

/** Sensible entries, without those the Dockerfile copies by name. */
function dockerignoreFor(model: DockerfileModel): string {
  const copied = new Set<string>();
  for (const ins of model.instructions) {
    if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.flags.some((f) => f.name === 'from')) continue;
    for (const s of sources(ins)) copied.add(s.value.replace(/^\.\//, '').split('/')[0]);
  }
  const lines = ENTRIES.filter((e) => !copied.has(e) && !(e.startsWith('Dockerfile') && [...copied].some((c) => c.startsWith('Dockerfile'))));
  return ['# Not sent to the build context (see https://docs.docker.com/build/concepts/context/#dockerignore-files)', ...lines, ''].join('\n');
}
