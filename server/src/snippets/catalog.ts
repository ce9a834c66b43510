// The snippet catalog: `snippets/*.json` are the one source. They are VS Code snippet files
// (prefix, body, description) that package.json contributes as they are, and the server reads
// the same files at run time for context completion. Each snippet also carries an `opsnotes`
// object that VS Code ignores: the Russian name, the contexts the server offers it in, the note
// it comes from, and the snippets it goes with (a volumeMount and its volume).
import { assetDir } from '../util/assets';
import * as fs from 'fs';
import * as path from 'path';
import { parseSnippet, SnippetNode } from './syntax';

/** Where the server offers a snippet (see contexts.ts for how each is recognised). */
export type SnippetContext =
  | 'dockerfile'
  | 'compose.override'
  | 'compose.services'
  | 'compose.service'
  | 'k8s.top'
  | 'helm.tests'
  | 'k8s.pod'
  | 'k8s.container'
  | 'k8s.initContainer'
  | 'ansible.top'
  | 'ansible.play'
  | 'ansible.tasks'
  | 'ansible.handlers'
  | 'ansible-cfg.defaults'
  | 'ansible-cfg.top';

export const SNIPPET_CONTEXTS: readonly SnippetContext[] = [
  'dockerfile',
  'compose.override',
  'compose.services',
  'compose.service',
  'k8s.top',
  'helm.tests',
  'k8s.pod',
  'k8s.container',
  'k8s.initContainer',
  'ansible.top',
  'ansible.play',
  'ansible.tasks',
  'ansible.handlers',
  'ansible-cfg.defaults',
  'ansible-cfg.top',
];

export type SnippetSyntax = 'dockerfile' | 'yaml' | 'ini';

export interface SnippetFileSpec {
  file: string;
  syntax: SnippetSyntax;
  /**
   * The languageId package.json contributes the file for. VS Code then shows these snippets
   * itself, and the client drops the server's copies (client/src/extension.ts middleware).
   * yaml.json is not contributed: static snippets would show in every YAML file.
   * dockercompose.json is not contributed either: VS Code 1.139 shows static `dockercompose`
   * snippets only until some YAML file has been opened (both languages share the source.yaml
   * grammar and the snippet provider asks for the language of the token at the cursor), so
   * Compose snippets come from the server's context completion, which also knows where they fit.
   */
  staticLanguage?: string;
}

export const SNIPPET_FILES: readonly SnippetFileSpec[] = [
  { file: 'dockerfile.json', syntax: 'dockerfile', staticLanguage: 'dockerfile' },
  { file: 'dockercompose.json', syntax: 'yaml' },
  { file: 'ansible.json', syntax: 'yaml', staticLanguage: 'ansible' },
  { file: 'yaml.json', syntax: 'yaml' },
  { file: 'ansible-cfg.json', syntax: 'ini' },
];

export interface Snippet {
  /** The prefix; unique over all files, so it also identifies the snippet. */
  id: string;
  /** The snippet's name in the file (English). */
  name: string;
  nameRu: string;
  /** Body in TextMate snippet syntax, lines joined with \n. */
  body: string;
  nodes: SnippetNode[];
  description: string;
  file: string;
  syntax: SnippetSyntax;
  staticLanguage?: string;
  contexts: SnippetContext[];
  /** The note it comes from: file name in knowledge/notes and 1-based line. */
  note: { file: string; line: number };
  /** Snippets this one needs beside it (a volumeMount needs its volume). */
  with: string[];
}

/** The static description: names the note in both languages. */
export function composeDescription(name: string, nameRu: string, where: { en: string; ru: string }): string {
  return `${name} (notes: ${where.en}) — ${nameRu} (заметки: ${where.ru})`;
}

let dirOverride: string | undefined;

/** For tests: read snippets from another folder. */
export function setSnippetsDir(dir: string | undefined): void {
  dirOverride = dir;
  cached = undefined;
}

export function snippetsDir(): string {
  if (dirOverride) return dirOverride;
  return assetDir('snippets', 'dockerfile.json');
}

let cached: { snippets: Snippet[]; problems: string[] } | undefined;

/** Every snippet, read once per process. Problems (bad entries) are skipped and listed. */
export function loadSnippets(): { snippets: Snippet[]; problems: string[] } {
  if (!cached) cached = readSnippets(snippetsDir());
  return cached;
}

export function readSnippets(dir: string): { snippets: Snippet[]; problems: string[] } {
  const snippets: Snippet[] = [];
  const problems: string[] = [];
  for (const spec of SNIPPET_FILES) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, spec.file), 'utf8'));
    } catch (e) {
      problems.push(`${spec.file}: ${(e as Error).message}`);
      continue;
    }
    snippets.push(...parseSnippetFile(spec, json, problems));
  }
  const seen = new Set<string>();
  for (const s of snippets) {
    if (seen.has(s.id)) problems.push(`${s.file}: duplicate prefix ${s.id}`);
    seen.add(s.id);
  }
  for (const s of snippets) for (const w of s.with) if (!seen.has(w)) problems.push(`${s.file}: ${s.id} goes with unknown snippet ${w}`);
  return { snippets: snippets.filter((s, i) => snippets.findIndex((o) => o.id === s.id) === i), problems };
}

const NOTE = /^([\w.-]+\.md):(\d+)$/;

export function parseSnippetFile(spec: SnippetFileSpec, json: unknown, problems: string[]): Snippet[] {
  const out: Snippet[] = [];
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    problems.push(`${spec.file}: must be an object of snippets`);
    return out;
  }
  for (const [name, raw] of Object.entries(json as Record<string, unknown>)) {
    const where = `${spec.file}: "${name}"`;
    const r = raw as { prefix?: unknown; body?: unknown; description?: unknown; opsnotes?: Record<string, unknown> };
    const meta = r?.opsnotes;
    const body = Array.isArray(r?.body) && r.body.every((l) => typeof l === 'string') ? (r.body as string[]).join('\n') : typeof r?.body === 'string' ? r.body : undefined;
    const note = typeof meta?.note === 'string' ? NOTE.exec(meta.note) : null;
    const contexts = Array.isArray(meta?.contexts) ? (meta.contexts as unknown[]) : [];
    if (typeof r?.prefix !== 'string' || !/^[\w.-]+$/.test(r.prefix)) problems.push(`${where}: prefix must be one word`);
    else if (body === undefined) problems.push(`${where}: body must be a string or a list of lines`);
    else if (typeof r.description !== 'string') problems.push(`${where}: description is missing`);
    else if (!meta || typeof meta.ru !== 'string') problems.push(`${where}: opsnotes.ru (the Russian name) is missing`);
    else if (!note) problems.push(`${where}: opsnotes.note must be "<notes file>.md:<line>"`);
    else if (!contexts.length || !contexts.every((c) => SNIPPET_CONTEXTS.includes(c as SnippetContext))) problems.push(`${where}: opsnotes.contexts must list known contexts`);
    else {
      const nodes = parseSnippet(body);
      out.push({
        id: r.prefix,
        name,
        nameRu: meta.ru,
        body,
        nodes,
        description: r.description,
        file: spec.file,
        syntax: spec.syntax,
        staticLanguage: spec.staticLanguage,
        contexts: contexts as SnippetContext[],
        note: { file: note[1], line: Number(note[2]) },
        with: Array.isArray(meta.with) ? meta.with.filter((w): w is string => typeof w === 'string') : [],
      });
    }
  }
  return out;
}
