// classifyDocument: which kind a file is, from its name, languageId and content. Content wins
// over the name when they disagree: a GitHub workflow named deploy.yml is not a playbook, a
// GitLab CI file is not Compose, a Tekton Task under tasks/ is not an Ansible task list.
import * as path from 'path';
import { FileKind, YamlDocKind } from './kinds';
import { entries, getNode, isMap, isScalar, isSeq, scalarString, stringAt, YamlFile } from './yaml';
import { isBuiltinKubernetesApi } from './kubernetes';
import { looksLikeTask } from './ansible';

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

function isComposeContent(root: unknown, byName: boolean): boolean {
  if (!isMap(root)) return false;
  const keys = entries(root).map(([k]) => k);
  if (keys.length === 0) return false;
  if (!keys.every((k) => COMPOSE_TOP_LEVEL.has(k) || k.startsWith('x-'))) return false;
  const services = getNode(root, 'services');
  if (!isMap(services)) return byName && keys.some((k) => k !== 'version') && !keys.includes('services');
  const svc = entries(services);
  if (byName) return true;
  return svc.some(([, pair]) => isMap(pair.value) && entries(pair.value).some(([k]) => COMPOSE_SERVICE_KEYS.has(k)));
}

function isPlaybook(root: unknown): boolean {
  if (!isSeq(root) || root.items.length === 0) return false;
  let plays = 0;
  for (const item of root.items) {
    if (!isMap(item)) return false;
    const keys = new Set(entries(item).map(([k]) => k));
    if (keys.has('hosts') || keys.has('import_playbook') || keys.has('ansible.builtin.import_playbook')) plays++;
    else return false;
  }
  return plays > 0;
}

function isTaskList(root: unknown): boolean {
  if (!isSeq(root) || root.items.length === 0) return false;
  let tasks = 0;
  for (const item of root.items) {
    if (!isMap(item)) return false;
    if (looksLikeTask(item)) tasks++;
  }
  // Most entries must look like tasks (a list of {name, value} settings is not a task list).
  return tasks > 0 && tasks * 2 >= root.items.length;
}

export function isKubernetesDocument(root: unknown): boolean {
  if (!isMap(root)) return false;
  const apiVersion = stringAt(root, 'apiVersion');
  const kind = stringAt(root, 'kind');
  return !!apiVersion && !!kind && isBuiltinKubernetesApi(apiVersion, kind);
}

interface AnsiblePlace {
  role?: 'tasks' | 'handlers' | 'vars';
  vars?: boolean;
}

function ansiblePlace(p: string): AnsiblePlace {
  const parts = p.split(/[\\/]/);
  const dir = parts[parts.length - 2];
  if (parts.includes('group_vars') || parts.includes('host_vars')) return { vars: true };
  if (dir === 'handlers') return { role: 'handlers' };
  if (dir === 'tasks') return { role: 'tasks' };
  if ((dir === 'defaults' || dir === 'vars') && parts[parts.length - 4] === 'roles') return { role: 'vars' };
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
  if (isTaskList(root)) return place.role === 'handlers' ? 'ansible-handlers' : 'ansible-tasks';
  if (place.vars && isMap(root)) return 'ansible-vars';
  if (place.role === 'vars' && isMap(root)) return 'ansible-vars';
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
  const documentKinds = yaml.documents.map((d) => classifyYamlDocument(d.doc.contents, facts, helmChart));
  const has = (k: YamlDocKind) => documentKinds.includes(k);
  const base = path.basename(facts.path);
  let kind: FileKind = 'generic';
  if (helmChart !== undefined) kind = 'helm-template';
  else if (has('kubernetes')) kind = 'kubernetes';
  else if (has('helm-chart')) kind = 'helm-chart';
  else if (has('compose')) kind = 'compose';
  else if (has('ansible-playbook')) kind = 'ansible-playbook';
  else if (has('ansible-handlers')) kind = 'ansible-handlers';
  else if (has('ansible-tasks')) kind = 'ansible-tasks';
  else if (has('ansible-vars')) kind = 'ansible-vars';
  else if (/^values(?:[.-][\w.-]+)?\.ya?ml$/.test(base) && facts.exists?.(path.join(path.dirname(facts.path), 'Chart.yaml'))) kind = 'helm-values';
  if (kind === 'helm-values') return { kind, documentKinds: documentKinds.map(() => 'helm-values'), helmChart };
  return { kind, documentKinds, helmChart };
}

export { isScalar, scalarString };
