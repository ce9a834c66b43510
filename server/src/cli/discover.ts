// Which files `opsnotes lint` reads. A path on the command line is always read (if OpsNotes
// checks that kind of file); a folder is walked: sorted, iteratively (thousands of files and
// deep trees are fine), skipping `.git` and `node_modules`, what .gitignore files ignore
// (unless --no-ignore) and what `.opsnotes.yaml` `ignore:` lists. Only names the server would
// classify are kept (`kindByName`); YAML content is classified later, when read. Symbolic links
// are followed, each real file and folder is visited once, so a link loop ends the walk there.
import * as fs from 'fs';
import * as path from 'path';
import { kindByName } from '../documents/classify';
import { Localized } from '../i18n/language';
import { CLI } from './messages';
import { describeError } from './read';
import { GitIgnore } from './gitignore';

export interface PathProblem {
  path: string;
  reason: Localized;
  /** The file could not be read: exit code 2. Otherwise a notice. */
  fatal: boolean;
}

export interface DiscoverOptions {
  gitignore: boolean;
  /** `.opsnotes.yaml` ignore globs for a path. */
  configIgnores: (abs: string) => boolean;
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export class Discovery {
  readonly files: string[] = [];
  readonly problems: PathProblem[] = [];
  private readonly seenFiles = new Set<string>();
  private readonly seenDirs = new Set<string>();

  constructor(private readonly options: DiscoverOptions) {}

  /** Add one command-line path (absolute). */
  add(abs: string): void {
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      this.problems.push({ path: abs, reason: describeError(abs, e as NodeJS.ErrnoException), fatal: true });
      return;
    }
    if (st.isDirectory()) return this.walk(abs);
    if (!kindByName({ path: abs })) {
      this.problems.push({ path: abs, reason: CLI.unsupported, fatal: false });
      return;
    }
    this.keep(abs);
  }

  private keep(file: string): void {
    let real = file;
    try {
      real = fs.realpathSync.native(file);
    } catch {
      /* read reports it */
    }
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    this.files.push(file);
  }

  private walk(root: string): void {
    const ignore = new GitIgnore();
    if (this.options.gitignore) ignore.loadAncestors(root);
    const stack = [root];
    const found: string[] = [];
    try {
      this.seenDirs.add(fs.realpathSync.native(root));
    } catch {
      return;
    }
    while (stack.length) {
      const dir = stack.pop()!;
      if (this.options.gitignore) ignore.load(dir);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        this.problems.push({ path: dir, reason: describeError(dir, e as NodeJS.ErrnoException), fatal: true });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const e of entries) {
        const p = path.join(dir, e.name);
        let isDir = e.isDirectory();
        if (e.isSymbolicLink()) {
          try {
            isDir = fs.statSync(p).isDirectory();
          } catch (err) {
            // A dangling link with the name of a checked file is a file that could not be read.
            if (kindByName({ path: p })) this.problems.push({ path: p, reason: describeError(p, err as NodeJS.ErrnoException), fatal: true });
            continue;
          }
        }
        if (isDir) {
          if (ALWAYS_SKIPPED.has(e.name)) continue;
          if (this.options.gitignore && ignore.ignores(p, true)) continue;
          if (this.options.configIgnores(p)) continue;
          let real: string;
          try {
            real = fs.realpathSync.native(p);
          } catch {
            continue;
          }
          if (this.seenDirs.has(real)) continue;
          this.seenDirs.add(real);
          subdirs.push(p);
          continue;
        }
        if (!kindByName({ path: p })) continue;
        if (this.options.gitignore && ignore.ignores(p, false)) continue;
        if (this.options.configIgnores(p)) continue;
        found.push(p);
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    }
    found.sort();
    for (const f of found) this.keep(f);
  }
}
