// Where the bundled knowledge lives and how its data files are read. The same code runs from
// the repository (tests, tsx) and from the packaged extension (dist/server.js next to
// knowledge/).
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

let knowledgeDirOverride: string | undefined;

/** For tests: use another knowledge folder. */
export function setKnowledgeDir(dir: string | undefined): void {
  knowledgeDirOverride = dir;
}

export function knowledgeDir(): string {
  if (knowledgeDirOverride) return knowledgeDirOverride;
  // dist/server.js -> ../knowledge ; server/src/knowledge/data.ts -> ../../../knowledge
  const candidates = [path.join(__dirname, '..', 'knowledge'), path.join(__dirname, '..', '..', '..', 'knowledge')];
  for (const c of candidates) if (fs.existsSync(path.join(c, 'notes'))) return c;
  return candidates[0];
}

export function readYamlFile(file: string): unknown {
  return parse(fs.readFileSync(file, 'utf8'), { prettyErrors: false });
}

export function listFiles(dir: string, ext: RegExp): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => ext.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}
