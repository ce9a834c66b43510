// Hover content: the title of the thing under the cursor, the note blocks about it (at most 3,
// most specific first, sub-items kept) with heading path and a link to the note, the English
// rendering for English readers, "today" remarks, facts computed from the document, and the
// official documentation link. Plain data: the server and the CLI render it.
import { OpsDocument } from '../documents/document';
import { Language, pick } from '../i18n/language';
import { FAMILY_LABELS, KIND_LABELS, t, UI } from '../i18n/ui';
import { KnowledgeBase, NoteBlock, TodayRemark } from '../knowledge/base';
import { VocabularyEntry } from '../knowledge/vocabulary';
import { candidateKeys } from '../locate';
import { Range } from '../util/text';

export interface HoverNote {
  block: NoteBlock;
  key: string;
  headings: string[];
  /** The note text shown (English rendering or as written). */
  text: string;
  translated: boolean;
  /** 0-based line in the notes file. */
  line: number;
}

export interface HoverContent {
  keys: string[];
  /** The most specific key the vocabulary knows. */
  entry?: VocabularyEntry;
  title?: string;
  notes: HoverNote[];
  remarks: TodayRemark[];
  facts: string[];
  docs?: string;
  range: Range;
  start: number;
  end: number;
}

/** How links to notes are written: VS Code gets the trusted command, other clients a file link. */
export type NoteLinkStyle = 'command' | 'file' | 'none';

export function computeHover(doc: OpsDocument, offset: number, kb: KnowledgeBase, language: Language): HoverContent | undefined {
  const located = candidateKeys(doc, offset);
  if (!located) return undefined;
  const results = kb.entriesFor(located.keys, 3);
  const entry = kb.knownKey(located.keys);
  const facts = (located.facts ?? []).map((f) => pick(f, language));
  if (!results.length && !facts.length) return undefined;
  const notes: HoverNote[] = results.map((r) => {
    const translated = language === 'en' && kb.hasEnglish(r.block);
    return {
      block: r.block,
      key: r.key,
      headings: kb.headingPath(r.block, translated ? 'en' : 'ru'),
      text: kb.blockText(r.block, translated ? 'en' : 'ru'),
      translated,
      line: r.block.startLine,
    };
  });
  const remarks = kb.remarksFor(
    results.map((r) => r.block),
    located.keys,
  );
  return {
    keys: located.keys,
    entry,
    title: entry ? entry.title[language] : undefined,
    notes,
    remarks,
    facts,
    docs: entry?.docs ?? results.map((r) => r.entry?.docs).find(Boolean),
    range: doc.rangeOf(located.start, located.end),
    start: located.start,
    end: located.end,
  };
}

export function noteLink(block: NoteBlock, style: NoteLinkStyle): string | undefined {
  if (style === 'none') return undefined;
  if (style === 'command') {
    const args = encodeURIComponent(JSON.stringify([block.source.uri, block.startLine]));
    return `command:opsnotes.openNote?${args}`;
  }
  return `${block.source.uri}#L${block.startLine + 1}`;
}

/** Markdown for an LSP hover. */
export function hoverMarkdown(h: HoverContent, language: Language, linkStyle: NoteLinkStyle): string {
  const parts: string[] = [];
  if (h.entry) {
    const family = FAMILY_LABELS[h.entry.key.split('.')[0]];
    const kind = KIND_LABELS[h.entry.kind];
    const label = [family && pick(family, language), kind && pick(kind, language)].filter(Boolean).join(' · ');
    parts.push(`**${escapeMarkdown(h.title ?? h.entry.key)}**${label ? ` — ${label}` : ''}`);
  }
  for (const fact of h.facts) parts.push(`*${escapeMarkdown(fact)}*`);
  for (const n of h.notes) {
    const file = n.block.source.path.split(/[\\/]/).pop();
    const where = `${file}:${n.line + 1}`;
    const link = noteLink(n.block, linkStyle);
    const heading = n.headings.length ? n.headings.map(escapeMarkdown).join(' › ') : escapeMarkdown(file ?? '');
    const origin = n.block.source.bundled ? '' : ` (${t(UI.yourNotes, language)})`;
    parts.push(`${heading}${origin} — ${link ? `[${where}](${link} "${t(UI.openNote, language)}")` : where}`);
    parts.push(renderNote(n.text));
    if (n.translated) parts.push(`*${t(UI.englishRendering, language)}*`);
  }
  for (const r of h.remarks) {
    parts.push(`**${t(UI.today, language)}:** ${escapeMarkdown(language === 'ru' ? r.ru : r.en)} ([${t(UI.source, language)}](${r.source}))`);
  }
  if (h.docs) parts.push(`[${t(UI.documentation, language)}](${h.docs})`);
  return parts.join('\n\n');
}

/** Plain text for the terminal (`opsnotes explain`). */
export function hoverText(h: HoverContent, language: Language): string {
  const parts: string[] = [];
  if (h.entry) parts.push(`${h.title ?? h.entry.key}  [${h.entry.key}]`);
  for (const fact of h.facts) parts.push(fact);
  for (const n of h.notes) {
    parts.push(`── ${n.headings.join(' › ')} (${n.block.source.path}:${n.line + 1})`);
    parts.push(n.text);
  }
  for (const r of h.remarks) parts.push(`${t(UI.today, language)}: ${language === 'ru' ? r.ru : r.en} (${r.source})`);
  if (h.docs) parts.push(`${t(UI.documentation, language)}: ${h.docs}`);
  return parts.join('\n\n');
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * Note text as markdown, safe to render: raw HTML is escaped outside code spans (the notes
 * are shown as text, never as HTML), and a code span that runs over several lines (the RBAC
 * example, the nginx `RUN set -ex && \` example) becomes a fenced block, so its `- apiGroups:`
 * lines are not read as a list and its text is shown as written.
 */
export function renderNote(text: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    if (open < 0) {
      out.push(escapeHtml(text.slice(i)));
      break;
    }
    let run = open;
    while (text[run] === '`') run++;
    const ticks = text.slice(open, run);
    const close = text.indexOf(ticks, run);
    if (ticks.length >= 3 || close < 0) {
      // A fence or an unclosed backtick: the rest is text (fences stay markdown as written).
      out.push(escapeHtml(text.slice(i, run)));
      i = run;
      continue;
    }
    out.push(escapeHtml(text.slice(i, open)));
    const code = text.slice(run, close);
    if (code.includes('\n')) {
      const before = out.join('');
      const lead = before === '' || before.endsWith('\n') ? '' : '\n';
      out.push(lead + FENCE + '\n' + dedentCode(code).split(FENCE).join("'''") + '\n' + FENCE + '\n');
    } else {
      out.push(ticks + code + ticks);
    }
    i = close + ticks.length;
  }
  return out.join('').replace(/\n{3,}/g, '\n\n').trim();
}

const FENCE = '```';

/**
 * Notes are text: HTML is escaped, and a markdown link to a `command:` URI in a note is broken
 * up so it shows as text (hovers trust exactly one command, and only our own links use it).
 */
function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\]\(\s*command:/gi, ']\\(command:');
}

function dedentCode(code: string): string {
  const lines = code.replace(/^\n/, '').split('\n');
  const indents = lines.slice(1).filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l, i) => (i === 0 ? l : l.slice(Math.min(cut, l.length - l.trimStart().length)))).join('\n');
}
