// Settings (VS Code `opsnotes.*`) and the project file `.opsnotes.yaml` at the workspace root,
// which the CLI reads too. Malformed values are ignored with a warning, never thrown.
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { LanguageSetting } from '../i18n/language';
import { SeverityOverrides } from '../rules/engine';
import { SEVERITIES, Severity } from '../rules/types';

export interface Settings {
  language: LanguageSetting;
  notesPaths: string[];
  bundledNotes: boolean;
  rules: Record<string, Severity | 'off'>;
  /** Documents larger than this get light analysis only (issue 9). */
  maxFileBytes: number;
  maxFileLines: number;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  notesPaths: [],
  bundledNotes: true,
  rules: {},
  maxFileBytes: 5 * 1024 * 1024,
  maxFileLines: 200_000,
};

export interface ProjectConfig {
  rules: Record<string, Severity | 'off'>;
  /** Globs (relative to the config's folder) of files not analysed. */
  ignore: string[];
  notesPaths: string[];
  language?: LanguageSetting;
  /** The folder holding `.opsnotes.yaml`. */
  root?: string;
}

export const PROJECT_CONFIG_FILE = '.opsnotes.yaml';

function severityMap(raw: unknown, where: string, warnings: string[]): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  if (raw == null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push(`${where}: expected a map of rule id to off | hint | information | warning | error`);
    return out;
  }
  for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
    const s = typeof v === 'string' ? v.toLowerCase() : v === false ? 'off' : undefined;
    const normal = s === 'info' ? 'information' : s;
    if (normal === 'off' || SEVERITIES.includes(normal as Severity)) out[id] = normal as Severity | 'off';
    else warnings.push(`${where}: ${id}: unknown severity ${JSON.stringify(v)}`);
  }
  return out;
}

function stringList(raw: unknown, where: string, warnings: string[]): string[] {
  if (raw == null) return [];
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string');
  warnings.push(`${where}: expected a list of strings`);
  return [];
}

/** VS Code settings (the `opsnotes` section) to Settings; wrong types fall back to defaults. */
export function readSettings(raw: unknown, warnings: string[] = []): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (r.language === 'ru' || r.language === 'en' || r.language === 'auto') s.language = r.language;
  else if (r.language !== undefined) warnings.push(`opsnotes.language: expected auto, ru or en`);
  const notes = (r.notes ?? {}) as Record<string, unknown>;
  if (notes && typeof notes === 'object') {
    s.notesPaths = stringList(notes.paths, 'opsnotes.notes.paths', warnings);
    if (typeof notes.bundled === 'boolean') s.bundledNotes = notes.bundled;
  }
  s.rules = severityMap(r.rules, 'opsnotes.rules', warnings);
  const limits = (r.limits ?? {}) as Record<string, unknown>;
  if (typeof limits.maxFileBytes === 'number' && limits.maxFileBytes > 0) s.maxFileBytes = limits.maxFileBytes;
  if (typeof limits.maxFileLines === 'number' && limits.maxFileLines > 0) s.maxFileLines = limits.maxFileLines;
  return s;
}

export function parseProjectConfig(text: string, root: string | undefined, warnings: string[]): ProjectConfig {
  const config: ProjectConfig = { rules: {}, ignore: [], notesPaths: [], root };
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: false });
  } catch (e) {
    warnings.push(`${PROJECT_CONFIG_FILE}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
    return config;
  }
  if (data == null) return config;
  if (typeof data !== 'object' || Array.isArray(data)) {
    warnings.push(`${PROJECT_CONFIG_FILE}: expected a map with rules, ignore, notes`);
    return config;
  }
  const d = data as Record<string, unknown>;
  config.rules = severityMap(d.rules, `${PROJECT_CONFIG_FILE} rules`, warnings);
  config.ignore = stringList(d.ignore, `${PROJECT_CONFIG_FILE} ignore`, warnings);
  const notes = d.notes as Record<string, unknown> | undefined;
  config.notesPaths = stringList(notes && typeof notes === 'object' && !Array.isArray(notes) ? notes.paths : notes, `${PROJECT_CONFIG_FILE} notes`, warnings);
  if (d.language === 'ru' || d.language === 'en' || d.language === 'auto') config.language = d.language;
  return config;
}

/** Read `.opsnotes.yaml` from a folder, if there is one. */
export function readProjectConfig(dir: string, warnings: string[]): ProjectConfig | undefined {
  const file = path.join(dir, PROJECT_CONFIG_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return parseProjectConfig(text, dir, warnings);
}

/** Rule severities: rule defaults < .opsnotes.yaml < settings. */
export function mergeSeverities(project: ProjectConfig | undefined, settings: Settings | undefined): SeverityOverrides {
  return { ...(project?.rules ?? {}), ...(settings?.rules ?? {}) };
}

/** Whether a file is ignored by the project config's `ignore` globs. */
export function isIgnored(project: ProjectConfig | undefined, file: string): boolean {
  if (!project?.root || !project.ignore.length) return false;
  const rel = path.relative(project.root, file).split(path.sep).join('/');
  if (rel.startsWith('..')) return false;
  const matchers = project.ignore.map((g) => picomatch(g, { dot: true }));
  return matchers.some((m) => m(rel) || m(rel.split('/')[0]));
}
