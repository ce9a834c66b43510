// Ansible document helpers: which map is a play or a task, which key is a task's module,
// plays and their task lists, handler names. Keyword lists follow the Ansible "Playbook
// Keywords" reference (docs.ansible.com/ansible/latest/reference_appendices/playbooks_keywords.html).
import { Node, Pair, Scalar } from 'yaml';
import { entries, getNode, isMap, isScalar, isSeq, scalarString, seqItems } from './yaml';

/** Task keywords (not modules). `creates`/`removes` are command arguments people also write here. */
export const TASK_KEYWORDS = new Set([
  'name', 'action', 'args', 'async', 'become', 'become_exe', 'become_flags', 'become_method', 'become_user',
  'changed_when', 'check_mode', 'collections', 'connection', 'debugger', 'delay', 'delegate_facts', 'delegate_to',
  'diff', 'environment', 'failed_when', 'ignore_errors', 'ignore_unreachable', 'local_action', 'loop', 'loop_control',
  'module_defaults', 'no_log', 'notify', 'poll', 'port', 'register', 'remote_user', 'retries', 'run_once', 'tags',
  'throttle', 'timeout', 'until', 'vars', 'when', 'listen', 'block', 'rescue', 'always', 'any_errors_fatal',
  'with_items', 'with_dict', 'with_fileglob', 'with_first_found', 'with_together', 'with_nested', 'with_sequence',
  'with_subelements', 'with_random_choice', 'with_lines', 'with_indexed_items', 'with_flattened', 'with_list',
  'creates', 'removes', 'become_ask_pass',
]);

/** Play keywords. */
export const PLAY_KEYWORDS = new Set([
  'name', 'hosts', 'become', 'become_user', 'become_method', 'become_flags', 'become_exe', 'gather_facts',
  'gather_subset', 'gather_timeout', 'fact_path', 'vars', 'vars_files', 'vars_prompt', 'roles', 'tasks', 'pre_tasks',
  'post_tasks', 'handlers', 'strategy', 'serial', 'max_fail_percentage', 'any_errors_fatal', 'ignore_errors',
  'ignore_unreachable', 'order', 'remote_user', 'connection', 'port', 'environment', 'tags', 'collections',
  'module_defaults', 'force_handlers', 'check_mode', 'diff', 'no_log', 'run_once', 'throttle', 'timeout', 'debugger',
  'import_playbook', 'ansible.builtin.import_playbook', 'when',
]);

/**
 * Keys only a play has. A root list whose maps have `hosts` and one of these is a playbook even
 * with a mistyped keyword; `hosts` alone (an Ingress rule, a CI matrix) is not enough.
 */
const PLAY_ONLY_KEYWORDS = new Set([
  'tasks', 'pre_tasks', 'post_tasks', 'handlers', 'roles', 'gather_facts', 'vars_files', 'vars_prompt', 'serial',
  'strategy', 'become', 'remote_user', 'max_fail_percentage', 'force_handlers', 'gather_subset',
]);

/** Modules commonly written without a collection prefix (and with ansible.builtin.). */
export const COMMON_MODULES = new Set([
  'apt', 'apt_key', 'apt_repository', 'yum', 'yum_repository', 'dnf', 'package', 'pip', 'service', 'systemd',
  'systemd_service', 'command', 'shell', 'raw', 'script', 'copy', 'template', 'file', 'lineinfile', 'blockinfile',
  'replace', 'fetch', 'get_url', 'uri', 'unarchive', 'git', 'user', 'group', 'cron', 'debug', 'assert', 'fail',
  'set_fact', 'include_tasks', 'import_tasks', 'include_role', 'import_role', 'include_vars', 'setup', 'ping',
  'wait_for', 'wait_for_connection', 'stat', 'find', 'mount', 'sysctl', 'hostname', 'reboot', 'pause', 'meta',
  'add_host', 'group_by', 'authorized_key', 'known_hosts', 'seboolean', 'selinux', 'firewalld', 'ufw', 'iptables',
  'docker_container', 'docker_image', 'k8s', 'helm', 'synchronize', 'archive', 'slurp', 'tempfile', 'apk',
  'package_facts', 'service_facts', 'modprobe', 'timezone', 'openssl_certificate', 'postgresql_db', 'mysql_db',
  'community.general.ufw', 'async_status', 'getent', 'debconf', 'expect', 'validate_argument_spec', 'include',
  'dpkg_selections', 'rpm_key', 'subversion', 'patch', 'tempfile', 'postgresql_user', 'mysql_user', 'npm', 'gem',
  'htpasswd', 'locale_gen', 'capabilities', 'acl', 'kubernetes.core.k8s',
]);

const FQCN = /^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$/;

export function isModuleName(key: string): boolean {
  if (TASK_KEYWORDS.has(key)) return false;
  if (COMMON_MODULES.has(key)) return true;
  return FQCN.test(key);
}

/** Short module name: `ansible.builtin.shell` -> `shell`, `kubernetes.core.k8s` -> `k8s`. */
export function shortModuleName(key: string): string {
  return FQCN.test(key) ? key.slice(key.lastIndexOf('.') + 1) : key;
}

/**
 * The module pair of a task (the key that is not a task keyword), if any. `loose` also accepts
 * a module name we do not know (a collection module written short: `mysql_user:`), for maps
 * already known to be tasks.
 */
export function taskModule(task: unknown, loose = false): Pair<Scalar, Node | null> | undefined {
  let unknown: Pair<Scalar, Node | null> | undefined;
  for (const [key, pair] of entries(task)) {
    if (TASK_KEYWORDS.has(key) || key.startsWith('with_')) continue;
    if (isModuleName(key)) return pair;
    if (loose && !unknown && /^[a-z_][a-z0-9_.]*$/.test(key)) unknown = pair;
  }
  return unknown;
}

/** Whether a map reads as an Ansible task (a module key, or a block). */
export function looksLikeTask(node: unknown, loose = false): boolean {
  if (!isMap(node)) return false;
  const keys = entries(node).map(([k]) => k);
  if (keys.includes('block') || keys.includes('action') || keys.includes('local_action')) return true;
  if (keys.includes('hosts')) return false;
  const known = keys.some((k) => isModuleName(k));
  const others = keys.filter((k) => !TASK_KEYWORDS.has(k) && !k.startsWith('with_') && !isModuleName(k) && /^[a-z_][a-z0-9_]*$/.test(k));
  if (known) return others.length === 0;
  // In a role's tasks/ folder a task may use a collection module by its short name; exactly one
  // unknown key plus task keywords (and at least one of them) still reads as a task.
  return loose && others.length === 1 && keys.length > 1 && keys.some((k) => TASK_KEYWORDS.has(k));
}

/** Whether a map is a play: `hosts` with play keywords, or `import_playbook`. */
export function looksLikePlay(node: unknown): boolean {
  if (!isMap(node)) return false;
  const keys = entries(node).map(([k]) => k);
  if (keys.includes('import_playbook') || keys.includes('ansible.builtin.import_playbook')) return true;
  if (!keys.includes('hosts')) return false;
  return keys.some((k) => PLAY_ONLY_KEYWORDS.has(k)) || keys.every((k) => PLAY_KEYWORDS.has(k));
}

/** Tasks of a task list, recursing into block/rescue/always. */
export function flattenTasks(list: unknown, out: Node[] = [], depth = 0): Node[] {
  if (depth > 20) return out;
  for (const item of seqItems(list)) {
    if (!isMap(item)) continue;
    out.push(item);
    for (const section of ['block', 'rescue', 'always']) {
      const nested = getNode(item, section);
      if (isSeq(nested)) flattenTasks(nested, out, depth + 1);
    }
  }
  return out;
}

/** Task lists of a play. */
export const PLAY_TASK_SECTIONS = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'] as const;

export function isBlock(task: unknown): boolean {
  return isMap(task) && getNode(task, 'block') !== undefined;
}

/** `include_tasks`, `import_tasks`, `include_role`, `import_role` (short or FQCN) of a task. */
export function includeKind(task: unknown): 'tasks' | 'role' | undefined {
  const m = taskModule(task);
  if (!m) return undefined;
  const short = shortModuleName(String(m.key.value));
  if (short === 'include_tasks' || short === 'import_tasks' || short === 'include') return 'tasks';
  if (short === 'include_role' || short === 'import_role') return 'role';
  return undefined;
}

/** Scalar strings of a value that is a string or a list of strings (`notify`, `listen`). */
export function stringList(node: unknown): { value: string; node: Scalar }[] {
  if (isScalar(node)) {
    const v = scalarString(node);
    return v === undefined ? [] : [{ value: v, node }];
  }
  const out: { value: string; node: Scalar }[] = [];
  for (const item of seqItems(node)) {
    const v = scalarString(item);
    if (v !== undefined && isScalar(item)) out.push({ value: v, node: item });
  }
  return out;
}

/** Role names of a play's `roles:` (`- nginx`, `- role: nginx`, `- { name: nginx }`). */
export function playRoles(play: unknown): { name: string; node: Node }[] {
  const out: { name: string; node: Node }[] = [];
  for (const item of seqItems(getNode(play, 'roles'))) {
    if (isScalar(item)) {
      const v = scalarString(item);
      if (v !== undefined) out.push({ name: v, node: item });
    } else if (isMap(item)) {
      const n = getNode(item, 'role') ?? getNode(item, 'name');
      const v = scalarString(n);
      if (v !== undefined && n) out.push({ name: v, node: n });
    }
  }
  return out;
}

/** The role name of an include_role/import_role task (`name:` of its arguments). */
export function includedRoleName(task: unknown): string | undefined {
  const m = taskModule(task);
  if (!m) return undefined;
  if (isMap(m.value)) return scalarString(getNode(m.value, 'name'));
  // Free form: `include_role: name=nginx`.
  const v = scalarString(m.value);
  const hit = v ? /(?:^|\s)name=(\S+)/.exec(v) : null;
  return hit ? hit[1] : undefined;
}

export interface HandlerSet {
  /** Handler names and `listen` topics. */
  names: Set<string>;
  /** False when a handler list includes other files or templates its names: the set is not known. */
  complete: boolean;
}

/** Handler names and listen topics of a handlers list (a handlers file or a play's `handlers:`). */
export function handlerSet(list: unknown, text?: string): HandlerSet {
  const names = new Set<string>();
  let complete = true;
  for (const h of flattenTasks(list)) {
    if (includeKind(h)) complete = false;
    const name = getNode(h, 'name');
    const value = scalarString(name);
    if (value !== undefined) {
      if (text !== undefined && isTemplatedNode(name, text)) complete = false;
      names.add(value);
    }
    for (const topic of stringList(getNode(h, 'listen'))) {
      if (text !== undefined && isTemplatedNode(topic.node, text)) complete = false;
      names.add(topic.value);
    }
  }
  return { names, complete };
}

/** Whether the original text of a node holds Jinja2 (`{{ }}` or `{% %}`). */
export function isTemplatedNode(node: unknown, text: string): boolean {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (!r) return false;
  const s = text.slice(r[0], r[1]);
  return s.includes('{{') || s.includes('{%');
}
