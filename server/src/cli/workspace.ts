// The CLI's Session: the same analysis, but the workspace that cross-file rules read (the
// Compose file beside this one, the Secret a Deployment names) is a snapshot of one run. The
// server re-checks each workspace file's mtime on every look (files change while an editor
// is open); a lint run reads each file once and is told about its own --fix writes, which
// keeps a 1,000-file run from making a million stat calls. The files are the session roots'
// YAML files (what the server scans), found with the CLI's discovery (.gitignore respected).
import * as path from 'path';
import { isIgnored } from '../config/config';
import { kindByName } from '../documents/classify';
import { OpsDocument, pathToUri } from '../documents/document';
import { WorkspaceView } from '../rules/workspace';
import { Session } from '../session';
import { Discovery } from './discover';
import { readTextFile } from './read';

/** Same bounds as the server's workspace scan. */
const WORKSPACE_FILE_LIMIT = 5000;
const WORKSPACE_FILE_BYTES = 2 * 1024 * 1024;

export class CliSession extends Session {
  private snapshotFiles?: string[];
  private readonly snapshotDocs = new Map<string, OpsDocument | null>();

  private warmed = false;

  /**
   * Before the first document a cross-file rule runs on, read and classify the workspace: done
   * inside the rule, that first read would count against the rule's time budget and stop it.
   */
  override diagnose(doc: OpsDocument) {
    if (!this.warmed && this.rules.some((r) => r.crossDocument && r.kinds.includes(doc.kind))) {
      this.warmed = true;
      for (const file of this.workspaceFileList()) void this.workspaceDoc(file)?.kind;
    }
    return super.diagnose(doc);
  }

  override workspaceView(current: OpsDocument): WorkspaceView {
    return { documents: () => this.others(current) };
  }

  private *others(current: OpsDocument): Iterable<OpsDocument> {
    for (const file of this.workspaceFileList()) {
      if (file === current.path) continue;
      const doc = this.workspaceDoc(file);
      if (doc) yield doc;
    }
  }

  /** The lint run walked exactly these roots already: the same list, no second walk. */
  setWorkspaceFiles(files: readonly string[]): void {
    this.snapshotFiles = files.filter((f) => kindByName({ path: f }) === 'yaml').slice(0, WORKSPACE_FILE_LIMIT);
  }

  private workspaceFileList(): string[] {
    if (this.snapshotFiles) return this.snapshotFiles;
    const discovery = new Discovery({ gitignore: true, configIgnores: (p) => isIgnored(this.project, p) });
    for (const root of this.roots) discovery.add(path.resolve(root));
    this.snapshotFiles = discovery.files.filter((f) => kindByName({ path: f }) === 'yaml').slice(0, WORKSPACE_FILE_LIMIT);
    return this.snapshotFiles;
  }

  private workspaceDoc(file: string): OpsDocument | undefined {
    let doc = this.snapshotDocs.get(file);
    if (doc === undefined) {
      const read = readTextFile(file, WORKSPACE_FILE_BYTES);
      doc = read.ok ? new OpsDocument({ uri: pathToUri(file), path: file, text: read.file.text, exists: this.exists }) : null;
      this.snapshotDocs.set(file, doc);
    }
    return doc ?? undefined;
  }

  /** A document for a file being linted: the snapshot's own when the text is the same (parsed once). */
  document(file: string, text: string): OpsDocument {
    const cached = this.snapshotDocs.get(file);
    if (cached && cached.text === text) return cached;
    return new OpsDocument({ uri: pathToUri(file), path: file, text, exists: this.exists });
  }

  /** The snapshot's document of a file, if it was read already (lint without --fix reuses it). */
  snapshotDocument(file: string): OpsDocument | undefined {
    return this.snapshotDocs.get(file) ?? undefined;
  }

  /** The text a file has now (after a --fix write, or as just read): later files see it. */
  remember(doc: OpsDocument): void {
    if (kindByName({ path: doc.path }) === 'yaml') this.snapshotDocs.set(doc.path, doc);
  }
}
