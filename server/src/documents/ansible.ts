// Ansible document helpers: which map is a task, which key is its module, plays and their
// task lists. Keyword lists follow the Ansible "Playbook Keywords" reference.
import { Node, Pair, Scalar } from 'yaml';
import { entries, getNode, isMap, isSeq, seqItems } from './yaml';

/** Task keywords (not modules). */
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
  'community.general.ufw', 'async_status', 'getent', 'debconf', 'expect', 'validate_argument_spec',
]);

const FQCN = /^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$/;

export function isModuleName(key: string): boolean {
  if (TASK_KEYWORDS.has(key)) return false;
  if (COMMON_MODULES.has(key)) return true;
  return FQCN.test(key);
}

/** Short module name: `ansible.builtin.shell` -> `shell`. */
export function shortModuleName(key: string): string {
  return key.startsWith('ansible.builtin.') || key.startsWith('ansible.legacy.') ? key.slice(key.lastIndexOf('.') + 1) : key;
}

/** The module pair of a task (the one key that is not a task keyword), if any. */
export function taskModule(task: unknown): Pair<Scalar, Node | null> | undefined {
  for (const [key, pair] of entries(task)) {
    if (!TASK_KEYWORDS.has(key) && isModuleName(key)) return pair;
  }
  // `local_action: module args` / `action: module args` carry the module in their value.
  return undefined;
}

/** Whether a map reads as an Ansible task (a module key, or a block). */
export function looksLikeTask(node: unknown): boolean {
  if (!isMap(node)) return false;
  const keys = entries(node).map(([k]) => k);
  if (keys.includes('block') || keys.includes('action') || keys.includes('local_action')) return true;
  if (keys.includes('hosts')) return false;
  return keys.some((k) => isModuleName(k)) && keys.every((k) => TASK_KEYWORDS.has(k) || isModuleName(k) || !/^[a-z_][a-z0-9_]*$/.test(k) || k.startsWith('with_'));
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
