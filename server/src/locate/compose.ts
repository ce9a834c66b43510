// Compose locator: cursor -> logical path (`services/*/healthcheck/interval`) -> keys, most
// specific first: value -> field -> parent -> `compose`. Positions inside `x-` extension fields
// are read where the Compose model uses them (`logging: *default-logging`, `<<: *common`), or,
// when nothing uses them, by their shape. Only positions the notes speak about get keys:
// an image name or a port number has no note, so no hover (slurm-notes.md:84-101).
import { Node } from 'yaml';
import { OpsDocument } from '../documents/document';
import { ChainStep, ComposeFileRole, composeFileRole, ComposeModel, isInterpolated, modelOf } from '../documents/compose';
import { isMap, pathAt, scalarString } from '../documents/yaml';
import { Located } from './types';

const FAMILY = 'compose';
const HC = 'compose.service.healthcheck';
const DEP = 'compose.service.depends_on';
const LOG = 'compose.service.logging';
const FILE_KEYS: Record<ComposeFileRole, string> = { override: 'compose.file.override', test: 'compose.file.test' };
const TEST_TYPES = new Set(['CMD', 'CMD-SHELL', 'NONE']);
// Service fields whose notes are the override / test file notes (lines 98-101): the notes
// speak of ports and host volumes for local development, variables for the test environment.
const FILE_FIELDS: Record<string, string> = { ports: 'compose.file.override', volumes: 'compose.file.override', environment: 'compose.file.test' };
const SERVICE_KEYS = new Set(['image', 'build', 'healthcheck', 'depends_on', 'logging', 'restart', 'environment', 'ports', 'volumes', 'command']);

export function locateCompose(doc: OpsDocument, offset: number): Located | undefined {
  const at = doc.yamlDocumentAt(offset);
  if (!at || at.kind !== 'compose') return undefined;
  const model = modelOf(at.document);
  if (!model) return undefined;
  const pos = pathAt(model.root, offset);
  if (!pos) return undefined;
  const chain = normalise(model, pos.path.map((s) => ({ key: s.key, node: s.node })), 0);
  if (!chain) return undefined;
  const path = chain.map((s) => s.key);
  const value = pos.onValue ? scalarString(pos.path[pos.path.length - 1].node) : undefined;
  const keys = keysFor(path, pos.onKey, pos.onValue, value, composeFileRole(doc.path));
  if (!keys) return undefined;
  return { keys, start: pos.tokenStart, end: pos.tokenEnd };
}

/**
 * The chain as the Compose model sees it: a position inside a node used through an alias is
 * read at the alias (the deepest used node wins). Only positions outside `services` are
 * rewritten; an unused `x-` field is placed by its shape.
 */
function normalise(model: ComposeModel, chain: ChainStep[], depth: number): ChainStep[] | undefined {
  if (chain.length === 0 || depth > 8) return chain;
  const first = chain[0].key;
  if (first === 'services' || typeof first !== 'string' || !first.startsWith('x-')) return chain;
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i].node;
    const used = node ? model.usage(node) : undefined;
    if (used && !used.some((s) => s.node === node)) {
      const base = normalise(model, used, depth + 1);
      return base ? [...base, ...chain.slice(i + 1)] : undefined;
    }
  }
  const shape = shapeOf(chain[0].node);
  return shape ? [...shape, ...chain.slice(1)] : chain;
}

function shapeOf(node: Node | null): ChainStep[] | undefined {
  if (!isMap(node)) return undefined;
  const keys = new Set(node.items.map((i) => scalarString(i.key)));
  const svc = [{ key: 'services', node: null }, { key: '*', node: null }];
  if (keys.has('test') || (keys.has('interval') && keys.has('retries'))) return [...svc, { key: 'healthcheck', node: null }];
  if (keys.has('driver') && [...keys].every((k) => k === 'driver' || k === 'options')) return [...svc, { key: 'logging', node: null }];
  if ([...keys].some((k) => k !== undefined && SERVICE_KEYS.has(k))) return svc;
  return undefined;
}

function withFile(keys: string[], role: ComposeFileRole | undefined, first: boolean): string[] {
  if (!role) return keys;
  const fk = FILE_KEYS[role];
  const rest = keys.filter((k) => k !== fk && k !== FAMILY);
  return first ? [fk, ...rest, FAMILY] : [...rest, fk, FAMILY];
}

/** Keys for a logical path; undefined where the notes have nothing to say. */
export function keysFor(path: (string | number)[], onKey: boolean, onValue: boolean, value: string | undefined, role?: ComposeFileRole): string[] | undefined {
  const [top, service, field, ...rest] = path;
  if (path.length === 1) {
    if (top === 'version') return withFile(['compose.version', FAMILY], role, false);
    if (!onKey) return undefined;
    if (top === 'services') return withFile(['compose.services', FAMILY], role, true);
    return role ? withFile([FAMILY], role, true) : undefined;
  }
  if (top !== 'services' || service === undefined) return undefined;
  if (path.length === 2) return onKey ? ['compose.services', FAMILY] : undefined;
  if (typeof field !== 'string') return undefined;
  const literal = value !== undefined && !isInterpolated(value) ? value : undefined;
  switch (field) {
    case 'healthcheck':
      return healthcheckKeys(rest, onValue, literal);
    case 'depends_on':
      return dependsOnKeys(rest, onKey, literal);
    case 'logging':
      return loggingKeys(rest, literal);
    default: {
      const fileKey = FILE_FIELDS[field];
      // The field itself; its values (a port mapping, a path, a variable) have no note.
      if (fileKey && rest.length === 0 && onKey) return [`compose.service.${field}`, fileKey, FAMILY];
      return undefined;
    }
  }
}

function healthcheckKeys(rest: (string | number)[], onValue: boolean, literal: string | undefined): string[] {
  const sub = rest[0];
  if (typeof sub !== 'string') return [HC, FAMILY];
  const field = `${HC}.${sub}`;
  if (sub === 'test' && rest[1] === 0 && onValue && literal && TEST_TYPES.has(literal)) return [`${field}=${literal}`, field, HC, FAMILY];
  return [field, HC, FAMILY];
}

function dependsOnKeys(rest: (string | number)[], onKey: boolean, literal: string | undefined): string[] {
  const sub = rest[1];
  if (typeof rest[0] !== 'string' || typeof sub !== 'string') return [DEP, FAMILY];
  const field = `${DEP}.${sub}`;
  if (!onKey && literal && rest.length === 2) return [`${field}=${literal}`, field, DEP, FAMILY];
  return [field, DEP, FAMILY];
}

function loggingKeys(rest: (string | number)[], literal: string | undefined): string[] {
  const sub = rest[0];
  if (sub !== 'driver') return typeof sub === 'string' ? [`${LOG}.${sub}`, LOG, FAMILY] : [LOG, FAMILY];
  const field = `${LOG}.driver`;
  return literal ? [`${field}=${literal}`, field, LOG, FAMILY] : [field, LOG, FAMILY];
}
