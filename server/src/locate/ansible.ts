// Ansible locators: playbooks, task and handler files, vars files (group_vars, host_vars, role
// defaults, Kubespray variables), ansible.cfg and INI inventories. Cursor -> logical path ->
// keys, most specific first (value -> keyword/module -> parent concept). Only positions the
// notes speak about get keys (slurm-notes.md:153-229, 476-497, 717): a task's `tags` or a
// play's `order` has no note, so no hover.
import { Node } from 'yaml';
import { OpsDocument } from '../documents/document';
import { PLAY_TASK_SECTIONS, shortModuleName, TASK_KEYWORDS } from '../documents/ansible';
import { InventoryModel, isInventory, parseInventory } from '../documents/ini';
import { isMap, isScalar, PathStep, pathAt, scalarString, YamlPosition } from '../documents/yaml';
import { Located } from './types';

const PLAYBOOK = 'ansible.playbook';
const TASK = 'ansible.task';
const HANDLERS = 'ansible.handlers';
const VARS = 'ansible.variables';
const JINJA = 'ansible.jinja2';

// Play keywords the notes speak about, with the concepts behind them.
const PLAY_KEYS: Record<string, string[]> = {
  hosts: ['ansible.play.hosts', 'ansible.group'],
  become: ['ansible.play.become', 'ansible.cli.--become'],
  remote_user: ['ansible.play.remote_user', 'ansible.cli.-u'],
  gather_facts: ['ansible.play.gather_facts', 'ansible.module.setup'],
  strategy: ['ansible.play.strategy'],
  serial: ['ansible.play.serial'],
  roles: ['ansible.play.roles', 'ansible.role'],
  handlers: [HANDLERS],
  tasks: [TASK],
  vars: [VARS],
  force_handlers: ['ansible.cli.--force-handlers'],
  diff: ['ansible.cli.--diff'],
  import_playbook: [PLAYBOOK],
  connection: ['ansible.ssh'],
};
const PLAY_ALIASES: Record<string, string> = {
  become_user: 'become', become_method: 'become', become_flags: 'become', become_exe: 'become',
  gather_subset: 'gather_facts', gather_timeout: 'gather_facts', fact_path: 'gather_facts',
  pre_tasks: 'tasks', post_tasks: 'tasks', vars_files: 'vars', vars_prompt: 'vars',
  'ansible.builtin.import_playbook': 'import_playbook', port: 'connection',
};

// Task keywords the notes speak about.
const TASK_KEYS: Record<string, string[]> = {
  notify: ['ansible.task.notify', HANDLERS],
  listen: ['ansible.task.listen', HANDLERS],
  become: ['ansible.task.become', 'ansible.cli.--become'],
  when: ['ansible.task.when', JINJA],
  loop: ['ansible.task.loop'],
  register: ['ansible.task.register', VARS],
  changed_when: ['ansible.task.changed_when', 'ansible.idempotency'],
  creates: ['ansible.task.creates', 'ansible.idempotency'],
  removes: ['ansible.task.removes', 'ansible.idempotency'],
  vars: [VARS],
  diff: ['ansible.cli.--diff'],
  remote_user: ['ansible.play.remote_user', 'ansible.cli.-u'],
};
const TASK_ALIASES: Record<string, string> = {
  become_user: 'become', become_method: 'become', become_flags: 'become', become_exe: 'become', loop_control: 'loop',
};

// Modules and the concepts behind them (service restarts are what handlers usually do, line 225).
const MODULE_EXTRA: Record<string, string[]> = {
  systemd_service: ['ansible.module.systemd'],
  include_role: ['ansible.role'],
  import_role: ['ansible.role'],
  include_vars: [VARS],
  set_fact: [VARS],
  template: [JINJA],
  k8s: [JINJA],
};

// Inventory (behavioral) variables, written in inventories, group_vars and host_vars.
const INVENTORY_VARS: Record<string, string[]> = {
  ansible_user: ['ansible.inventory.ansible_user'],
  ansible_ssh_user: ['ansible.inventory.ansible_user'],
  ansible_host: ['ansible.inventory.ansible_host'],
  ansible_ssh_host: ['ansible.inventory.ansible_host'],
  ansible_become: ['ansible.inventory.ansible_become'],
  ansible_become_user: ['ansible.inventory.ansible_become'],
  ansible_become_method: ['ansible.inventory.ansible_become'],
  ansible_become_password: ['ansible.inventory.ansible_become'],
  ansible_password: ['ansible.inventory.ansible_password'],
  ansible_ssh_pass: ['ansible.inventory.ansible_password'],
  ansible_python_interpreter: ['ansible.inventory.ansible_python_interpreter'],
  ansible_port: ['ansible.ssh'],
  ansible_connection: ['ansible.ssh'],
  ansible_ssh_private_key_file: ['ansible.ssh'],
  ansible_private_key_file: ['ansible.ssh'],
  ansible_ssh_common_args: ['ansible.ssh'],
};

// Kubespray variables the notes name (lines 483, 494-496), and groups of its inventory.
const KUBESPRAY_VARS = new Set(['download_run_once', 'etcd_memory_limit', 'kube_proxy_mode', 'auto_renew_certificates']);
const KUBESPRAY_GROUPS = new Set(['kube_control_plane', 'kube-master', 'kube_node', 'kube-node', 'k8s_cluster', 'k8s-cluster', 'calico_rr']);
const KUBESPRAY_PATH = /(?:^|[\\/])(?:k8s[_-]cluster|kubespray)(?:[\\/.]|$)/;

// ansible.cfg settings the notes speak about (through their command-line twins).
const CFG_KEYS: Record<string, string[]> = {
  'defaults.strategy': ['ansible.cfg.defaults.strategy'],
  'defaults.strategy_plugins': ['ansible.cfg.defaults.strategy_plugins'],
  'defaults.inventory': ['ansible.cli.--inventory', 'ansible.inventory'],
  'defaults.remote_user': ['ansible.play.remote_user', 'ansible.cli.-u'],
  'defaults.ask_pass': ['ansible.cli.--ask-pass'],
  'defaults.roles_path': ['ansible.role'],
  'defaults.gathering': ['ansible.play.gather_facts'],
  'defaults.interpreter_python': ['ansible.python'],
  'defaults.host_key_checking': ['ansible.ssh'],
  'defaults.force_handlers': ['ansible.cli.--force-handlers'],
  'privilege_escalation.become': ['ansible.cli.--become'],
  'privilege_escalation.become_user': ['ansible.cli.--become'],
  'privilege_escalation.become_method': ['ansible.cli.--become'],
};
const CFG_SECTIONS: Record<string, string[]> = {
  defaults: ['ansible.cfg.defaults', 'ansible.cfg'],
  privilege_escalation: ['ansible.cli.--become'],
  ssh_connection: ['ansible.ssh'],
};

function located(keys: string[] | undefined, start: number, end: number): Located | undefined {
  return keys && keys.length ? { keys: [...new Set(keys)], start, end } : undefined;
}

// --- YAML: playbooks, task lists, vars files -----------------------------------------------

export function locateAnsible(doc: OpsDocument, offset: number): Located | undefined {
  const at = doc.yamlDocumentAt(offset);
  if (!at) return undefined;
  const jinja = jinjaAt(doc.text, offset);
  if (jinja) return located([JINJA, VARS], jinja[0], jinja[1]);
  const pos = pathAt(at.document.doc.contents, offset);
  if (!pos || pos.tokenStart < 0) return undefined;
  const path = pos.path;
  let keys: string[] | undefined;
  if (at.kind === 'ansible-playbook') keys = inPlay(path.slice(1), pos, doc);
  else if (at.kind === 'ansible-tasks' || at.kind === 'ansible-handlers') keys = inTask(path.slice(1), pos, at.kind === 'ansible-handlers', doc);
  else if (at.kind === 'ansible-vars') keys = inVars(path, pos, doc.path);
  const free = freeFormToken(doc, offset, pos, keys);
  return free ?? located(keys, pos.tokenStart, pos.tokenEnd);
}

/** `{{ … }}` or `{% … %}` around the offset on its line, as [start, end). */
function jinjaAt(text: string, offset: number): [number, number] | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset + 1);
  const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
  if (open < 0) return undefined;
  const start = lineStart + open;
  const closeToken = text[start + 1] === '{' ? '}}' : '%}';
  const close = text.indexOf(closeToken, start + 2);
  if (close < 0 || close > lineEnd || close + 2 < offset) return undefined;
  return [start, close + 2];
}

function playKeys(keyword: string): string[] | undefined {
  const base = PLAY_KEYS[PLAY_ALIASES[keyword] ?? keyword];
  return base ? [`ansible.play.${shortModuleName(keyword)}`, ...base, PLAYBOOK] : undefined;
}

function inPlay(steps: PathStep[], pos: YamlPosition, doc: OpsDocument): string[] | undefined {
  const [first, second] = steps;
  if (!first || typeof first.key !== 'string') return undefined;
  const keyword = first.key;
  if ((PLAY_TASK_SECTIONS as readonly string[]).includes(keyword) && second) {
    return inTask(steps.slice(2), pos, keyword === 'handlers', doc);
  }
  if (keyword === 'roles' && second) return inRoles(steps.slice(2), pos);
  if (keyword === 'vars' && second) return inVars(steps.slice(1), pos, doc.path);
  if (steps.length === 1 && pos.onValue) {
    const value = scalarString(first.node);
    if (keyword === 'hosts') return [...(value === 'all' ? ['ansible.group.all'] : []), ...(playKeys(keyword) ?? [])];
    if (keyword === 'strategy' && value) return [...strategyValueKeys('ansible.play.strategy', value), ...(playKeys(keyword) ?? [])];
  }
  return playKeys(keyword);
}

function inRoles(steps: PathStep[], pos: YamlPosition): string[] | undefined {
  const roleKeys = ['ansible.role', 'ansible.play.roles', PLAYBOOK];
  if (steps.length === 0) return pos.onValue ? roleKeys : undefined;
  const key = steps[0].key;
  if (key === 'role' || key === 'name') return roleKeys;
  if (key === 'vars') return steps.length > 1 ? [VARS] : [VARS, ...roleKeys];
  return taskKeywordKeys(String(key), false);
}

function taskKeywordKeys(keyword: string, handler: boolean): string[] | undefined {
  if (keyword === 'name') return handler ? [HANDLERS] : undefined;
  if (keyword.startsWith('with_')) return [`ansible.task.${keyword}`, 'ansible.task.loop', VARS];
  const base = TASK_KEYS[TASK_ALIASES[keyword] ?? keyword];
  return base ? [`ansible.task.${keyword}`, ...base] : undefined;
}

function moduleKeys(module: string, handler: boolean): string[] {
  const short = shortModuleName(module);
  return [`ansible.module.${short}`, ...(MODULE_EXTRA[short] ?? []), ...(handler ? [HANDLERS] : []), TASK];
}

/** Keys for a position inside a task (steps start at the task's keys). */
function inTask(steps: PathStep[], pos: YamlPosition, handler: boolean, doc: OpsDocument): string[] | undefined {
  const [first, second] = steps;
  if (!first || typeof first.key !== 'string') return undefined;
  const key = first.key;
  if ((key === 'block' || key === 'rescue' || key === 'always') && second) return inTask(steps.slice(2), pos, handler, doc);
  if (key === 'vars' && second) return inVars(steps.slice(1), pos, doc.path);
  if (key === 'args' && second && typeof second.key === 'string') {
    const task = taskOf(pos, first);
    return argKeys(task ? moduleOf(task) : undefined, second.key, steps.length === 2 && pos.onValue ? scalarString(second.node) : undefined, handler);
  }
  if (TASK_KEYWORDS.has(key) || key.startsWith('with_')) return taskKeywordKeys(key, handler);
  if (!/^[a-z_][a-z0-9_.]*$/.test(key)) return undefined;
  // The module: its name, its arguments (`state: restarted`).
  if (second && typeof second.key === 'string') {
    return argKeys(key, second.key, steps.length === 2 && pos.onValue ? scalarString(second.node) : undefined, handler);
  }
  return moduleKeys(key, handler);
}

function argKeys(module: string | undefined, arg: string, value: string | undefined, handler: boolean): string[] | undefined {
  if (arg === 'creates' || arg === 'removes') return TASK_KEYS[arg];
  if (!module) return undefined;
  const short = shortModuleName(module) === 'systemd_service' ? 'systemd' : shortModuleName(module);
  const mod = moduleKeys(short, handler);
  if (arg === 'state') {
    // `state` is the declared state of the system (idempotency, line 159).
    return [...(value ? [`ansible.module.${short}.state=${value}`] : []), `ansible.module.${short}.state`, 'ansible.idempotency', ...mod];
  }
  if ((short === 'include_role' || short === 'import_role') && arg === 'name') return ['ansible.role'];
  return [`ansible.module.${short}.${arg}`, ...mod];
}

function taskOf(pos: YamlPosition, step: PathStep): Node | undefined {
  const i = pos.path.indexOf(step);
  return i > 0 ? (pos.path[i - 1].node ?? undefined) : undefined;
}

function moduleOf(task: Node): string | undefined {
  if (!isMap(task)) return undefined;
  for (const item of task.items) {
    const k = scalarString(item.key);
    if (k && !TASK_KEYWORDS.has(k) && !k.startsWith('with_')) return k;
  }
  return undefined;
}

/**
 * A free-form module argument under the cursor (`service: name=nginx state=restarted`): the
 * hover range is that word, and `state=restarted` resolves like the mapping form.
 */
function freeFormToken(doc: OpsDocument, offset: number, pos: YamlPosition, keys: string[] | undefined): Located | undefined {
  if (!keys || !pos.onValue || !keys[0]?.startsWith('ansible.module.') || keys[0].split('.').length !== 3) return undefined;
  const last = pos.path[pos.path.length - 1];
  if (!isScalar(last.node) || typeof last.node.value !== 'string') return undefined;
  const text = doc.text;
  let s = offset;
  let e = offset;
  while (s > pos.tokenStart && !/\s/.test(text[s - 1])) s--;
  while (e < pos.tokenEnd && !/\s/.test(text[e])) e++;
  const word = text.slice(s, e).replace(/^["']|["']$/g, '');
  const eq = word.indexOf('=');
  if (eq <= 0) return s === pos.tokenStart && e === pos.tokenEnd ? undefined : { keys, start: s, end: e };
  const module = keys[0].slice('ansible.module.'.length);
  const handler = keys.includes(HANDLERS);
  const arg = argKeys(module, word.slice(0, eq), word.slice(eq + 1), handler);
  return arg ? { keys: [...new Set(arg)], start: s, end: e } : undefined;
}

function inVars(steps: PathStep[], pos: YamlPosition, filePath: string): string[] | undefined {
  const first = steps[0];
  if (!first || typeof first.key !== 'string') return undefined;
  return varKeys(first.key, KUBESPRAY_PATH.test(filePath));
}

function varKeys(name: string, kubespray: boolean): string[] {
  const keys: string[] = [];
  // Only the variable's own keys: their `see` notes (SSH, -u, --become) must not be pushed out.
  if (INVENTORY_VARS[name]) return [`ansible.inventory.${name}`, ...INVENTORY_VARS[name]];
  if (KUBESPRAY_VARS.has(name) || kubespray) keys.push(`kubespray.${name}`, 'kubespray');
  keys.push(VARS);
  return keys;
}

function strategyValueKeys(prefix: string, value: string): string[] {
  const short = value.startsWith('ansible.builtin.') ? value.slice('ansible.builtin.'.length) : value;
  return [`${prefix}=${short}`, ...(/mitogen/.test(short) ? ['ansible.mitogen'] : [])];
}

// --- ansible.cfg ------------------------------------------------------------------------------

export function locateAnsibleCfg(doc: OpsDocument, offset: number): Located | undefined {
  for (const section of doc.ini.sections) {
    if (section.name && offset >= section.nameStart && offset <= section.nameEnd) {
      return located([`ansible.cfg.${section.name}`, ...(CFG_SECTIONS[section.name] ?? [])], section.nameStart, section.nameEnd);
    }
    for (const e of section.entries) {
      const id = `${section.name}.${e.key}`;
      // `strategy` in a wrong section is still the strategy setting (ansible-cfg-setting-outside-defaults).
      const base =
        CFG_KEYS[id] ??
        (e.key === 'strategy' || e.key === 'strategy_plugins' ? CFG_KEYS[`defaults.${e.key}`] : undefined) ??
        (section.name === 'ssh_connection' ? ['ansible.ssh'] : undefined);
      const keys = base ? [`ansible.cfg.${id}`, ...base] : undefined;
      if (offset >= e.keyStart && offset <= e.keyEnd) return located(keys, e.keyStart, e.keyEnd);
      if (offset >= e.valueStart && offset <= e.valueEnd && e.value) {
        const first = e.value.split('\n')[0];
        const end = e.valueStart + first.length;
        if (!keys || offset > end) return undefined;
        if (e.key === 'strategy') return located([...strategyValueKeys('ansible.cfg.defaults.strategy', first), ...keys], e.valueStart, end);
        if (e.key === 'strategy_plugins' && /mitogen/.test(first)) return located(['ansible.mitogen', ...keys], e.valueStart, end);
        return located(keys, e.valueStart, end);
      }
    }
  }
  return undefined;
}

// --- INI inventories ---------------------------------------------------------------------------

const inventories = new WeakMap<OpsDocument, InventoryModel | null>();

function inventoryOf(doc: OpsDocument): InventoryModel | undefined {
  let model = inventories.get(doc);
  if (model === undefined) {
    const parsed = parseInventory(doc.lines);
    model = isInventory(parsed) ? parsed : null;
    inventories.set(doc, model);
  }
  return model ?? undefined;
}

export function locateInventory(doc: OpsDocument, offset: number): Located | undefined {
  const model = inventoryOf(doc);
  if (!model) return undefined;
  const kubespray = model.sections.some((s) => KUBESPRAY_GROUPS.has(s.group));
  const groupKeys = (group: string) => [
    ...(group === 'all' ? ['ansible.group.all'] : []),
    ...(kubespray && group === 'etcd' ? ['kubespray.group.etcd'] : []),
    ...(kubespray && (KUBESPRAY_GROUPS.has(group) || group === 'etcd') ? ['kubespray'] : []),
    'ansible.group',
    'ansible.inventory',
  ];
  const within = (s: number, e: number) => offset >= s && offset <= e;
  for (const section of model.sections) {
    const h = section.header;
    if (h && within(h.groupStart, h.groupEnd)) return located(groupKeys(section.group), h.groupStart, h.groupEnd);
    if (h && section.suffix && within(h.suffixStart, h.suffixEnd)) {
      return located(section.suffix === 'vars' ? [VARS, 'ansible.group'] : ['ansible.group', 'ansible.inventory'], h.suffixStart, h.suffixEnd);
    }
    for (const entry of section.entries) {
      if (within(entry.name.start, entry.name.end)) {
        if (section.suffix === 'children') return located(groupKeys(entry.name.text), entry.name.start, entry.name.end);
        if (section.suffix === 'vars') return located(varKeys(entry.name.text, kubespray), entry.name.start, entry.name.end);
        return located(['ansible.inventory'], entry.name.start, entry.name.end);
      }
      for (const v of entry.vars) {
        if (section.suffix === 'vars' && within(v.valueStart, v.valueEnd)) return located(varKeys(v.key, kubespray), v.valueStart, v.valueEnd);
        if (section.suffix !== 'vars' && within(v.keyStart, v.valueEnd)) return located(varKeys(v.key, kubespray), v.keyStart, v.valueEnd);
      }
    }
  }
  return undefined;
}
