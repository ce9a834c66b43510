// What it does: flags a `notify` naming a handler that neither the play (its `handlers:` and
//   the handlers/main.yml of its roles and their dependencies) nor a `listen` topic defines.
//   In a role's task file (of a role that has handlers/main.yml) the role's own handlers count,
//   and a handler of another role or playbook of the workspace is accepted.
// Why: the notes (slurm-notes.md:224-225): handlers are the tasks at the end, usually a service
//   restart, run when a task notifies them. A misspelt name stops the run with "The requested
//   handler … was not found", or, worse, the service silently keeps the old configuration.
// Example: `notify: restart ngnix` with a handler `Restart nginx` -> `notify: Restart nginx`.
// Fix safety: suggestion; offered when one handler name is one or two letters away.
// Not reported when the handlers cannot be known: a role that is not found, templated names,
//   handler files that include others, a task file outside a role or in a role without handlers.
import * as path from 'path';
import { defineRule } from '../types';
import { isTemplatedNode, stringList } from '../../documents/ansible';
import { getNode, nodeRange } from '../../documents/yaml';
import { targetsOf, TaskTarget } from '../targets';
import { addRole, definedElsewhere, Files, HandlerScope, playScope, roleOfFile } from './_handlers';
import { closest } from './_names';

const EN_PLAY = 'in this play and its roles';
const RU_PLAY = 'ни в плее, ни в его ролях';
const EN_ROLE = "in this role's handlers, its dependencies, other roles or playbooks";
const RU_ROLE = 'ни в хендлерах этой роли и её зависимостей, ни в других ролях и плейбуках';

export default defineRule({
  id: 'ansible-notify-unknown-handler',
  family: 'ansible',
  severity: 'error',
  key: 'ansible.task.notify',
  docs: 'https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_handlers.html#notifying-handlers',
  fixSafety: 'suggestion',
  crossDocument: true,
  description: {
    en: 'notify names a handler that is not defined',
    ru: 'notify ссылается на несуществующий хендлер',
  },
  messages: {
    unknown: {
      en: (a: { name: string; role: boolean }) => `No handler or listen topic "${a.name}" ${a.role ? EN_ROLE : EN_PLAY}: Ansible stops with "The requested handler '${a.name}' was not found".`,
      ru: (a: { name: string; role: boolean }) => `Хендлера или listen-топика «${a.name}» нет ${a.role ? RU_ROLE : RU_PLAY}: Ansible остановится с ошибкой «The requested handler '${a.name}' was not found».`,
    },
    near: {
      en: (a: { name: string; role: boolean; near: string }) =>
        `No handler or listen topic "${a.name}" ${a.role ? EN_ROLE : EN_PLAY}; did you mean "${a.near}"? Ansible stops with "The requested handler '${a.name}' was not found".`,
      ru: (a: { name: string; role: boolean; near: string }) =>
        `Хендлера или listen-топика «${a.name}» нет ${a.role ? RU_ROLE : RU_PLAY} — возможно, имелся в виду «${a.near}»? Ansible остановится с ошибкой «The requested handler '${a.name}' was not found».`,
    },
  },
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'],
  visit: {
    document(doc, ctx) {
      const notifying = targetsOf(doc).tasks.filter((t) => getNode(t.node, 'notify') !== undefined);
      if (!notifying.length) return;
      const files = new Files(ctx);
      const scopes = new Map<unknown, HandlerScope | undefined>();
      const roleDir = roleOfFile(doc.path);
      const scopeOf = (t: TaskTarget): HandlerScope | undefined => {
        const id = t.play ?? 'file';
        if (!scopes.has(id)) {
          if (t.play) scopes.set(id, playScope(t.play, doc, files));
          else if (roleDir && files.first(path.join(roleDir, 'handlers'), ['main.yml', 'main.yaml'])) {
            const scope: HandlerScope = { names: new Set(), complete: true };
            addRole(scope, path.resolve(roleDir), files);
            scopes.set(id, scope);
          } else {
            // A task file outside a role, or a role without handlers of its own: it relies on
            // the handlers of whatever play uses it.
            scopes.set(id, undefined);
          }
        }
        return scopes.get(id);
      };
      for (const t of notifying) {
        const scope = scopeOf(t);
        if (!scope || !scope.complete) continue;
        for (const n of stringList(getNode(t.node, 'notify'))) {
          if (scope.names.has(n.value) || isTemplatedNode(n.node, doc.text)) continue;
          if (!t.play && roleDir && definedElsewhere(n.value, path.resolve(roleDir), files, ctx)) continue;
          const r = nodeRange(n.node)!;
          const quoted = n.node.type === 'QUOTE_DOUBLE' || n.node.type === 'QUOTE_SINGLE' ? 1 : 0;
          const [start, end] = [r[0] + quoted, r[1] - quoted];
          const near = closest(n.value, [...scope.names].filter((x) => !x.includes(' : ')));
          if (!near) {
            ctx.report({ messageId: 'unknown', args: { name: n.value, role: !t.play }, start, end });
            continue;
          }
          ctx.report({
            messageId: 'near',
            args: { name: n.value, role: !t.play, near },
            start,
            end,
            fix: () => ({
              title: { en: `Change to "${near}"`, ru: `Заменить на «${near}»` },
              edits: [{ range: ctx.doc.rangeOf(start, end), newText: quoted || !/[:#]|^\W/.test(near) ? near : JSON.stringify(near) }],
            }),
          });
        }
      }
    },
  },
});
