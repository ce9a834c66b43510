// Compose document helpers shared by the locator and the rules: the role of a file (override /
// test, notes lines 98-101), anchors and aliases (`<<: *default`, `x-` extension fields),
// service fields resolved through merge keys and same-file `extends`, dependencies in both
// depends_on syntaxes, and Compose durations. One pass over the document, cached per version.
import * as path from 'path';
import { Alias, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { OpsDocument } from './document';
import { entries, getNode, isAlias, isMap, isScalar, isSeq, MAX_YAML_DEPTH, scalarString, YamlDocument } from './yaml';

export type ComposeFileRole = 'override' | 'test';

// Compose reads `compose.override.yaml` / `docker-compose.override.yml` beside the main file
// by itself; any other file only with -f (docs: multiple-compose-files/merge).
const OVERRIDE_NAME = /^(?:docker-)?compose\.override\.ya?ml$/i;
const TEST_NAME = /^(?:docker-)?compose\.tests?\.ya?ml$/i;

export function composeFileRole(filePath: string): ComposeFileRole | undefined {
  const base = path.basename(filePath);
  if (OVERRIDE_NAME.test(base)) return 'override';
  if (TEST_NAME.test(base)) return 'test';
  return undefined;
}

/** One step of a chain from the document root: the key (or index) and the node it leads to. */
export interface ChainStep {
  key: string | number;
  node: Node | null;
}

export interface ComposeModel {
  document: YamlDocument;
  root: YAMLMap;
  /** The node an alias refers to: the latest anchor of that name before it (YAML 1.2 §3.2.2.2). */
  target(alias: Alias): Node | undefined;
  /** For an anchored node: the chain to the first place an alias (or `<<` merge) uses it. */
  usage(node: Node): ChainStep[] | undefined;
  /** Services by name (alias-valued services resolved). */
  services: Map<string, { pair: Pair<Scalar, Node | null>; node: YAMLMap }>;
}

const models = new WeakMap<YamlDocument, ComposeModel>();

/** The model of the file's Compose document (Compose files hold one document). */
export function composeModel(doc: OpsDocument): ComposeModel | undefined {
  const d = doc.yamlDocuments('compose')[0]?.document;
  return d ? modelOf(d) : undefined;
}

export function modelOf(document: YamlDocument): ComposeModel | undefined {
  const cached = models.get(document);
  if (cached) return cached;
  const root = document.doc.contents;
  if (!isMap(root)) return undefined;
  const anchorAt = new Map<Alias, Node>();
  const usages = new Map<Node, ChainStep[]>();
  const anchors = new Map<string, Node>();
  const use = (alias: Alias, chain: ChainStep[]) => {
    const t = anchors.get(alias.source);
    if (!t) return;
    anchorAt.set(alias, t);
    if (!usages.has(t)) usages.set(t, chain);
  };
  const walk = (node: unknown, chain: ChainStep[], depth: number): void => {
    if (depth > MAX_YAML_DEPTH || node == null) return;
    if (isAlias(node)) return use(node, chain);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (isMap(node)) {
      for (const item of node.items) {
        const key = isScalar(item.key) ? scalarString(item.key) : undefined;
        if (key === undefined) continue;
        const value = item.value as Node | null;
        if (key === '<<') {
          // A merge key applies its sources to the map holding it.
          for (const src of isSeq(value) ? value.items : [value]) {
            if (isAlias(src)) use(src, chain);
            else walk(src, chain, depth + 1);
          }
          continue;
        }
        walk(value, [...chain, { key, node: value }], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...chain, { key: i, node: item as Node }], depth + 1));
    }
  };
  walk(root, [], 0);
  const model: ComposeModel = {
    document,
    root,
    target: (alias) => anchorAt.get(alias),
    usage: (node) => usages.get(node),
    services: new Map(),
  };
  for (const [name, pair] of entries(getNode(root, 'services'))) {
    const node = resolve(model, pair.value);
    if (isMap(node)) model.services.set(name, { pair, node });
  }
  models.set(document, model);
  return model;
}

/** A value with aliases followed (bounded: an alias to an alias is legal YAML). */
export function resolve(model: ComposeModel, node: unknown): Node | null | undefined {
  let cur = node as Node | null | undefined;
  for (let i = 0; i < 8 && isAlias(cur); i++) cur = model.target(cur);
  return isAlias(cur) ? undefined : cur;
}

export interface FieldLookup {
  /** The value, aliases followed; null for an empty value (`healthcheck:`). */
  value: Node | null;
  pair: Pair<Scalar, Node | null>;
  /** The map that holds the pair (the service itself, a merged anchor, or an extended service). */
  holder: YAMLMap;
}

/**
 * A field of a map as Compose sees it: own entries first, then `<<` merge sources in order,
 * then (for services) the service named by a same-file `extends`. 'unknown' when the field
 * may come from elsewhere (`extends: {file: …}`): callers stay silent then.
 */
export function fieldOf(model: ComposeModel, map: YAMLMap, key: string, seen = new Set<YAMLMap>()): FieldLookup | 'unknown' | undefined {
  if (seen.has(map) || seen.size > 16) return undefined;
  seen.add(map);
  let merges: Node[] = [];
  for (const item of map.items) {
    const k = isScalar(item.key) ? scalarString(item.key) : undefined;
    if (k === key) return { value: resolve(model, item.value) ?? null, pair: item as Pair<Scalar, Node | null>, holder: map };
    if (k === '<<') merges = isSeq(item.value) ? (item.value.items as Node[]) : [item.value as Node];
  }
  let unknown = false;
  for (const src of merges) {
    const m = resolve(model, src);
    if (!isMap(m)) continue;
    const found = fieldOf(model, m, key, seen);
    if (found === 'unknown') unknown = true;
    else if (found) return found;
  }
  const ext = resolve(model, getNode(map, 'extends'));
  if (ext !== undefined && ext !== null && key !== 'extends') {
    const file = isMap(ext) ? getNode(ext, 'file') : undefined;
    const name = isMap(ext) ? scalarString(getNode(ext, 'service')) : scalarString(ext);
    if (file || !name || name.includes('$')) return 'unknown';
    const base = model.services.get(name);
    if (!base) return 'unknown';
    const found = fieldOf(model, base.node, key, seen);
    if (found) return found;
  }
  return unknown ? 'unknown' : undefined;
}

export type HealthcheckState = 'present' | 'absent' | 'disabled' | 'unknown';

/** Whether a service (as Compose resolves it from this file) defines a healthcheck. */
export function healthcheckState(model: ComposeModel, service: YAMLMap): HealthcheckState {
  const hc = fieldOf(model, service, 'healthcheck');
  if (hc === 'unknown') return 'unknown';
  if (!hc || !isMap(hc.value)) return 'absent';
  const disable = fieldOf(model, hc.value, 'disable');
  if (disable && disable !== 'unknown' && isScalar(disable.value) && disable.value.value === true) return 'disabled';
  const test = fieldOf(model, hc.value, 'test');
  if (test && test !== 'unknown' && isSeq(test.value) && scalarString(resolve(model, test.value.items[0])) === 'NONE') return 'disabled';
  return 'present';
}

export interface Dependency {
  /** The dependency's service name. */
  name: string;
  /** The scalar naming it (list item or map key). */
  nameNode: Scalar;
  /** `condition:` of the long syntax; undefined means the default, service_started. */
  condition?: string;
  conditionNode?: Scalar;
}

/** The dependencies of a service, in both depends_on syntaxes. */
export function dependenciesOf(model: ComposeModel, service: YAMLMap): Dependency[] {
  const dep = fieldOf(model, service, 'depends_on');
  if (!dep || dep === 'unknown') return [];
  const out: Dependency[] = [];
  if (isSeq(dep.value)) {
    for (const item of dep.value.items) {
      const name = scalarString(item);
      if (name && isScalar(item)) out.push({ name, nameNode: item });
    }
  } else if (isMap(dep.value)) {
    for (const [name, pair] of entries(dep.value)) {
      if (name === '<<') continue;
      const spec = resolve(model, pair.value);
      const cond = isMap(spec) ? getNode(spec, 'condition') : undefined;
      out.push({ name, nameNode: pair.key, condition: scalarString(cond), conditionNode: isScalar(cond) ? cond : undefined });
    }
  }
  return out;
}

/** `${VAR}` / `$VAR` interpolation: the value is only known when Compose runs. */
export function isInterpolated(s: string): boolean {
  return s.includes('$');
}

const DURATION_UNITS = ['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'];

/**
 * A Compose duration: `{value}{unit}` repeated (`10s`, `1m30s`, `1h5m30s20ms`, `1.5s`), or `0`.
 * Compose parses these with Go's time.ParseDuration; a bare number has no unit and is
 * rejected (compose-spec 11-extension.md "Specifying durations"). Linear scan, no regex.
 */
export function isComposeDuration(s: string): boolean {
  if (s === '0') return true;
  let i = s[0] === '+' || s[0] === '-' ? 1 : 0;
  if (i >= s.length) return false;
  while (i < s.length) {
    const digitsStart = i;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
    let digits = i - digitsStart;
    if (s[i] === '.') {
      i++;
      const fracStart = i;
      while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
      digits += i - fracStart;
    }
    if (digits === 0) return false;
    const unit = DURATION_UNITS.filter((u) => s.startsWith(u, i)).sort((a, b) => b.length - a.length)[0];
    if (!unit) return false;
    i += unit.length;
  }
  return true;
}
