// The handlers a `notify` can reach: the play's `handlers:`, the handlers/main.yml of the roles
// it uses (and of their meta dependencies), `listen` topics, `role : handler` names. Roles are
// looked up as Ansible does, beside the playbook (roles/<name>, <name>) and one folder up.
// A set that cannot be known (a role not found, templated names, included handler files) is
// marked incomplete, and the rule stays silent.
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument, pathToUri } from '../../documents/document';
import { flattenTasks, handlerSet, includedRoleName, includeKind, isTemplatedNode, playRoles, PLAY_TASK_SECTIONS } from '../../documents/ansible';
import { getNode, isScalar, scalarString, seqItems } from '../../documents/yaml';
import { PlayTarget } from '../targets';
import { RuleContext } from '../types';

export interface HandlerScope {
  names: Set<string>;
  complete: boolean;
}

const MAX_DEPTH = 5;

/** Files of the workspace by path (open editors first), then the disk. */
export class Files {
  private byPath?: Map<string, OpsDocument>;
  private readonly read = new Map<string, OpsDocument | null>();
  constructor(private readonly ctx: RuleContext) {}

  private workspace(): Map<string, OpsDocument> {
    if (!this.byPath) {
      this.byPath = new Map();
      for (const d of this.ctx.workspace.documents()) this.byPath.set(path.resolve(d.path), d);
    }
    return this.byPath;
  }

  doc(p: string): OpsDocument | undefined {
    const abs = path.resolve(p);
    if (abs === path.resolve(this.ctx.doc.path)) return this.ctx.doc;
    const open = this.workspace().get(abs);
    if (open) return open;
    if (!this.read.has(abs)) {
      let doc: OpsDocument | null = null;
      try {
        if (fs.statSync(abs).isFile()) doc = new OpsDocument({ uri: pathToUri(abs), path: abs, text: fs.readFileSync(abs, 'utf8'), exists: fs.existsSync });
      } catch {
        doc = null;
      }
      this.read.set(abs, doc);
    }
    return this.read.get(abs) ?? undefined;
  }

  isDir(p: string): boolean {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      const prefix = path.resolve(p) + path.sep;
      for (const k of this.workspace().keys()) if (k.startsWith(prefix)) return true;
      return false;
    }
  }

  /** The first existing file of candidates (main.yml, main.yaml). */
  first(dir: string, names: string[]): OpsDocument | undefined {
    for (const n of names) {
      const d = this.doc(path.join(dir, n));
      if (d) return d;
    }
    return undefined;
  }
}

function rootOf(doc: OpsDocument | undefined): unknown {
  return doc?.yaml.documents[0]?.doc.contents ?? undefined;
}

/** The folder of a role by name, searched from the given folders. */
export function findRole(name: string, bases: string[], files: Files): string | undefined {
  if (!name || /[{}]/.test(name)) return undefined;
  for (const base of bases) {
    for (const dir of [path.join(base, 'roles', name), path.join(base, name)]) {
      if (files.isDir(path.join(dir, 'tasks')) || files.isDir(path.join(dir, 'handlers')) || files.isDir(path.join(dir, 'meta'))) return dir;
    }
  }
  return undefined;
}

/** Handlers a role brings into a play (its own, its dependencies'), added to `scope`. */
export function addRole(scope: HandlerScope, roleDir: string, files: Files, seen = new Set<string>(), depth = 0): void {
  if (seen.has(roleDir) || depth > MAX_DEPTH) {
    if (depth > MAX_DEPTH) scope.complete = false;
    return;
  }
  seen.add(roleDir);
  const name = path.basename(roleDir);
  const handlers = files.first(path.join(roleDir, 'handlers'), ['main.yml', 'main.yaml']);
  if (handlers) {
    const set = handlerSet(rootOf(handlers), handlers.text);
    if (!set.complete) scope.complete = false;
    for (const n of set.names) scope.names.add(n).add(`${name} : ${n}`);
  }
  // Roles a role includes bring their handlers once they run; their names are not known here.
  const tasks = files.first(path.join(roleDir, 'tasks'), ['main.yml', 'main.yaml']);
  if (tasks && /\b(?:include|import)_role\b/.test(tasks.text)) scope.complete = false;
  const meta = files.first(path.join(roleDir, 'meta'), ['main.yml', 'main.yaml']);
  const bases = [path.dirname(path.dirname(roleDir)), path.dirname(roleDir)];
  for (const dep of seqItems(getNode(rootOf(meta), 'dependencies'))) {
    const depName = isScalar(dep) ? scalarString(dep) : scalarString(getNode(dep, 'role') ?? getNode(dep, 'name'));
    const dir = depName ? findRole(depName, bases, files) : undefined;
    if (dir) addRole(scope, dir, files, seen, depth + 1);
    else scope.complete = false;
  }
}

/** Handlers a play's tasks can notify. */
export function playScope(play: PlayTarget, doc: OpsDocument, files: Files): HandlerScope {
  const own = handlerSet(getNode(play.node, 'handlers'), doc.text);
  const scope: HandlerScope = { names: own.names, complete: own.complete };
  const here = path.dirname(doc.path);
  const bases = [here, path.dirname(here)];
  // A templated role name is blanked to `___` in the parsed text: no such role is found.
  const roles = playRoles(play.node).map((r) => (isTemplatedNode(r.node, doc.text) ? '' : r.name));
  for (const section of PLAY_TASK_SECTIONS) {
    for (const task of flattenTasks(getNode(play.node, section))) {
      if (includeKind(task) === 'role') roles.push(includedRoleName(task) ?? '');
    }
  }
  for (const role of roles) {
    const dir = findRole(role, bases, files);
    if (dir) addRole(scope, dir, files);
    else scope.complete = false;
  }
  return scope;
}

/** The role folder holding a task or handler file (`roles/<r>/tasks/x.yml`), if any. */
export function roleOfFile(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  for (let i = parts.length - 3; i >= 1; i--) {
    if ((parts[i + 1] === 'tasks' || parts[i + 1] === 'handlers') && parts[i - 1] === 'roles') return parts.slice(0, i + 1).join('/') || '/';
  }
  return undefined;
}

/** Whether any other role beside `roleDir`, or any playbook of the workspace, defines a handler. */
export function definedElsewhere(name: string, roleDir: string, files: Files, ctx: RuleContext): boolean {
  const rolesFolder = path.dirname(roleDir);
  let siblings: string[] = [];
  try {
    siblings = fs.readdirSync(rolesFolder);
  } catch {
    siblings = [];
  }
  for (const s of siblings) {
    const dir = path.join(rolesFolder, s);
    if (dir === roleDir) continue;
    const scope: HandlerScope = { names: new Set(), complete: true };
    addRole(scope, dir, files);
    if (scope.names.has(name)) return true;
  }
  for (const d of ctx.workspace.documents()) {
    if (d.kind !== 'ansible-playbook' && d.kind !== 'ansible-handlers') continue;
    for (const { document, kind } of d.yamlDocuments()) {
      const root = document.doc.contents;
      const lists = kind === 'ansible-handlers' ? [root] : seqItems(root).map((p) => getNode(p, 'handlers'));
      if (lists.some((l) => handlerSet(l).names.has(name))) return true;
    }
  }
  return false;
}
