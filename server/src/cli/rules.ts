// `opsnotes rules`: every rule of the registry with its severity (as .opsnotes.yaml sets it),
// fix, note key and documentation. `--format markdown` is the README's rules table.
import { mergeSeverities } from '../config/config';
import { Language, pick, resolveLanguage } from '../i18n/language';
import { t } from '../i18n/ui';
import { FixSafety, Rule } from '../rules/types';
import { COMMON_OPTIONS, oneOf, parseCommand, usage } from './args';
import { CLI } from './messages';
import { environmentLocale, projectConfigFor } from './sessions';
import { RULES } from '../rules/registry';
import type { Io } from './lint';

const OPTIONS = { ...COMMON_OPTIONS, format: { type: 'string', short: 'f' } } as const;

function fixLabel(s: FixSafety, lang: Language): string {
  return t(s === 'safe' ? CLI.fixSafe : s === 'suggestion' ? CLI.fixSuggestion : CLI.fixNone, lang);
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function rulesMarkdown(rules: readonly Rule[], lang: Language): string {
  const head = [t(CLI.colRule, lang), t(CLI.colSeverity, lang), t(CLI.colFix, lang), t(CLI.colKey, lang), t(CLI.colChecks, lang)];
  const out = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rules) {
    out.push(`| [\`${r.id}\`](${r.docs}) | ${r.severity} | ${fixLabel(r.fixSafety, lang)} | \`${r.key}\` | ${escapeCell(pick(r.description, lang))} |`);
  }
  return out.join('\n') + '\n';
}

export async function rulesCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, OPTIONS);
  if (positionals.length) throw usage('rules takes no arguments', 'rules не принимает аргументов');
  const language = oneOf<Language>(values.language, ['ru', 'en'], '--language');
  const format = oneOf<'text' | 'markdown' | 'json'>(values.format, ['text', 'markdown', 'json'], '--format') ?? 'text';
  // No knowledge base needed here: only the project config (severities, language).
  const project = projectConfigFor(io.cwd, values.config, []);
  const lang = resolveLanguage(language ?? project?.language, environmentLocale());
  const rules = RULES;
  const configured = mergeSeverities(project, undefined);
  if (format === 'markdown') {
    io.stdout(rulesMarkdown(rules, lang));
    return 0;
  }
  if (format === 'json') {
    const list = rules.map((r) => ({
      id: r.id,
      family: r.family,
      severity: r.severity,
      ...(configured[r.id] ? { configured: configured[r.id] } : {}),
      fixSafety: r.fixSafety,
      key: r.key,
      docs: r.docs,
      description: r.description,
      kinds: r.kinds,
      ...(r.today ? { today: r.today } : {}),
    }));
    io.stdout(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  const rows = rules.map((r) => {
    const c = configured[r.id];
    const severity = c && c !== r.severity ? `${r.severity} → ${c}` : r.severity;
    return [r.id, severity, fixLabel(r.fixSafety, lang), r.key, r.docs];
  });
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), 0));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    io.stdout(`${row.slice(0, 4).map((c, j) => c.padEnd(widths[j])).join('  ')}  ${row[4]}\n    ${pick(rules[i].description, lang)}\n`);
  }
  return 0;
}
