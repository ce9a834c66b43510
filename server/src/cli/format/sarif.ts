// `--format sarif`: SARIF 2.1.0 (OASIS), the subset GitHub code scanning reads: tool.driver with
// every rule (descriptions, help from the notes, helpUri, default level, properties), results
// with ruleId + ruleIndex, level, message, a location relative to %SRCROOT% (--sarif-root or
// the cwd), and fixes for findings that have one. Columns are UTF-16 code units, as in the
// editor (run.columnKind says so); SARIF lines and columns are 1-based, end columns exclusive.
import * as path from 'path';
import { pathToUri } from '../../documents/document';
import { Language, pick } from '../../i18n/language';
import { KnowledgeBase } from '../../knowledge/base';
import { Rule, Severity } from '../../rules/types';
import { Range } from '../../util/text';
import { LintReport } from '../report';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const INFORMATION_URI = 'https://github.com/opsnotes/opsnotes';

export interface SarifOptions {
  rules: readonly Rule[];
  kb: KnowledgeBase;
  language: Language;
  version: string;
  /** Folder the result URIs are relative to (%SRCROOT%). */
  root: string;
  /** Severities configured in .opsnotes.yaml (a rule's level there, `off` leaves it out). */
  severities?: Readonly<Record<string, Severity | 'off'>>;
  executionSuccessful: boolean;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : t + '.';
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** The artifact location of a file: relative to the root with %SRCROOT%, else an absolute URI. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToUri(file) };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function ruleDescriptor(rule: Rule, o: SarifOptions) {
  const block = o.kb.entriesFor([rule.key], 1)[0]?.block;
  const description = sentence(pick(rule.description, o.language));
  const helpText: string[] = [description];
  const helpMarkdown: string[] = [description];
  if (block) {
    const translated = o.language === 'en' && o.kb.hasEnglish(block);
    const text = o.kb.blockText(block, translated ? 'en' : 'ru');
    const heading = o.kb.headingPath(block, o.language).join(' › ');
    const where = `${path.basename(block.source.path)}:${block.startLine + 1}`;
    helpText.push(`${heading} (${where}):\n${text}`);
    helpMarkdown.push(`**${heading}** (${where})\n\n${text.split('\n').map((l) => `> ${l}`).join('\n')}`);
  }
  helpText.push(rule.docs);
  helpMarkdown.push(`[${o.language === 'ru' ? 'Документация' : 'Documentation'}](${rule.docs})`);
  const configured = o.severities?.[rule.id];
  const level = configured === 'off' ? 'none' : LEVEL[configured ?? rule.severity];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: helpText.join('\n\n'), markdown: helpMarkdown.join('\n\n') },
    helpUri: rule.docs,
    defaultConfiguration: { level, enabled: configured !== 'off' },
    properties: {
      tags: ['opsnotes', rule.family],
      key: rule.key,
      family: rule.family,
      fixSafety: rule.fixSafety,
      ...(rule.today ? { today: rule.today } : {}),
    },
  };
}

export function formatSarif(report: LintReport, o: SarifOptions): string {
  const rules = o.rules;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  for (const file of report.files) {
    const location = artifactLocation(file.path, o.root);
    for (const f of file.findings) {
      const fixes = f.fixes.map((x) => ({
        description: { text: sentence(x.title) },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
          },
        ],
      }));
      results.push({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: sentence(f.message) },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
        ...(fixes.length ? { fixes } : {}),
        properties: { key: f.key, messageId: f.messageId, severity: f.severity },
      });
    }
  }
  const notifications = report.problems.map((p) => ({
    level: p.fatal ? 'error' : 'note',
    message: { text: sentence(`${p.display}: ${p.message}`) },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.path, o.root) } }],
  }));
  const rootUri = pathToUri(o.root).replace(/\/?$/, '/');
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'OpsNotes',
            semanticVersion: o.version,
            version: o.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ruleDescriptor(r, o)),
          },
        },
        invocations: [{ executionSuccessful: o.executionSuccessful, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
