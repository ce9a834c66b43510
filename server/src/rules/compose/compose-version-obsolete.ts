// What it does: flags the top-level `version:` of a Compose file.
// Why: the notes (slurm-notes.md:88) tie features to file versions ("in version 3 healthchecks
//   and dependencies were removed"). The Compose Specification has no file versions: Compose v2
//   ignores the key and warns "the attribute `version` is obsolete, it will be ignored"
//   (compose-spec 04-version-and-name.md). The "today" remark compose-version says so.
// Example: `version: "3.8"` -> (line removed).
// Fix safety: safe. Compose v2 ignores the value; only the retired Python docker-compose v1
//   read it. The fix removes the line and a blank line left doubled at the top.
import { getPair, nodeRange } from '../../documents/yaml';
import { defineRule } from '../types';

export default defineRule({
  id: 'compose-version-obsolete',
  family: 'compose',
  severity: 'warning',
  key: 'compose.version',
  docs: 'https://docs.docker.com/reference/compose-file/version-and-name/',
  fixSafety: 'safe',
  today: 'compose-version',
  description: {
    en: 'Top-level `version` is obsolete: Compose ignores it',
    ru: '`version` верхнего уровня устарел: Compose его игнорирует',
  },
  messages: {
    obsolete: {
      en: 'The top-level `version` is obsolete: the Compose Specification has no file versions, and Compose v2 ignores the key with the warning "the attribute `version` is obsolete". Remove it.',
      ru: 'Ключ `version` верхнего уровня устарел: в Compose Specification нет версий файла, а Compose v2 игнорирует этот ключ и предупреждает: «the attribute `version` is obsolete». Удалите его.',
    },
  },
  kinds: ['compose'],
  visit: {
    composeFile(root, ctx) {
      const pair = getPair(root, 'version');
      const key = nodeRange(pair?.key);
      if (!pair || !key) return;
      const value = nodeRange(pair.value);
      const end = value ? value[1] : key[1];
      ctx.report({
        messageId: 'obsolete',
        start: key[0],
        end,
        tags: ['unnecessary'],
        fix: () => {
          const { lines, text } = ctx.doc;
          const first = lines.positionAt(key[0]).line;
          const last = lines.positionAt(end).line;
          // Only when the key has its lines to itself (not `{version: "3", services: …}`).
          const before = text.slice(lines.lineStart(first), key[0]);
          const after = text.slice(end, lines.lineEnd(last));
          if (before.trim() !== '' || !/^\s*(?:#.*)?$/.test(after)) return undefined;
          let from = lines.lineStart(first);
          let to = lines.lineStart(last + 1);
          if (last + 1 >= lines.lineCount) {
            // Last line without a line break: take the break before it instead.
            from = first > 0 ? lines.lineEnd(first - 1) : 0;
            to = text.length;
          } else {
            const next = lines.lineText(last + 1);
            const prevBlank = first === 0 || lines.lineText(first - 1).trim() === '';
            if (next.trim() === '' && prevBlank && last + 2 < lines.lineCount) to = lines.lineStart(last + 2);
          }
          return {
            title: { en: 'Remove `version`', ru: 'Удалить `version`' },
            edits: [{ range: ctx.doc.rangeOf(from, to), newText: '' }],
          };
        },
      });
    },
  },
});
