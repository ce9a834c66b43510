// The knowledge base: note blocks attached to vocabulary keys, and the look-ups the features
// use (entriesFor, search, coverage). Built from the bundled notes and a person's own notes.
import * as fs from 'fs';
import * as path from 'path';
import { Language } from '../i18n/language';
import { pathToUri } from '../documents/document';
import { buildOutline, cleanHeading, OutlineBlock, OutlineSection } from './outline';
import { keyAncestors, VocabularyEntry, VocabularyProblem } from './vocabulary';
import { LineIndex } from '../util/text';
import { AliasMatcher, startsLine } from './aliases';

export interface NotesSource {
  /** Stable id: `bundled:slurm-notes.md` or the absolute path of a user file. */
  id: string;
  path: string;
  uri: string;
  bundled: boolean;
  lines: string[];
  /** Line-parallel English rendering (bundled notes), if any. */
  en?: string[];
}

export interface TodayRemark {
  id: string;
  ru: string;
  en: string;
  source: string;
  checked?: string;
  /** 1-based lines of the bundled notes the remark stands beside. */
  lines: number[];
  /** Keys the remark applies to (shown in hovers and rule messages for them). */
  keys: string[];
}

export interface NoteBlock extends OutlineBlock {
  id: string;
  source: NotesSource;
  keys: string[];
  parent?: NoteBlock;
  children: NoteBlock[];
}

export interface Attachment {
  key: string;
  block: NoteBlock;
  score: number;
}

export interface EntryResult {
  /** The candidate key that led to this block. */
  key: string;
  entry?: VocabularyEntry;
  block: NoteBlock;
}

export interface SearchHit {
  key?: string;
  entry?: VocabularyEntry;
  block?: NoteBlock;
  score: number;
}

/** A bundled note block deliberately attached to no key (knowledge/coverage.yaml). */
export interface CoverageException {
  file: string;
  line: number;
  reason: string;
}

export interface KnowledgeInput {
  coverageExceptions?: CoverageException[];
  vocabulary: VocabularyEntry[];
  sources: NotesSource[];
  today?: TodayRemark[];
  problems?: VocabularyProblem[];
}


/** A parent block longer than this never replaces its shown sub-item in a hover. */
const MAX_PARENT_LINES = 12;



export class KnowledgeBase {
  readonly vocabulary = new Map<string, VocabularyEntry>();
  readonly sources: NotesSource[];
  readonly blocks: NoteBlock[] = [];
  readonly today: TodayRemark[];
  readonly problems: VocabularyProblem[];
  readonly coverageExceptions: CoverageException[];
  private readonly byKey = new Map<string, Attachment[]>();
  private readonly sections = new Map<NotesSource, OutlineSection[]>();

  constructor(input: KnowledgeInput) {
    for (const e of input.vocabulary) {
      if (this.vocabulary.has(e.key)) (input.problems ??= []).push({ file: e.file, message: `duplicate key ${e.key}` });
      this.vocabulary.set(e.key, e);
    }
    this.sources = input.sources;
    this.today = input.today ?? [];
    this.problems = input.problems ?? [];
    this.coverageExceptions = input.coverageExceptions ?? [];
    for (const source of this.sources) this.index(source);
    for (const list of this.byKey.values()) {
      list.sort((a, b) => b.score - a.score || sourceRank(a.block) - sourceRank(b.block) || a.block.startLine - b.block.startLine);
    }
  }

  private index(source: NotesSource): void {
    const text = source.lines.join('\n');
    const outline = buildOutline(text);
    const blocks = outline.blocks as NoteBlock[];
    this.sections.set(source, outline.sections);
    const sectionAnchors = outline.sections.filter((s) => s.anchors.length);
    for (const b of blocks) {
      b.id = `${source.id}#${b.startLine + 1}`;
      b.source = source;
      b.keys = [];
      this.blocks.push(b);
    }
    // Innermost block that owns each line.
    const owner: (NoteBlock | undefined)[] = new Array(outline.lines.length);
    for (const b of blocks) for (let l = b.startLine; l <= b.endLine; l++) owner[l] = b;
    const userBonus = source.bundled ? 0 : 50;
    // (key, block) -> attachment while indexing this source: an alias met twice in a block
    // keeps the better score, in O(1).
    const seen = new Map<string, Map<NoteBlock, Attachment>>();
    const attach = (key: string, block: NoteBlock, score: number) => {
      let list = this.byKey.get(key);
      if (!list) this.byKey.set(key, (list = []));
      let byBlock = seen.get(key);
      if (!byBlock) seen.set(key, (byBlock = new Map()));
      const existing = byBlock.get(block);
      if (existing) existing.score = Math.max(existing.score, score + userBonus);
      else {
        const a = { key, block, score: score + userBonus };
        list.push(a);
        byBlock.set(block, a);
        block.keys.push(key);
      }
    };
    // Explicit anchors: before a block, and before a heading (every block of the section).
    for (const b of blocks) for (const key of b.anchors) attach(key, b, 100);
    for (const s of sectionAnchors) {
      for (const b of blocks) if (b.headingLine === s.line && !b.parent) for (const key of s.anchors) attach(key, b, 90);
    }
    // Aliases: every occurrence on word boundaries, attached to the block owning its line.
    const lineIndex = new LineIndex(text);
    this.aliases ??= new AliasMatcher(this.vocabulary.values());
    this.aliases.scan(text, (key, at) => {
      const line = lineIndex.positionAt(at).line;
      const block = owner[line];
      if (!block) return;
      // "ADD - ...", "- Liveness Probe - ...": the block defines the thing.
      const defines = line === block.startLine && startsLine(text, lineIndex.lineStart(line), at) ? 20 : 0;
      attach(key, block, 10 + defines - Math.min(5, Math.floor(block.text.length / 200)));
    });
  }

  private aliases?: AliasMatcher;

  entry(key: string): VocabularyEntry | undefined {
    return this.vocabulary.get(key);
  }

  /** Blocks attached to exactly this key, best first. */
  blocksFor(key: string): NoteBlock[] {
    return (this.byKey.get(key) ?? []).map((a) => a.block);
  }

  hasBlocks(key: string): boolean {
    return (this.byKey.get(key)?.length ?? 0) > 0;
  }

  /**
   * Note blocks for candidate keys, most specific key first, at most `limit` blocks. A block
   * already shown (or whose ancestor is shown, since display includes sub-items) is skipped.
   * A key's `see` keys come right after its own blocks, before the next candidate.
   */
  entriesFor(candidateKeys: readonly string[], limit = 3): EntryResult[] {
    const out: EntryResult[] = [];
    const shown = new Set<NoteBlock>();
    // Display includes sub-items: a block is covered when it or an ancestor is shown. A parent
    // of a shown block takes the sub-item's place when the parent is about the sub-item's own
    // parent key (the hooks note around a list of hook values: `helm.hook` over
    // `helm.hook=pre-upgrade`); otherwise the focused sub-item stays and the parent, a list of
    // different things (`ansible.playbook`'s flags around `--become`), is skipped.
    const covered = (b: NoteBlock) => {
      for (let p: NoteBlock | undefined = b; p; p = p.parent) if (shown.has(p)) return true;
      return false;
    };
    const isAncestor = (a: NoteBlock, b: NoteBlock) => {
      for (let p = b.parent; p; p = p.parent) if (p === a) return true;
      return false;
    };
    const take = (key: string, via: string) => {
      for (const a of this.byKey.get(key) ?? []) {
        const block = displayBlock(a.block);
        if (covered(block)) continue;
        const inner = out.findIndex((r) => isAncestor(block, r.block));
        if (inner >= 0) {
          if (!keyAncestors(out[inner].key).includes(via) || block.lastLine - block.startLine > MAX_PARENT_LINES) continue;
          const first = out[inner];
          for (const r of out) if (isAncestor(block, r.block)) shown.delete(r.block);
          const kept = out.filter((r) => r === first || !isAncestor(block, r.block));
          kept[kept.indexOf(first)] = { ...first, block };
          out.splice(0, out.length, ...kept);
          shown.add(block);
          continue;
        }
        if (out.length >= limit) return;
        shown.add(block);
        out.push({ key: via, entry: this.vocabulary.get(via), block });
      }
    };
    for (const key of candidateKeys) {
      if (out.length >= limit) break;
      take(key, key);
      // Related keys of a specific key say more about it than the next, broader candidate.
      for (const see of this.vocabulary.get(key)?.see ?? []) {
        if (out.length >= limit) break;
        take(see, see);
      }
    }
    return out;
  }

  /** The most specific key of a candidate list that the vocabulary knows. */
  knownKey(candidateKeys: readonly string[]): VocabularyEntry | undefined {
    for (const k of candidateKeys) {
      const e = this.vocabulary.get(k);
      if (e) return e;
    }
    return undefined;
  }

  /** "Today" remarks for blocks (by line) and keys. */
  remarksFor(blocks: readonly NoteBlock[], keys: readonly string[]): TodayRemark[] {
    const out: TodayRemark[] = [];
    for (const r of this.today) {
      const byKey = r.keys.some((k) => keys.includes(k));
      const byLine = blocks.some((b) => b.source.bundled && r.lines.some((l) => l - 1 >= b.startLine && l - 1 <= b.lastLine));
      if ((byKey || byLine) && !out.includes(r)) out.push(r);
    }
    return out;
  }

  /** The block's text in a language: the English rendering for bundled notes when asked. */
  blockText(block: NoteBlock, language: Language, withChildren = true): string {
    const last = withChildren ? block.lastLine : block.endLine;
    const src = language === 'en' && block.source.en ? block.source.en : block.source.lines;
    const lines = src.slice(block.startLine, last + 1);
    return dedent(lines);
  }

  /** Heading path of a block; English from the rendering's heading lines when asked. */
  headingPath(block: NoteBlock, language: Language): string[] {
    const en = language === 'en' ? block.source.en : undefined;
    if (!en) return block.headings;
    const section = this.sections.get(block.source)?.find((s) => s.line === block.headingLine);
    if (!section) return block.headings;
    return section.headingLines.map((l, i) => cleanHeading((en[l] ?? '').replace(/^\s*#+\s*/, '')) || block.headings[i]);
  }

  hasEnglish(block: NoteBlock): boolean {
    const en = block.source.en;
    if (!en) return false;
    for (let l = block.startLine; l <= block.lastLine; l++) {
      if (block.source.lines[l].trim() !== '' && !(en[l] ?? '').trim()) return false;
    }
    return true;
  }

  /** Search titles, aliases, keys and note text in both languages. */
  search(query: string, limit = 20): SearchHit[] {
    const words = query
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    if (!words.length) return [];
    const hits: SearchHit[] = [];
    for (const e of this.vocabulary.values()) {
      const hay = [e.key, e.title.en, e.title.ru, ...e.aliases].join('\n').toLowerCase();
      if (words.every((w) => hay.includes(w))) {
        const exact = e.aliases.some((a) => a.toLowerCase() === query.toLowerCase()) || e.title.en.toLowerCase() === query.toLowerCase();
        hits.push({ key: e.key, entry: e, score: exact ? 100 : 50 });
      }
    }
    for (const b of this.blocks) {
      const hay = (b.text + '\n' + (b.source.en ? b.source.en.slice(b.startLine, b.endLine + 1).join('\n') : '')).toLowerCase();
      if (words.every((w) => hay.includes(w))) hits.push({ block: b, score: (b.source.bundled ? 10 : 20) + (b.keys.length ? 5 : 0) });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }

  /**
   * Blocks reachable through no key (neither themselves nor an ancestor); keys that show no
   * note at all; keys that show notes only through their `see:` keys.
   */
  coverage(bundledOnly = true): {
    unkeyedBlocks: NoteBlock[];
    keysWithoutBlocks: VocabularyEntry[];
    keysViaSee: VocabularyEntry[];
    keyedBlocks: number;
    totalBlocks: number;
  } {
    const blocks = this.blocks.filter((b) => !bundledOnly || b.source.bundled);
    const reachable = (b: NoteBlock) => {
      for (let p: NoteBlock | undefined = b; p; p = p.parent) if (p.keys.length) return true;
      return false;
    };
    const unkeyedBlocks = blocks.filter((b) => !reachable(b) && b.text.replace(/[-\s.]/g, '') !== '');
    const own = (key: string) => (this.byKey.get(key) ?? []).some((a) => !bundledOnly || a.block.source.bundled);
    const entries = [...this.vocabulary.values()];
    const keysViaSee = entries.filter((e) => !own(e.key) && e.see.some(own));
    const keysWithoutBlocks = entries.filter((e) => !own(e.key) && !e.see.some(own));
    return { unkeyedBlocks, keysWithoutBlocks, keysViaSee, keyedBlocks: blocks.length - unkeyedBlocks.length, totalBlocks: blocks.length };
  }

  /** Why a bundled block is attached to no key (knowledge/coverage.yaml), if it says. */
  coverageReason(block: NoteBlock): string | undefined {
    if (!block.source.bundled) return undefined;
    const file = path.basename(block.source.path);
    return this.coverageExceptions.find((c) => c.file === file && c.line === block.startLine + 1)?.reason;
  }

  /** The block of a notes file holding a (0-based) line. */
  blockAtLine(sourcePath: string, line: number): NoteBlock | undefined {
    let best: NoteBlock | undefined;
    for (const b of this.blocks) {
      if (b.source.path === sourcePath && b.startLine <= line && line <= b.endLine) best = b;
    }
    return best;
  }
}

function sourceRank(b: NoteBlock): number {
  return b.source.bundled ? 1 : 0;
}

/** A code block under a lead-in statement is shown with it ("добавить:" + the code). */
function displayBlock(b: NoteBlock): NoteBlock {
  if (b.kind === 'code' && b.parent && b.parent.kind !== 'code') return b.parent;
  return b;
}




function dedent(lines: string[]): string {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, l.length - l.trimStart().length))).join('\n');
}

export function readSource(file: string, bundled: boolean, id?: string): NotesSource {
  const text = fs.readFileSync(file, 'utf8');
  return { id: id ?? file, path: file, uri: pathToUri(file), bundled, lines: text.split(/\r\n|\r|\n/) };
}

