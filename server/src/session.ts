// Session: the analysis core's state, shared by the language server and the CLI: knowledge
// base, settings and project config, open documents (one OpsDocument per version), and the
// workspace documents that checks across files read. No LSP here (STYLE.md invariant).
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument, pathToUri } from './documents/document';
import { kindByName } from './documents/classify';
import { Language, Localized, resolveLanguage } from './i18n/language';
import { KnowledgeBase } from './knowledge/base';
import { loadKnowledge } from './knowledge/load';
import { computeHover, HoverContent } from './features/hover';
import { DEFAULT_SETTINGS, isIgnored, mergeSeverities, ProjectConfig, readProjectConfig, Settings } from './config/config';
import { Finding, runRules } from './rules/engine';
import { RULES } from './rules/registry';
import { Rule } from './rules/types';
import { WorkspaceView } from './rules/workspace';
import { t, UI } from './i18n/ui';

export interface SessionOptions {
  settings?: Settings;
  /** VS Code's display language (initialize `locale`). */
  displayLocale?: string;
  /** Workspace folders (absolute paths). */
  roots?: string[];
  /** Read note paths and .opsnotes.yaml from the workspace (false in untrusted workspaces). */
  trusted?: boolean;
  log?: (message: string) => void;
  rules?: readonly Rule[];
}

/** A document too large for full analysis gets this instead of findings. */
export interface LightAnalysis {
  message: Localized;
}

const WORKSPACE_SCAN_LIMIT = 5000;
const WORKSPACE_RECHECK_MS = 2000;
/** More YAML documents than this in one file: light analysis (generated dumps, not manifests people edit). */
const MAX_YAML_DOCUMENTS = 20_000;

/** `---` lines at column 0, counted up to `stop + 1`. */
function countDocumentStarts(text: string, stop: number): number {
  let n = 0;
  for (let i = text.indexOf('\n---'); i >= 0 && n <= stop; i = text.indexOf('\n---', i + 4)) n++;
  return n;
}

export class Session {
  kb!: KnowledgeBase;
  settings: Settings;
  displayLocale?: string;
  roots: string[];
  trusted: boolean;
  project?: ProjectConfig;
  rules: readonly Rule[];
  readonly documents = new Map<string, OpsDocument>();
  /** Workspace files parsed for checks across documents, by path. */
  private readonly workspaceFiles = new Map<string, { mtime: number; size: number; checkedAt: number; doc: OpsDocument }>();
  private workspaceScan?: string[];
  private readonly reported = new Set<string>();
  private readonly light = new WeakMap<OpsDocument, LightAnalysis | undefined>();
  private readonly findings = new WeakMap<OpsDocument, { generation: number; findings: Finding[] }>();
  /** Bumped whenever what findings depend on besides the document changes. */
  private generation = 0;
  knowledgeWarnings: string[] = [];
  userNoteFiles: string[] = [];
  configWarnings: string[] = [];
  private readonly log: (message: string) => void;

  constructor(options: SessionOptions = {}) {
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.displayLocale = options.displayLocale;
    this.roots = options.roots ?? [];
    this.trusted = options.trusted ?? true;
    this.log = options.log ?? (() => undefined);
    this.rules = options.rules ?? RULES;
    this.loadProjectConfig();
    this.reloadKnowledge();
  }

  get language(): Language {
    return resolveLanguage(this.settings.language !== 'auto' ? this.settings.language : this.project?.language ?? 'auto', this.displayLocale);
  }

  loadProjectConfig(): void {
    this.generation++;
    this.configWarnings = [];
    this.project = undefined;
    if (!this.trusted) return;
    for (const root of this.roots) {
      const c = readProjectConfig(root, this.configWarnings);
      if (c) {
        this.project = c;
        break;
      }
    }
  }

  reloadKnowledge(): void {
    this.generation++;
    const userPaths = this.trusted ? [...this.settings.notesPaths, ...(this.project?.notesPaths ?? [])] : this.settings.notesPaths.filter((p) => !isInside(p, this.roots));
    const baseDirs = this.project?.root ? [this.project.root, ...this.roots] : this.roots;
    const { kb, warnings, userFiles } = loadKnowledge({ bundled: this.settings.bundledNotes, userPaths, baseDirs });
    this.kb = kb;
    this.knowledgeWarnings = warnings;
    this.userNoteFiles = userFiles;
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.loadProjectConfig();
    this.reloadKnowledge();
  }

  exists = (p: string): boolean => {
    try {
      return fs.existsSync(p);
    } catch {
      return false;
    }
  };

  open(uri: string, languageId: string, version: number, text: string): OpsDocument {
    const doc = new OpsDocument({ uri, languageId, version, text, exists: this.exists, previous: this.documents.get(uri) });
    this.documents.set(uri, doc);
    return doc;
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  get(uri: string): OpsDocument | undefined {
    return this.documents.get(uri);
  }

  /** Documents above the size limits get one notice and no rules or hovers. */
  lightAnalysis(doc: OpsDocument): LightAnalysis | undefined {
    if (this.light.has(doc)) return this.light.get(doc);
    let result: LightAnalysis | undefined;
    const bytes = doc.text.length;
    if (bytes > this.settings.maxFileBytes || doc.lines.lineCount > this.settings.maxFileLines) {
      const limit = `${Math.round(this.settings.maxFileBytes / 1024 / 1024)} MB / ${this.settings.maxFileLines} lines`;
      result = { message: { en: t(UI.fileTooLarge, 'en', { limit }), ru: t(UI.fileTooLarge, 'ru', { limit }) } };
    } else if (countDocumentStarts(doc.text, MAX_YAML_DOCUMENTS) > MAX_YAML_DOCUMENTS) {
      const limit = String(MAX_YAML_DOCUMENTS);
      result = { message: { en: t(UI.tooManyDocuments, 'en', { limit }), ru: t(UI.tooManyDocuments, 'ru', { limit }) } };
    }
    this.light.set(doc, result);
    return result;
  }

  ignored(doc: OpsDocument): boolean {
    return isIgnored(this.project, doc.path);
  }

  /**
   * Findings of a document version. Code actions ask on every cursor move; the rules run once
   * per version and again only after settings, notes or other workspace files changed.
   */
  diagnose(doc: OpsDocument): Finding[] {
    const cached = this.findings.get(doc);
    if (cached && cached.generation === this.generation) return cached.findings;
    const findings = this.runRules(doc);
    this.findings.set(doc, { generation: this.generation, findings });
    return findings;
  }

  private runRules(doc: OpsDocument): Finding[] {
    if (this.lightAnalysis(doc) || this.ignored(doc)) return [];
    return runRules(doc, this.rules, {
      severities: mergeSeverities(this.project, this.settings),
      workspace: this.workspaceView(doc),
      remark: (id) => this.kb.today.find((r) => r.id === id),
      onRuleProblem: (ruleId, problem) => {
        const k = `${ruleId}:${problem.split('\n')[0]}`;
        if (this.reported.has(k)) return;
        this.reported.add(k);
        this.log(`rule ${ruleId} ${problem}`);
      },
    });
  }

  hover(doc: OpsDocument, offset: number): HoverContent | undefined {
    if (this.lightAnalysis(doc)) return undefined;
    return computeHover(doc, offset, this.kb, this.language);
  }

  /** Other documents: the open ones, then workspace files of the supported kinds. */
  workspaceView(current: OpsDocument): WorkspaceView {
    return {
      documents: () => this.otherDocuments(current),
    };
  }

  private *otherDocuments(current: OpsDocument): Iterable<OpsDocument> {
    const seen = new Set<string>([current.path]);
    for (const d of this.documents.values()) {
      if (seen.has(d.path)) continue;
      seen.add(d.path);
      yield d;
    }
    for (const file of this.scanWorkspace()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const d = this.workspaceDocument(file);
      if (d) yield d;
    }
  }

  /** YAML files of the workspace (bounded), found once; refreshed by `invalidateWorkspace`. */
  private scanWorkspace(): string[] {
    if (this.workspaceScan) return this.workspaceScan;
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (out.length >= WORKSPACE_SCAN_LIMIT || depth > 12) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'dist' || e.name === 'out') continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile() && kindByName({ path: p }) === 'yaml') out.push(p);
        if (out.length >= WORKSPACE_SCAN_LIMIT) return;
      }
    };
    for (const root of this.roots) walk(root, 0);
    this.workspaceScan = out;
    return out;
  }

  private workspaceDocument(file: string): OpsDocument | undefined {
    // A file looked at in the last seconds is taken as it was (watched changes invalidate it
    // at once); clients that do not watch files still see changes within WORKSPACE_RECHECK_MS.
    const recent = this.workspaceFiles.get(file);
    if (recent && Date.now() - recent.checkedAt < WORKSPACE_RECHECK_MS) return recent.doc;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.workspaceFiles.delete(file);
      return undefined;
    }
    if (stat.size > 2 * 1024 * 1024) return undefined;
    const cached = this.workspaceFiles.get(file);
    if (cached && cached.mtime === stat.mtimeMs && cached.size === stat.size) {
      cached.checkedAt = Date.now();
      return cached.doc;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const doc = new OpsDocument({ uri: pathToUri(file), text, exists: this.exists });
    this.workspaceFiles.set(file, { mtime: stat.mtimeMs, size: stat.size, checkedAt: Date.now(), doc });
    return doc;
  }

  /** A workspace file was created, changed or deleted. */
  invalidateWorkspace(file?: string): void {
    this.generation++;
    if (file) this.workspaceFiles.delete(file);
    this.workspaceScan = undefined;
  }

  /** Whether any rule reads other documents (then other documents' changes re-diagnose). */
  get hasCrossDocumentRules(): boolean {
    return this.rules.some((r) => r.crossDocument);
  }
}

function isInside(p: string, roots: string[]): boolean {
  if (!path.isAbsolute(p)) return true;
  return roots.some((r) => !path.relative(r, p).startsWith('..'));
}
