// .gitignore matching for `opsnotes lint` over folders, with git's semantics
// (https://git-scm.com/docs/gitignore): each .gitignore applies below its folder, later lines
// override earlier ones (`!` re-includes), a pattern without a slash matches a name at any
// depth, a pattern with a slash is anchored to its folder, a trailing slash matches folders
// only, and nothing below an ignored folder is looked at (the walk does not enter it).
// Glob matching itself is picomatch (a direct dependency, also used for `.opsnotes.yaml`
// ignore): the `ignore` package would do this too, but it is only a transitive dependency
// here and nothing new can be installed; the gitignore rules on top are the few lines below.
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';

interface Pattern {
  /** Absolute folder holding the .gitignore. */
  base: string;
  negate: boolean;
  dirOnly: boolean;
  /** Matched against the basename (no slash in the pattern) or the path relative to base. */
  basename: boolean;
  match: (rel: string) => boolean;
}

const GLOB_OPTIONS = { dot: true, nobrace: true, noextglob: true, nonegate: true } as const;

/** One .gitignore line to a pattern (undefined for blank lines and comments). */
export function compilePattern(line: string, base: string): Pattern | undefined {
  let p = line.replace(/\r$/, '');
  // Trailing spaces are ignored unless escaped with a backslash.
  let end = p.length;
  while (end > 0 && p[end - 1] === ' ' && p[end - 2] !== '\\') end--;
  p = p.slice(0, end);
  if (p === '' || p.startsWith('#')) return undefined;
  let negate = false;
  if (p.startsWith('!')) {
    negate = true;
    p = p.slice(1);
  }
  let dirOnly = false;
  if (p.endsWith('/') && !p.endsWith('\\/')) {
    dirOnly = true;
    p = p.replace(/\/+$/, '');
  }
  if (p === '') return undefined;
  const basename = !p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  // gitignore (fnmatch) negates a bracket class with `!`; picomatch wants `^`.
  p = p.replace(/(^|[^\\])\[!/g, '$1[^');
  const m = picomatch(p, GLOB_OPTIONS);
  let match: (rel: string) => boolean = m;
  if (p.endsWith('/**')) {
    // `foo/**` ignores what is inside foo, not foo itself (so `!foo/keep` still works).
    const self = picomatch(p.slice(0, -3), GLOB_OPTIONS);
    match = (rel) => m(rel) && !self(rel);
  }
  return { base, negate, dirOnly, basename, match };
}

export function parseGitignore(text: string, base: string): Pattern[] {
  const out: Pattern[] = [];
  for (const line of text.split('\n')) {
    const p = compilePattern(line, base);
    if (p) out.push(p);
  }
  return out;
}

/** The .gitignore files that apply to a walk: read once per folder, in git's order. */
export class GitIgnore {
  private readonly patterns: Pattern[] = [];
  private readonly loaded = new Set<string>();

  /** Patterns of the folders above `root` up to the repository root (the folder with .git). */
  loadAncestors(root: string): void {
    if (fs.existsSync(path.join(root, '.git'))) {
      this.loadFile(path.join(root, '.git', 'info', 'exclude'), root);
      return;
    }
    const chain: string[] = [];
    for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
      chain.unshift(dir);
      if (fs.existsSync(path.join(dir, '.git'))) break;
      // Outside a repository only the .gitignore files inside the walk count.
      if (path.dirname(dir) === dir) return;
    }
    // info/exclude ranks below every .gitignore: load it first, the last match wins.
    this.loadFile(path.join(chain[0], '.git', 'info', 'exclude'), chain[0]);
    for (const dir of chain) this.load(dir);
  }

  /** Read `dir/.gitignore` (once). */
  load(dir: string): void {
    if (this.loaded.has(dir)) return;
    this.loaded.add(dir);
    this.loadFile(path.join(dir, '.gitignore'), dir);
  }

  private loadFile(file: string, base: string): void {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return;
    }
    this.patterns.push(...parseGitignore(text, base));
  }

  /** Whether a path (absolute) is ignored; the last matching pattern decides. */
  ignores(abs: string, isDir: boolean): boolean {
    let ignored = false;
    for (const p of this.patterns) {
      if (p.dirOnly && !isDir) continue;
      if (ignored === !p.negate) continue; // cannot change the outcome
      const rel = path.relative(p.base, abs);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const subject = p.basename ? path.basename(abs) : rel.split(path.sep).join('/');
      if (p.match(subject)) ignored = !p.negate;
    }
    return ignored;
  }
}
