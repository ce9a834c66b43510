// classifyDocument: which kind a file is, from its name, languageId and content. Content wins
// over the name when they disagree: a GitHub workflow named deploy.yml is not a playbook, a
// GitLab CI file is not Compose, a Tekton Task under tasks/ is not an Ansible task list.
import * as path from 'path';
import { FileKind, YamlDocKind } from './kinds';
import { entries, getNode, isAlias, isMap, isScalar, isSeq, scalarString, stringAt, YamlFile } from './yaml';
import { isBuiltinKind, isBuiltinKubernetesApi } from './kubernetes';
import { looksLikePlay, looksLikeTask } from './ansible';

export interface FileFacts {
  /** A file-system path (or the URI's path for unsaved documents). */
  path: string;
  languageId?: string;
  /** Whether a path exists; used to find the Chart.yaml of a Helm chart. */
  exists?: (p: string) => boolean;
}

const DOCKERFILE_NAME = /^(?:dockerfile|containerfile)(?:[.-].+)?$/i;
const DOCKERFILE_EXT = /\.(?:dockerfile|containerfile)$/i;
const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i;
const YAML_EXT = /\.ya?ml$/i;
const INVENTORY_NAME = /^(?:hosts|inventory)(?:\.ini|\.cfg)?$|\.ini$/i;

/** The kind a file is by name alone, before content is read (or undefined: YAML decides). */
export function kindByName(facts: FileFacts): FileKind | 'yaml' | undefined {
  const base = path.basename(facts.path);
  const lang = facts.languageId;
  if (lang === 'dockerfile' || DOCKERFILE_NAME.test(base) || DOCKERFILE_EXT.test(base)) {
    if (!/\.(?:ya?ml|json|md|txt|dockerignore)$/i.test(base)) return 'dockerfile';
  }
  if (base === 'ansible.cfg' || base === '.ansible.cfg') return 'ansible-cfg';
  if (YAML_EXT.test(base) || lang === 'yaml' || lang === 'dockercompose' || lang === 'ansible' || lang === 'helm') return 'yaml';
  const parts = facts.path.split(/[\\/]/);
  // Ansible reads group_vars/all and host_vars/web1 without an extension as YAML too.
  if (!base.includes('.') && [parts[parts.length - 2], parts[parts.length - 3]].some((d) => d === 'group_vars' || d === 'host_vars')) return 'yaml';
  if (INVENTORY_NAME.test(base) && (parts.includes('inventory') || parts.includes('inventories') || /^(?:hosts|inventory)/i.test(base))) {
    return 'ansible-inventory';
  }
  return undefined;
}

/** The chart folder when the file is under `templates/` of a folder holding Chart.yaml. */
export function helmChartRoot(facts: FileFacts): string | undefined {
  const parts = facts.path.split(/[\\/]/);
  for (let i = parts.length - 2; i > 0; i--) {
    if (parts[i] === 'templates') {
      const root = parts.slice(0, i).join('/') || '/';
      if (!facts.exists || facts.exists(path.join(root, 'Chart.yaml'))) return root;
    }
  }
  return undefined;
}

const COMPOSE_TOP_LEVEL = new Set(['version', 'services', 'networks', 'volumes', 'configs', 'secrets', 'name', 'include', 'models']);
const COMPOSE_SERVICE_KEYS = new Set(['image', 'build', 'extends']);
// Top-level keys of CI configurations (GitLab CI, GitHub Actions, Drone, Azure Pipelines)
// that Compose never has.
const COMPOSE_FOREIGN_KEYS = new Set(['on', 'jobs', 'steps', 'stages', 'script', 'image', 'before_script', 'after_script', 'pipeline', 'trigger', 'pool']);

/**
 * Compose by content: `services` (when present) is a map of maps, and every top-level key is
 * a Compose key or an `x-` extension (Compose rejects any other). A GitLab CI file (`image:`,
 * `script:`, `services:` as a list) or a GitHub workflow (`on:`, `jobs:`) is not Compose even
 * when it is named compose.yml. A file with a Compose name keeps its kind when broken YAML
 * (a tab, a half-typed line) turns a line into a stray top-level key, as long as its services
 * look like services: hovers keep working where the structure is readable.
 */
function isComposeContent(root: unknown, byName: boolean): boolean {
  if (!isMap(root)) return false;
  const keys = entries(root).map(([k]) => k);
  if (keys.length === 0 || keys.some((k) => COMPOSE_FOREIGN_KEYS.has(k))) return false;
  const known = keys.length === root.items.length && keys.every((k) => COMPOSE_TOP_LEVEL.has(k) || k.startsWith('x-'));
  const services = getNode(root, 'services');
  if (services === undefined || (isScalar(services) && services.value === null)) return byName && known;
  if (!isMap(services)) return false;
  const svc = entries(services);
  if (!svc.every(([, pair]) => pair.value == null || isMap(pair.value) || isAlias(pair.value))) return false;
  const extensions = keys.some((k) => k.startsWith('x-'));
  const serviceLike = svc.some(([, pair]) => isMap(pair.value) && entries(pair.value).some(([k]) => COMPOSE_SERVICE_KEYS.has(k) || (k === '<<' && extensions)));
  return byName ? known || serviceLike : known && serviceLike;
}

function isPlaybook(root: unknown): boolean {
  if (!isSeq(root) || root.items.length === 0) return false;
  return root.items.every((item) => looksLikePlay(item));
}

/**
 * Most entries look like tasks (a list of {name, value} settings is not a task list). In a
 * role's tasks/ or handlers/ folder a collection module written short (`mysql_user:`) counts.
 */
function isTaskList(root: unknown, inRole: boolean): boolean {
  if (!isSeq(root) || root.items.length === 0) return false;
  let strict = 0;
  let tasks = 0;
  for (const item of root.items) {
    if (!isMap(item)) return false;
    if (looksLikeTask(item)) strict++;
    if (looksLikeTask(item, inRole)) tasks++;
  }
  // A short name we do not know only counts beside tasks we recognise.
  return strict > 0 && tasks * 2 >= root.items.length;
}

export function isKubernetesDocument(root: unknown): boolean {
  if (!isMap(root)) return false;
  const apiVersion = stringAt(root, 'apiVersion');
  const kind = stringAt(root, 'kind');
  if (!apiVersion || !kind) return false;
  // A Helm template often computes the version (`apiVersion: {{ include "x.apiVersion" . }}`),
  // blanked to underscores by helm.ts: a built-in kind name still makes it a manifest.
  if (/^_+$/.test(apiVersion)) return isBuiltinKind(kind);
  return isBuiltinKubernetesApi(apiVersion, kind);
}

interface AnsiblePlace {
  /** The folder of a role the file is in (`roles/<r>/<folder>/…`), or a tasks/handlers folder. */
  role?: 'tasks' | 'handlers' | 'vars';
  /** Under roles/<r>/ (not just a folder named tasks/). */
  inRole?: boolean;
  vars?: boolean;
}

function ansiblePlace(p: string): AnsiblePlace {
  const parts = p.split(/[\\/]/);
  if (parts.includes('group_vars') || parts.includes('host_vars')) return { vars: true };
  // roles/<r>/tasks/main.yml, and the folder form roles/<r>/defaults/main/etcd.yml (Kubespray).
  for (let i = parts.length - 4; i >= 0; i--) {
    if (parts[i] !== 'roles' || i + 3 > parts.length - 1) continue;
    const folder = parts[i + 2];
    if (folder === 'tasks' || folder === 'handlers') return { role: folder, inRole: true };
    if (folder === 'defaults' || folder === 'vars') return { role: 'vars', inRole: true };
    return {};
  }
  const dir = parts[parts.length - 2];
  if (dir === 'handlers') return { role: 'handlers' };
  if (dir === 'tasks') return { role: 'tasks' };
  return {};
}

/** Classify one YAML document of a file. */
export function classifyYamlDocument(root: unknown, facts: FileFacts, helmRoot: string | undefined): YamlDocKind {
  const base = path.basename(facts.path);
  if (isKubernetesDocument(root)) return 'kubernetes';
  if (helmRoot === undefined && /^Chart\.ya?ml$/.test(base) && isMap(root) && getNode(root, 'apiVersion') && getNode(root, 'name')) {
    return 'helm-chart';
  }
  const byName = COMPOSE_NAME.test(base) || facts.languageId === 'dockercompose';
  if (isComposeContent(root, byName)) return 'compose';
  if (isPlaybook(root)) return 'ansible-playbook';
  const place = ansiblePlace(facts.path);
  if (isTaskList(root, !!place.inRole && place.role !== 'vars')) return place.role === 'handlers' ? 'ansible-handlers' : 'ansible-tasks';
  if ((place.vars || place.role === 'vars') && isMap(root)) return 'ansible-vars';
  return 'generic';
}

export interface Classification {
  kind: FileKind;
  /** For YAML files: the kind of each document, by index. */
  documentKinds: YamlDocKind[];
  /** The Helm chart folder for files under a chart's templates/. */
  helmChart?: string;
}

/** File-level kind from the kinds of its YAML documents. */
export function classifyYamlFile(yaml: YamlFile, facts: FileFacts): Classification {
  const helmChart = helmChartRoot(facts);
  const base = path.basename(facts.path);
  // values.yaml beside Chart.yaml is the chart's values whatever keys it holds.
  if (helmChart === undefined && /^values(?:[.-][\w.-]+)?\.ya?ml$/.test(base) && facts.exists?.(path.join(path.dirname(facts.path), 'Chart.yaml'))) {
    return { kind: 'helm-values', documentKinds: yaml.documents.map(() => 'helm-values') };
  }
  let documentKinds = yaml.documents.map((d) => classifyYamlDocument(d.doc.contents, facts, helmChart));
  // In a chart's templates/ only manifests count (a template's other documents are not plays).
  if (helmChart !== undefined) documentKinds = documentKinds.map((k) => (k === 'kubernetes' ? k : 'generic'));
  const has = (k: YamlDocKind) => documentKinds.includes(k);
  let kind: FileKind = 'generic';
  if (helmChart !== undefined) kind = 'helm-template';
  else if (has('kubernetes')) kind = 'kubernetes';
  else if (has('helm-chart')) kind = 'helm-chart';
  else if (has('compose')) kind = 'compose';
  else if (has('ansible-playbook')) kind = 'ansible-playbook';
  else if (has('ansible-handlers')) kind = 'ansible-handlers';
  else if (has('ansible-tasks')) kind = 'ansible-tasks';
  else if (has('ansible-vars')) kind = 'ansible-vars';
  return { kind, documentKinds, helmChart };
}

export { isScalar, scalarString };
