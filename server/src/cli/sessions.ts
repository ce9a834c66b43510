// One analysis Session per project config: `.opsnotes.yaml` is looked up from each path's folder
// upwards (else from the cwd upwards), or given with --config. The Session's roots are the
// config's folder (the project, as a VS Code workspace folder would be) or, without a config,
// the folders on the command line: cross-file rules then see the files being linted.
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, parseProjectConfig, ProjectConfig, PROJECT_CONFIG_FILE, readProjectConfig } from '../config/config';
import { Language } from '../i18n/language';
import { usage, UsageError } from './args';
import { CliSession } from './workspace';

export interface SessionsOptions {
  cwd: string;
  language?: Language;
  configFile?: string;
  /** Workspace roots when no config is found (the folders on the command line). */
  roots: string[];
  log: (message: string) => void;
}

/** The locale of the environment, POSIX order; `ru_RU.UTF-8` -> `ru-RU.UTF-8` for resolveLanguage. */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return raw ? raw.replace(/_/g, '-') : undefined;
}

function configError(file: string, e: NodeJS.ErrnoException): UsageError {
  const why = e.code ?? e.message;
  return usage(`--config ${file}: cannot read it (${why})`, `--config ${file}: не удалось прочитать (${why})`);
}

/** The nearest folder at or above `dir` holding `.opsnotes.yaml`. */
export function findConfigDir(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, PROJECT_CONFIG_FILE))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The project config alone (no knowledge base): --config FILE, else the nearest one. */
export function projectConfigFor(cwd: string, configFile: string | undefined, warnings: string[]): ProjectConfig | undefined {
  if (configFile) {
    const abs = path.resolve(cwd, configFile);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      throw configError(configFile, e as NodeJS.ErrnoException);
    }
    return parseProjectConfig(text, path.dirname(abs), warnings);
  }
  const dir = findConfigDir(cwd);
  return dir ? readProjectConfig(dir, warnings) : undefined;
}

export class Sessions {
  private readonly byConfig = new Map<string, CliSession>();
  private readonly configDirOf = new Map<string, string | null>();
  private explicit?: CliSession;

  constructor(private readonly options: SessionsOptions) {
    if (options.configFile) this.explicit = this.fromConfigFile(options.configFile);
  }

  private create(roots: string[]): CliSession {
    return new CliSession({
      settings: { ...DEFAULT_SETTINGS, language: this.options.language ?? 'auto' },
      displayLocale: environmentLocale(),
      roots,
      trusted: true,
      log: this.options.log,
    });
  }

  private fromConfigFile(file: string): CliSession {
    const abs = path.resolve(this.options.cwd, file);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      throw configError(file, e as NodeJS.ErrnoException);
    }
    const session = this.create([path.dirname(abs)]);
    const warnings: string[] = [];
    session.project = parseProjectConfig(text, path.dirname(abs), warnings);
    session.configWarnings = warnings.map((w) => w.replace(PROJECT_CONFIG_FILE, abs));
    session.reloadKnowledge();
    return session;
  }

  /** The nearest folder at or above `dir` holding `.opsnotes.yaml`. */
  private configDir(dir: string): string | undefined {
    const seen: string[] = [];
    let found: string | null = null;
    for (let d = dir; ; d = path.dirname(d)) {
      const cached = this.configDirOf.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      seen.push(d);
      if (fs.existsSync(path.join(d, PROJECT_CONFIG_FILE))) {
        found = d;
        break;
      }
      if (path.dirname(d) === d) break;
    }
    for (const d of seen) this.configDirOf.set(d, found);
    return found ?? undefined;
  }

  /** The session for a path (a file or a folder). */
  forPath(p: string, isDir = false): CliSession {
    if (this.explicit) return this.explicit;
    const dir = isDir ? p : path.dirname(p);
    const configDir = this.configDir(dir) ?? this.configDir(this.options.cwd);
    const key = configDir ?? '';
    let session = this.byConfig.get(key);
    if (!session) {
      session = this.create(configDir ? [configDir] : []);
      // Without a config the workspace is the folders on the command line; set after
      // construction so the Session does not read a config from one of them.
      if (!configDir) session.roots = this.options.roots;
      this.byConfig.set(key, session);
    }
    return session;
  }

  all(): CliSession[] {
    return this.explicit ? [this.explicit] : [...this.byConfig.values()];
  }
}
