// Shared by the Compose healthcheck rules: where a healthcheck may come from outside this file
// (a sibling override/base file, the Dockerfile a service builds), the healthchecks Compose
// actually uses (through anchors, merges and extends, each node once), and the skeleton the
// quick fixes insert (the notes' shape, slurm-notes.md:90-94).
import * as path from 'path';
import { Node, YAMLMap } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { ComposeModel, composeModel, fieldOf, healthcheckState, isInterpolated } from '../../documents/compose';
import { getNode, isMap, scalarString } from '../../documents/yaml';
import { Fix, RuleContext } from '../types';

/**
 * Whether a healthcheck for the service may be defined where this file cannot see it: another
 * Compose file of the same folder (the base file of an override, or an override adding it),
 * a HEALTHCHECK in the Dockerfile it builds (when that Dockerfile is in the workspace), or a
 * base file this one is merged onto (the service here has neither image nor build).
 */
export function healthcheckElsewhere(ctx: RuleContext, model: ComposeModel, name: string, service: YAMLMap): boolean {
  // Without image or build the service is a fragment (an override adding ports): its full
  // definition, healthcheck included, lives in a file merged before this one.
  const image = fieldOf(model, service, 'image');
  const build = fieldOf(model, service, 'build');
  if (image === 'unknown' || build === 'unknown' || (!image && !build)) return true;
  const dir = path.dirname(ctx.doc.path);
  const dockerfile = buildDockerfile(model, service, dir);
  for (const other of ctx.workspace.documents()) {
    // Paths first: reading `kind` classifies (parses) the document.
    const sameDir = path.dirname(other.path) === dir;
    const built = dockerfile !== undefined && path.resolve(other.path) === dockerfile;
    if (other.path === ctx.doc.path || (!sameDir && !built)) continue;
    if (sameDir && other.kind === 'compose') {
      const m = composeModel(other);
      const s = m?.services.get(name);
      if (m && s && healthcheckState(m, s.node) !== 'absent') return true;
    }
    if (built && other.kind === 'dockerfile' && hasHealthcheckInstruction(other)) return true;
  }
  return false;
}

function buildDockerfile(model: ComposeModel, service: YAMLMap, dir: string): string | undefined {
  const build = fieldOf(model, service, 'build');
  if (!build || build === 'unknown') return undefined;
  const context = isMap(build.value) ? scalarString(getNode(build.value, 'context')) ?? '.' : scalarString(build.value);
  const file = isMap(build.value) ? scalarString(getNode(build.value, 'dockerfile')) ?? 'Dockerfile' : 'Dockerfile';
  if (context === undefined || isInterpolated(context) || isInterpolated(file) || /^[a-z]+:\/\//i.test(context)) return undefined;
  return path.resolve(dir, context, file);
}

function hasHealthcheckInstruction(doc: OpsDocument): boolean {
  return doc.dockerfile.instructions.some((i) => i.keyword === 'HEALTHCHECK' && !/^\s*NONE\b/i.test(i.args));
}

export interface UsedHealthcheck {
  /** The healthcheck map. */
  node: YAMLMap;
  /** The first service using it. */
  service: string;
}

/** Healthcheck maps the services use, each node once (anchors share one node). */
export function usedHealthchecks(model: ComposeModel): UsedHealthcheck[] {
  const seen = new Set<Node>();
  const out: UsedHealthcheck[] = [];
  for (const [name, s] of model.services) {
    const hc = fieldOf(model, s.node, 'healthcheck');
    if (!hc || hc === 'unknown' || !isMap(hc.value) || seen.has(hc.value)) continue;
    seen.add(hc.value);
    out.push({ node: hc.value, service: name });
  }
  return out;
}

// Readiness commands the official images ship with; anything else gets a placeholder that
// fails (never a command that is healthy at once, which would defeat service_healthy).
const KNOWN_TESTS: [RegExp, string][] = [
  [/(?:^|\/)(?:postgres|postgis|postgresql|timescaledb)$/, '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]'],
  [/(?:^|\/)mariadb$/, '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]'],
  [/(?:^|\/)(?:mysql|percona)$/, '["CMD", "mysqladmin", "ping", "-h", "localhost"]'],
  [/(?:^|\/)redis(?:-stack-server)?$/, '["CMD", "redis-cli", "ping"]'],
  [/(?:^|\/)valkey$/, '["CMD", "valkey-cli", "ping"]'],
  [/(?:^|\/)mongo$/, '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]'],
  [/(?:^|\/)rabbitmq$/, '["CMD", "rabbitmq-diagnostics", "-q", "ping"]'],
];
const PLACEHOLDER_TEST = '["CMD-SHELL", "TODO: a command that exits 0 when the service is ready"]';

/** `registry:5000/library/postgres:16-alpine@sha256:…` -> `library/postgres`. */
export function imageRepository(image: string): string {
  let s = image.split('@')[0];
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) s = s.slice(0, colon);
  const parts = s.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  return parts.join('/').toLowerCase();
}

function testFor(model: ComposeModel, service: YAMLMap): string {
  const image = fieldOf(model, service, 'image');
  const value = image && image !== 'unknown' ? scalarString(image.value) : undefined;
  if (value && !isInterpolated(value.split(':')[0])) {
    const repo = imageRepository(value);
    for (const [re, test] of KNOWN_TESTS) if (re.test(repo)) return test;
  }
  return PLACEHOLDER_TEST;
}

/**
 * Fix: append a healthcheck (test, interval, timeout, retries) to a service written as a block
 * map, indented like the file (the service's own key indent and its step), with the file's
 * line breaks. Undefined when the service is a flow map or an alias.
 */
export function addHealthcheckFix(doc: OpsDocument, model: ComposeModel, name: string): Fix | undefined {
  const s = model.services.get(name);
  if (!s || s.pair.value !== s.node || s.node.flow || s.node.items.length === 0) return undefined;
  const text = doc.text;
  const lines = doc.lines;
  const keyCol = lines.positionAt(s.pair.key.range![0]).character;
  const firstKey = s.node.items[0].key as Node | null;
  if (!firstKey?.range) return undefined;
  const first = lines.positionAt(firstKey.range[0]);
  const childCol = first.character;
  // The first key must start its own line (not `web: {…}` or `- web:` compact forms).
  if (lines.lineText(first.line).slice(0, childCol).trim() !== '') return undefined;
  const step = childCol > keyCol ? childCol - keyCol : 2;
  let end = 0;
  for (const item of s.node.items) {
    const r = ((item.value as Node | null)?.range ?? (item.key as Node | null)?.range) as number[] | undefined;
    if (r) end = Math.max(end, r[1]);
  }
  while (end > 0 && /[\s]/.test(text[end - 1])) end--;
  const lastLine = lines.positionAt(Math.max(0, end - 1)).line;
  const eol = lines.eol;
  const pad = ' '.repeat(childCol);
  const pad2 = ' '.repeat(childCol + step);
  const body = [
    `${pad}healthcheck:`,
    `${pad2}test: ${testFor(model, s.node)}`,
    `${pad2}interval: 10s`,
    `${pad2}timeout: 5s`,
    `${pad2}retries: 5`,
  ].join(eol);
  const atEnd = lastLine + 1 >= lines.lineCount;
  const at = atEnd ? text.length : lines.lineStart(lastLine + 1);
  const newText = atEnd ? eol + body : body + eol;
  return {
    title: { en: `Add a healthcheck to \`${name}\``, ru: `Добавить healthcheck в сервис \`${name}\`` },
    edits: [{ range: doc.rangeOf(at, at), newText }],
    safety: 'suggestion',
  };
}
