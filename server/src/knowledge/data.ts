// Where the bundled knowledge lives and how its data files are read. The same code runs from
// the repository (tests, tsx) and from the packaged extension (dist/server.js next to
// knowledge/).
//
// YAML is the format people edit; parsing ~120 KB of it costs a noticeable part of start-up,
// so the build also writes dist/knowledge-data.json (the parsed data with a hash of each
// source file). A file whose hash matches is taken from there; any other file is parsed, so an
// edited YAML file is never shadowed by a stale build.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { assetDir } from '../util/assets';

export function knowledgeDir(): string {
  return assetDir('knowledge', 'notes');
}

export const COMPILED_FILE = 'knowledge-data.json';

export interface CompiledKnowledge {
  /** Relative path under knowledge/ -> { sha1 of the text, parsed data }. */
  files: Record<string, { sha1: string; data: unknown }>;
}

let compiled: CompiledKnowledge | null | undefined;

function compiledData(): CompiledKnowledge | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  for (const dir of [__dirname, path.join(__dirname, '..', '..', '..', 'dist')]) {
    const file = path.join(dir, COMPILED_FILE);
    try {
      compiled = JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledKnowledge;
      break;
    } catch {
      /* not built */
    }
  }
  return compiled;
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function readYamlFile(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  const rel = path.relative(knowledgeDir(), file).split(path.sep).join('/');
  const hit = compiledData()?.files[rel];
  if (hit && hit.sha1 === sha1(text)) return hit.data;
  return parse(text, { prettyErrors: false });
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
