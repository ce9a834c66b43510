// Which snippets fit at a cursor: the cursor position is mapped to insertion targets, each a
// snippet context (catalog.ts) plus how the text must be shaped there. Named contexts come
// from the document model (a container, a pod spec, a Compose service, a play's task list…);
// below a named mapping context, a key the snippets start with (`env:`, `affinity:`,
// `livenessProbe:`) is descended into, so the items of the env snippets are offered inside an
// existing `env:` list. Anything else, generic YAML included, gets no target.
import * as path from 'path';
import { OpsDocument } from '../documents/document';
import { podSpecPath } from '../documents/kubernetes';
import { entries, getIn, nodeRange, stringAt } from '../documents/yaml';
import { SnippetContext } from './catalog';
import { cursorWord, Steps, yamlPlace, YamlPlace, YamlSlot } from './yamlSlot';

export interface InsertTarget {
  context: SnippetContext;
  /** Keys descended into from the context (each snippet must start with exactly these keys). */
  descend: string[];
  /** `map`: the body must be mapping keys; `list`: sequence items; `any`: as written. */
  shape: 'map' | 'list' | 'any';
  /** Keys the mapping already has: a snippet adding one of them does not fit. */
  existingKeys: ReadonlySet<string>;
  /** Column continuation lines align to (the key column, or the dash column for items). */
  column: number;
  /** A `- ` is already typed: the first item's dash is dropped. */
  stripDash: boolean;
  /** The text replaced: the typed word. */
  start: number;
  end: number;
}

export function insertTargets(doc: OpsDocument, offset: number): InsertTarget[] {
  switch (doc.kind) {
    case 'dockerfile':
      return dockerfileTargets(doc, offset);
    case 'ansible-cfg':
      return ansibleCfgTargets(doc, offset);
    case 'ansible-inventory':
      return [];
    default:
      return yamlTargets(doc, offset);
  }
}

// ── Dockerfile: a new instruction at the start of a line ─────────────────────────────────────

function dockerfileTargets(doc: OpsDocument, offset: number): InsertTarget[] {
  const w = cursorWord(doc, offset);
  if (!w || w.dash !== undefined) return [];
  // A line continuing the instruction above (escaped line break, heredoc body) is not a start.
  for (const ins of doc.dockerfile.instructions) {
    if (ins.start < w.lineStart && ins.end >= w.lineStart) return [];
    if (ins.start >= w.lineStart) break;
  }
  if (inHeredoc(doc, w.line)) return [];
  return [{ context: 'dockerfile', descend: [], shape: 'any', existingKeys: new Set(), column: w.column, stripDash: false, start: w.wordStart, end: offset }];
}

/** Heredoc bodies (`RUN <<EOF` … `EOF`): dockerfile-ast may not fold them into the instruction. */
function inHeredoc(doc: OpsDocument, line: number): boolean {
  let terminator: string | undefined;
  for (let l = 0; l < line; l++) {
    const t = doc.lines.lineText(l);
    if (terminator !== undefined) {
      if (t.replace(/^\t+/, '') === terminator) terminator = undefined;
      continue;
    }
    const m = /^\s*[A-Za-z]+\b.*?<<-?(["']?)([A-Za-z_][\w]*)\1/.exec(t);
    if (m && !t.trimStart().startsWith('#')) terminator = m[2];
  }
  return terminator !== undefined;
}

// ── ansible.cfg: the Mitogen strategy keys ───────────────────────────────────────────────────

const CFG_WORD = /^[A-Za-z_-]*$/;

function ansibleCfgTargets(doc: OpsDocument, offset: number): InsertTarget[] {
  const { line } = doc.lines.positionAt(offset);
  const lineStart = doc.lines.lineStart(line);
  const before = doc.text.slice(lineStart, offset);
  // Indented lines continue the previous value in configparser: only column 0 starts a key.
  if (!CFG_WORD.test(before) || doc.text.slice(offset, doc.lines.lineEnd(line)).trim() !== '') return [];
  const sections = doc.ini.sections;
  let current = sections[0];
  for (const s of sections) if (s.name !== '' && s.line < line) current = s;
  const defaults = sections.filter((s) => s.name === 'defaults');
  const target = (context: SnippetContext): InsertTarget[] => [{ context, descend: [], shape: 'any', existingKeys: new Set(), column: 0, stripDash: false, start: lineStart, end: offset }];
  if (current.name === 'defaults') {
    // configparser rejects a key given twice in a section: only a [defaults] without them.
    const keys = defaults.flatMap((s) => s.entries.filter((e) => e.line !== line).map((e) => e.key));
    return keys.includes('strategy') || keys.includes('strategy_plugins') ? [] : target('ansible-cfg.defaults');
  }
  if (defaults.length) return [];
  // A new [defaults] section must not capture the keys below the cursor.
  for (let l = line + 1; l < doc.lines.lineCount; l++) {
    const t = doc.lines.lineText(l).trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    if (t.startsWith('[')) break;
    return [];
  }
  return target('ansible-cfg.top');
}

// ── YAML: Kubernetes, Helm templates, Compose, Ansible ───────────────────────────────────────

const COMPOSE_FILE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i;
const TASK_SECTIONS = new Set(['tasks', 'pre_tasks', 'post_tasks']);
const BLOCK_SECTIONS = new Set(['block', 'rescue', 'always']);

function yamlTargets(doc: OpsDocument, offset: number): InsertTarget[] {
  const place = yamlPlace(doc, offset);
  if (!place) return [];
  const out: InsertTarget[] = [];
  for (const slot of place.slots) {
    const t = slotTarget(doc, place, slot);
    if (t) out.push(t);
  }
  return out;
}

function slotTarget(doc: OpsDocument, place: YamlPlace, slot: YamlSlot): InsertTarget | undefined {
  const base = { start: place.cursor.wordStart, end: place.cursor.offset, existingKeys: new Set<string>() };
  if (slot.kind === 'top') {
    const context = topContext(doc);
    if (!context) return undefined;
    return { ...base, context, descend: [], shape: slot.dash === undefined ? 'any' : 'list', column: 0, stripDash: slot.dash !== undefined };
  }
  if (slot.kind === 'seq') {
    const named = seqContext(place, slot.path);
    if (named) return { ...base, context: named, descend: [], shape: 'list', column: slot.column, stripDash: slot.dash };
    const d = descent(place, slot.path);
    return d && { ...base, ...d, shape: 'list', column: slot.column, stripDash: slot.dash };
  }
  const existingKeys = new Set<string>();
  for (const [key, pair] of entries(slot.node)) {
    const at = nodeRange(pair.key)?.[0];
    if (at === undefined || at < place.cursor.lineStart || at > place.cursor.offset) existingKeys.add(key);
  }
  const named = mapContext(place, slot.path);
  if (named) return { ...base, existingKeys, context: named, descend: [], shape: 'map', column: slot.column, stripDash: false };
  const d = descent(place, slot.path);
  return d && { ...base, ...d, existingKeys, shape: 'map', column: slot.column, stripDash: false };
}

/** A mapping with a context of its own. */
function mapContext(place: YamlPlace, p: Steps): SnippetContext | undefined {
  if (place.docKind === 'kubernetes') {
    const pod = podSpecPath(stringAt(place.root, 'kind'));
    if (!pod || !startsWith(p, pod)) return undefined;
    const rest = p.slice(pod.length);
    if (rest.length === 0) return 'k8s.pod';
    if (rest.length === 2 && typeof rest[1] === 'number') {
      if (rest[0] === 'containers') return 'k8s.container';
      if (rest[0] === 'initContainers') return 'k8s.initContainer';
    }
    return undefined;
  }
  if (place.docKind === 'compose') {
    if (p.length === 1 && p[0] === 'services') return 'compose.services';
    if (p.length === 2 && p[0] === 'services' && typeof p[1] === 'string') return 'compose.service';
    return undefined;
  }
  // `- import_playbook: x.yml` is an entry of the play list, but no play.
  if (place.docKind === 'ansible-playbook' && p.length === 1 && typeof p[0] === 'number') return isImport(getIn(place.root, p)) ? undefined : 'ansible.play';
  return undefined;
}

/** A sequence with a context of its own: plays, task lists, handler lists. */
function seqContext(place: YamlPlace, p: Steps): SnippetContext | undefined {
  const k = place.docKind;
  if (k === 'ansible-playbook') {
    if (p.length === 0) return 'ansible.top';
    if (p.length === 2 && typeof p[0] === 'number' && p[1] === 'handlers') return 'ansible.handlers';
    if (p.length < 2 || typeof p[0] !== 'number' || !TASK_SECTIONS.has(p[1] as string)) return undefined;
    return p.length === 2 || isBlockOf(p, 2) ? 'ansible.tasks' : undefined;
  }
  if (k === 'ansible-tasks' || k === 'ansible-handlers') {
    if (p.length === 0) return k === 'ansible-tasks' ? 'ansible.tasks' : 'ansible.handlers';
    return isBlockOf(p, 0) ? 'ansible.tasks' : undefined;
  }
  return undefined;
}

/** `…tasks[i].block[j].rescue` below a task list that starts `head` steps deep. */
function isBlockOf(p: Steps, head: number): boolean {
  if (p.length < head + 2 || (p.length - head) % 2 !== 0) return false;
  for (let i = head; i < p.length; i += 2) if (typeof p[i] !== 'number' || !BLOCK_SECTIONS.has(p[i + 1] as string)) return false;
  return true;
}

/** Below a named mapping context: the context and the keys leading down from it. */
function descent(place: YamlPlace, p: Steps): { context: SnippetContext; descend: string[] } | undefined {
  for (let j = p.length - 1; j >= 0; j--) {
    if (typeof p[j] !== 'string') return undefined;
    const context = mapContext(place, p.slice(0, j));
    if (context) return { context, descend: p.slice(j) as string[] };
  }
  return undefined;
}

/** The context of an empty document, from what the file is (its other documents, its name). */
function topContext(doc: OpsDocument): SnippetContext | undefined {
  const p = doc.path.replace(/\\/g, '/');
  const base = path.basename(p);
  if (doc.kind === 'helm-template') return /\/templates\/tests\//.test(p) ? 'helm.tests' : 'k8s.top';
  if (doc.kind === 'kubernetes') return 'k8s.top';
  if ((COMPOSE_FILE.test(base) || doc.languageId === 'dockercompose') && /override/i.test(base)) return 'compose.override';
  if (doc.kind === 'compose') return undefined;
  if (/\/roles\/[^/]+\/tasks\/[^/]+\.ya?ml$/.test(p)) return 'ansible.tasks';
  if (/\/roles\/[^/]+\/handlers\/[^/]+\.ya?ml$/.test(p)) return 'ansible.handlers';
  if (/\/roles\/[^/]+\/(?:defaults|vars|meta)\//.test(p)) return undefined;
  if (doc.kind === 'ansible-playbook' || doc.languageId === 'ansible' || /\/playbooks\/[^/]+\.ya?ml$/.test(p) || /^(?:site|playbook[\w.-]*)\.ya?ml$/.test(base)) {
    return 'ansible.top';
  }
  return undefined;
}

function isImport(play: unknown): boolean {
  return entries(play).some(([k]) => k === 'import_playbook' || k === 'ansible.builtin.import_playbook');
}

function startsWith(p: Steps, prefix: readonly string[]): boolean {
  if (p.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (p[i] !== prefix[i]) return false;
  return true;
}

