// `opsnotes notes search TEXT…`, `notes show KEY`, `notes coverage`: the knowledge base the
// hovers use (bundled notes plus the person's own from .opsnotes.yaml), from a terminal.
import * as path from 'path';
import { Language, pick } from '../i18n/language';
import { FAMILY_LABELS, KIND_LABELS, t, UI } from '../i18n/ui';
import { KnowledgeBase, NoteBlock } from '../knowledge/base';
import { COMMON_OPTIONS, oneOf, parseCommand, usage } from './args';
import { CLI } from './messages';
import { Sessions } from './sessions';
import type { Io } from './lint';

const OPTIONS = { ...COMMON_OPTIONS, format: { type: 'string', short: 'f' }, limit: { type: 'string' } } as const;

function where(b: NoteBlock): string {
  return `${path.basename(b.source.path)}:${b.startLine + 1}`;
}

function firstLine(text: string, max = 100): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const s = line.trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function blockText(kb: KnowledgeBase, b: NoteBlock, language: Language): string {
  return kb.blockText(b, language === 'en' && kb.hasEnglish(b) ? 'en' : 'ru');
}

function blockJson(kb: KnowledgeBase, b: NoteBlock, language: Language) {
  return { file: b.source.path, line: b.startLine + 1, endLine: b.lastLine + 1, headings: kb.headingPath(b, language), keys: b.keys, text: blockText(kb, b, language) };
}

export async function notesCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseCommand(rest, OPTIONS);
  const language = oneOf<Language>(values.language, ['ru', 'en'], '--language');
  const format = oneOf<'text' | 'json'>(values.format, ['text', 'json'], '--format') ?? 'text';
  const session = new Sessions({ cwd: io.cwd, language, configFile: values.config, roots: [io.cwd], log: () => undefined }).forPath(io.cwd, true);
  const lang = session.language;
  const kb = session.kb;
  for (const w of session.knowledgeWarnings) io.stderr(`opsnotes: ${t(CLI.warning, lang)}: ${w}\n`);
  switch (sub) {
    case 'search': {
      const query = positionals.join(' ').trim();
      if (!query) throw usage('notes search: expected the text to search for', 'notes search: укажите, что искать');
      const limit = values.limit === undefined ? 20 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw usage('--limit: expected a positive whole number', '--limit: нужно целое положительное число');
      const hits = kb.search(query, limit);
      if (format === 'json') {
        io.stdout(JSON.stringify(hits.map((h) => (h.block ? { score: h.score, note: blockJson(kb, h.block, lang) } : { score: h.score, key: h.key, title: h.entry?.title[lang], docs: h.entry?.docs })), null, 2) + '\n');
      } else {
        for (const h of hits) {
          if (h.block) io.stdout(`${where(h.block)}  ${kb.headingPath(h.block, lang).join(' › ')}\n    ${firstLine(blockText(kb, h.block, lang))}\n`);
          else if (h.key) io.stdout(`${h.key}  ${h.entry?.title[lang] ?? ''}${h.entry?.docs ? `  ${h.entry.docs}` : ''}\n`);
        }
      }
      if (!hits.length) {
        io.stderr(t(CLI.noHits, lang, { query }) + '\n');
        return 1;
      }
      return 0;
    }
    case 'show':
      if (positionals.length !== 1) throw usage('notes show: expected one KEY (e.g. dockerfile.ADD)', 'notes show: нужен один КЛЮЧ (например, dockerfile.ADD)');
      return show(kb, positionals[0], lang, format, io);
    case 'coverage':
      if (positionals.length) throw usage('notes coverage takes no arguments', 'notes coverage не принимает аргументов');
      return coverage(kb, lang, format, io);
    default:
      throw sub
        ? usage(`notes: unknown subcommand ${JSON.stringify(sub)} (search, show, coverage)`, `notes: неизвестная подкоманда ${JSON.stringify(sub)} (есть search, show, coverage)`)
        : usage('notes: expected search, show or coverage', 'notes: укажите search, show или coverage');
  }
}

function show(kb: KnowledgeBase, key: string, lang: Language, format: string, io: Io): number {
  const entry = kb.entry(key);
  const results = kb.entriesFor([key], 50);
  if (!entry && !results.length) {
    io.stderr(t(CLI.unknownKey, lang, { key }) + '\n');
    const close = [...kb.vocabulary.keys()].filter((k) => k.toLowerCase().includes(key.toLowerCase()) || key.toLowerCase().includes(k.toLowerCase().split('.').pop()!)).slice(0, 8);
    if (close.length) io.stderr(`${t(CLI.didYouMean, lang)}: ${close.join(', ')}\n`);
    return 1;
  }
  const blocks = results.map((r) => r.block);
  const remarks = kb.remarksFor(blocks, [key]);
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          key,
          title: entry?.title[lang],
          kind: entry?.kind,
          aliases: entry?.aliases ?? [],
          docs: entry?.docs,
          notes: blocks.map((b) => blockJson(kb, b, lang)),
          today: remarks.map((r) => ({ id: r.id, text: lang === 'ru' ? r.ru : r.en, source: r.source })),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const out: string[] = [];
  if (entry) {
    const family = FAMILY_LABELS[entry.key.split('.')[0]];
    const kind = KIND_LABELS[entry.kind];
    const label = [family && pick(family, lang), kind && pick(kind, lang)].filter(Boolean).join(' · ');
    out.push(`${entry.title[lang]}  [${key}]${label ? ` — ${label}` : ''}`);
    if (entry.aliases.length) out.push(`${t(CLI.aliases, lang)}: ${entry.aliases.join(', ')}`);
    if (entry.docs) out.push(`${t(UI.documentation, lang)}: ${entry.docs}`);
  } else out.push(`[${key}]`);
  if (!blocks.length) out.push('', t(CLI.keyHasNoNotes, lang));
  for (const b of blocks) out.push('', `── ${kb.headingPath(b, lang).join(' › ')} (${b.source.path}:${b.startLine + 1})`, blockText(kb, b, lang));
  for (const r of remarks) out.push('', `${t(UI.today, lang)}: ${lang === 'ru' ? r.ru : r.en} (${r.source})`);
  io.stdout(out.join('\n') + '\n');
  return 0;
}

function coverage(kb: KnowledgeBase, lang: Language, format: string, io: Io): number {
  const c = kb.coverage();
  const percent = c.totalBlocks ? Math.round((c.keyedBlocks / c.totalBlocks) * 1000) / 10 : 100;
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          totalBlocks: c.totalBlocks,
          keyedBlocks: c.keyedBlocks,
          percent,
          vocabularyKeys: kb.vocabulary.size,
          unkeyedBlocks: c.unkeyedBlocks.map((b) => ({ file: b.source.path, line: b.startLine + 1, headings: kb.headingPath(b, lang), text: b.text, reason: kb.coverageReason(b) })),
          keysWithoutBlocks: c.keysWithoutBlocks.map((e) => e.key),
          keysViaSee: c.keysViaSee.map((e) => ({ key: e.key, see: e.see })),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const out = [
    t(CLI.coverageBlocks, lang, { keyed: c.keyedBlocks, total: c.totalBlocks, percent, unkeyed: c.unkeyedBlocks.length }),
    t(CLI.coverageKeys, lang, { count: c.keysWithoutBlocks.length, total: kb.vocabulary.size }),
    t(CLI.coverageSee, lang, { count: c.keysViaSee.length }),
  ];
  if (c.unkeyedBlocks.length) {
    out.push('', `${t(CLI.unkeyedBlocks, lang)}:`);
    for (const b of c.unkeyedBlocks) {
      out.push(`  ${where(b)}  ${kb.headingPath(b, lang).join(' › ')}: ${firstLine(kb.blockText(b, lang === 'en' && kb.hasEnglish(b) ? 'en' : 'ru', false), 80)}`);
      const reason = kb.coverageReason(b);
      if (reason) out.push(`      ${t(CLI.coverageReason, lang)}: ${reason}`);
    }
  }
  if (c.keysWithoutBlocks.length) {
    out.push('', `${t(CLI.keysWithoutBlocks, lang)}:`);
    for (const e of c.keysWithoutBlocks) out.push(`  ${e.key}  ${e.title[lang]}`);
  }
  if (c.keysViaSee.length) {
    out.push('', `${t(CLI.keysViaSee, lang)}:`);
    for (const e of c.keysViaSee) out.push(`  ${e.key}  → ${e.see.join(', ')}`);
  }
  io.stdout(out.join('\n') + '\n');
  return 0;
}
