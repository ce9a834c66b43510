// Building the knowledge base from disk: bundled notes, their English rendering, the "today"
// remarks, the vocabulary, and a person's own notes (opsnotes.notes.paths).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { globSync } from 'tinyglobby';
import { CoverageException, KnowledgeBase, NotesSource, readSource, TodayRemark } from './base';
import { knowledgeDir, listFiles, readYamlFile } from './data';
import { pathToUri } from '../documents/document';
import { readVocabulary, VocabularyEntry, VocabularyProblem } from './vocabulary';

export interface LoadOptions {
  /** Include the bundled notes (opsnotes.notes.bundled). */
  bundled?: boolean;
  /** User note paths: files, folders, globs; `~` and workspace-relative allowed. */
  userPaths?: readonly string[];
  /** Folders relative paths are resolved against (workspace folders). */
  baseDirs?: readonly string[];
}

export interface LoadResult {
  kb: KnowledgeBase;
  /** One clear message per problem (missing path, unreadable file, bad data). */
  warnings: string[];
  /** The user note files that were read (the client watches them). */
  userFiles: string[];
}

let cachedStatic: { vocabulary: VocabularyEntry[]; problems: VocabularyProblem[]; today: TodayRemark[]; bundled: NotesSource[]; coverageExceptions: CoverageException[] } | undefined;

/** Bundled data is read once per process; user notes are re-read on every load. */
function loadStatic() {
  if (cachedStatic) return cachedStatic;
  const dir = knowledgeDir();
  const problems: VocabularyProblem[] = [];
  const vocabulary: VocabularyEntry[] = [];
  for (const file of listFiles(path.join(dir, 'vocabulary'), /\.ya?ml$/)) {
    vocabulary.push(...readVocabulary(readYamlFile(file), path.basename(file), problems));
  }
  const today = readToday(path.join(dir, 'today.yaml'), problems);
  const bundled: NotesSource[] = [];
  for (const file of listFiles(path.join(dir, 'notes'), /\.md$/)) {
    const source = readSource(file, true, `bundled:${path.basename(file)}`);
    const enFile = path.join(dir, 'translations', path.basename(file, '.md') + '.en.md');
    if (fs.existsSync(enFile)) {
      const en = fs.readFileSync(enFile, 'utf8').split(/\r\n|\r|\n/);
      if (en.length === source.lines.length) source.en = en;
      else problems.push({ file: path.basename(enFile), message: `has ${en.length} lines, the notes have ${source.lines.length}: the rendering must be line-parallel` });
    }
    bundled.push(source);
  }
  cachedStatic = { vocabulary, problems, today, bundled, coverageExceptions: readCoverageExceptions(path.join(dir, 'coverage.yaml')) };
  return cachedStatic;
}


function readCoverageExceptions(file: string): CoverageException[] {
  if (!fs.existsSync(file)) return [];
  const data = readYamlFile(file);
  return Array.isArray(data)
    ? (data as Record<string, unknown>[])
        .filter((c) => c && typeof c.file === 'string' && typeof c.line === 'number' && typeof c.reason === 'string')
        .map((c) => ({ file: c.file as string, line: c.line as number, reason: c.reason as string }))
    : [];
}

function readToday(file: string, problems: VocabularyProblem[]): TodayRemark[] {
  if (!fs.existsSync(file)) return [];
  const data = readYamlFile(file);
  if (!Array.isArray(data)) {
    problems.push({ file: 'today.yaml', message: 'must be a list' });
    return [];
  }
  const out: TodayRemark[] = [];
  for (const r of data as Record<string, unknown>[]) {
    if (!r || typeof r.id !== 'string' || typeof r.ru !== 'string' || typeof r.en !== 'string' || typeof r.source !== 'string') {
      problems.push({ file: 'today.yaml', message: `incomplete remark ${JSON.stringify(r?.id)}: needs id, ru, en, source` });
      continue;
    }
    out.push({
      id: r.id,
      ru: r.ru.trim(),
      en: r.en.trim(),
      source: r.source,
      checked: typeof r.checked === 'string' ? r.checked : r.checked instanceof Date ? r.checked.toISOString().slice(0, 10) : undefined,
      lines: Array.isArray(r.lines) ? r.lines.filter((l): l is number => typeof l === 'number') : [],
      keys: Array.isArray(r.keys) ? r.keys.filter((k): k is string => typeof k === 'string') : [],
    });
  }
  return out;
}

const MAX_USER_FILES = 2000;
const MAX_USER_FILE_BYTES = 10 * 1024 * 1024;

/** Resolve note paths (files, folders, globs) to markdown files, with a warning per problem. */
export function resolveUserNotePaths(paths: readonly string[], baseDirs: readonly string[], warnings: string[]): string[] {
  const files = new Set<string>();
  for (const raw of paths) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    let p = raw.trim();
    if (p === '~' || p.startsWith('~/')) p = path.join(os.homedir(), p.slice(1));
    const bases = path.isAbsolute(p) ? [''] : baseDirs.length ? baseDirs : [process.cwd()];
    let found = false;
    for (const base of bases) {
      const abs = base ? path.resolve(base, p) : p;
      if (/[*?[\]{}]/.test(p)) {
        const matches = globSync(p.replace(/\\/g, '/'), { cwd: base || '/', absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
        for (const m of matches) if (/\.(md|markdown)$/i.test(m)) files.add(path.resolve(m));
        found = found || matches.length > 0;
        continue;
      }
      let stat: fs.Stats;
      try {
        stat = fs.statSync(abs);
      } catch {
        continue;
      }
      found = true;
      if (stat.isDirectory()) {
        const matches = globSync('**/*.{md,markdown}', { cwd: abs, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
        for (const m of matches) files.add(path.resolve(m));
      } else {
        files.add(abs);
      }
    }
    if (!found) warnings.push(`OpsNotes: note path not found: ${raw}`);
    if (files.size > MAX_USER_FILES) {
      warnings.push(`OpsNotes: more than ${MAX_USER_FILES} note files; the rest are not read`);
      break;
    }
  }
  return [...files].slice(0, MAX_USER_FILES).sort();
}

function readUserSource(file: string, warnings: string[]): NotesSource | undefined {
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_USER_FILE_BYTES) {
      warnings.push(`OpsNotes: note file too large (over 10 MB), not read: ${file}`);
      return undefined;
    }
    const buf = fs.readFileSync(file);
    if (buf.includes(0)) {
      warnings.push(`OpsNotes: not a text file, not read: ${file}`);
      return undefined;
    }
    const lines = buf.toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    return { id: file, path: file, uri: pathToUri(file), bundled: false, lines };
  } catch (e) {
    warnings.push(`OpsNotes: cannot read note file ${file}: ${(e as Error).message}`);
    return undefined;
  }
}

export function loadKnowledge(options: LoadOptions = {}): LoadResult {
  const st = loadStatic();
  const warnings: string[] = st.problems.map((p) => `OpsNotes: ${p.file}: ${p.message}`);
  const userFiles = resolveUserNotePaths(options.userPaths ?? [], options.baseDirs ?? [], warnings);
  const sources: NotesSource[] = [];
  for (const f of userFiles) {
    const s = readUserSource(f, warnings);
    if (s) sources.push(s);
  }
  if (options.bundled !== false) sources.push(...st.bundled);
  const kb = new KnowledgeBase({ vocabulary: st.vocabulary, sources, today: st.today, problems: [...st.problems], coverageExceptions: st.coverageExceptions });
  return { kb, warnings, userFiles };
}

