// Notes (markdown) -> sections and blocks with exact line ranges.
//
// markdown-it (CommonMark) finds the structure that markdown defines: headings, fenced and
// indented code, and the line ranges of paragraph/list regions. Inside those regions the
// person writes as in an outliner: indentation is structure, lines are statements, and
// CommonMark's reading of it loses that (a list indented by two spaces under a plain line
// becomes lazy continuation text; `    - item` inside a paragraph is plain text; a backtick
// code span over several lines that contains `- apiGroups:` is split into a list). So the
// regions are read a second time as an outline by indentation, keeping multi-line code spans
// whole. Why markdown-it over mdast-util-from-markdown: it gives the line map we need, is
// CommonJS (no ESM loader for tests), and indexes the bundled notes in a few milliseconds.
import MarkdownIt from 'markdown-it';

export type BlockKind = 'statement' | 'item' | 'code';

export interface OutlineBlock {
  kind: BlockKind;
  /** Zero-based first and last line of the block's own text. */
  startLine: number;
  endLine: number;
  /** Zero-based last line of the block including its children (nested sub-items, lead-in targets). */
  lastLine: number;
  /** The block's own text, source lines joined with \n, indentation of the first line removed. */
  text: string;
  /** Heading path of the section holding the block. */
  headings: string[];
  /** Zero-based line of that section's heading (-1 before the first heading). */
  headingLine: number;
  children: OutlineBlock[];
  parent?: OutlineBlock;
  /** Keys from explicit anchors (`<!-- opsnotes: key1, key2 -->`) written before the block. */
  anchors: string[];
}

export interface OutlineSection {
  headings: string[];
  /** Zero-based lines of the headings of the path (parallel to `headings`). */
  headingLines: number[];
  line: number;
  level: number;
  /** Anchors written right before the heading apply to every block of the section. */
  anchors: string[];
}

export interface Outline {
  lines: string[];
  sections: OutlineSection[];
  /** Every block, in document order (parents before children). */
  blocks: OutlineBlock[];
}

/** `<!-- opsnotes: k8s.container.livenessProbe, k8s.container.readinessProbe -->` */
const ANCHOR = /^\s*<!--\s*opsnotes\s*:\s*([^>]*?)\s*-->\s*$/;
const BULLET = /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)/;

// Block structure only: inline content (emphasis, links) is never read from the tokens, and
// parsing it is half of markdown-it's time on a large corpus.
const md = new MarkdownIt('commonmark');
md.core.ruler.disable(['inline', 'text_join']);

interface Region {
  start: number;
  end: number; // exclusive
  code: boolean;
  headingPath: string[];
  headingLine: number;
}

export function buildOutline(source: string): Outline {
  const lines = source.split(/\r\n|\r|\n/);
  const tokens = md.parse(source, {});
  const sections: OutlineSection[] = [];
  const regions: Region[] = [];
  const stack: { level: number; text: string; line: number }[] = [];
  let headingLine = -1;
  let headingPath: string[] = [];
  const anchorLines = new Map<number, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const m = ANCHOR.exec(lines[i]);
    if (m) anchorLines.set(i, splitKeys(m[1]));
  }

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.level !== 0 || !tok.map) continue;
    if (tok.type === 'heading_open') {
      const level = Number(tok.tag.slice(1));
      const text = cleanHeading(tokens[t + 1]?.content ?? '');
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      stack.push({ level, text, line: tok.map[0] });
      headingPath = stack.map((s) => s.text);
      headingLine = tok.map[0];
      sections.push({ headings: headingPath, headingLines: stack.map((s) => s.line), line: headingLine, level, anchors: anchorsBefore(anchorLines, lines, headingLine) });
      continue;
    }
    if (tok.type === 'fence' || tok.type === 'code_block') {
      regions.push({ start: tok.map[0], end: tok.map[1], code: true, headingPath, headingLine });
      continue;
    }
    if (tok.type === 'paragraph_open' || tok.type === 'bullet_list_open' || tok.type === 'ordered_list_open' || tok.type === 'blockquote_open') {
      regions.push({ start: tok.map[0], end: tok.map[1], code: false, headingPath, headingLine });
    }
  }

  const blocks: OutlineBlock[] = [];
  // Contiguous text regions (no blank line between, same section) form one outline.
  let group: Region[] = [];
  let previousTop: OutlineBlock[] = [];
  const flush = () => {
    if (!group.length) return;
    const first = group[0];
    const last = group[group.length - 1];
    const roots = readOutline(lines, first.start, trimBlank(lines, first.start, last.end), first.headingPath, first.headingLine, anchorLines);
    attachCodeLeadIn(previousTop, roots, lines);
    for (const r of roots) collect(r, blocks);
    previousTop = roots;
    group = [];
  };
  for (const region of regions) {
    const prev = group[group.length - 1];
    // A region after a blank line continues the outline when it is indented (a sub-list
    // written one blank line below its parent); at column 0 it starts a new one.
    const separated = prev && region.start > trimBlank(lines, prev.start, prev.end) && indentOf(lines[region.start] ?? '') === 0;
    if (prev && (separated || region.headingLine !== prev.headingLine || region.code)) flush();
    if (region.code) {
      const end = trimBlank(lines, region.start, region.end);
      const block = makeBlock('code', region.start, end - 1, lines, region.headingPath, region.headingLine, anchorsBefore(anchorLines, lines, region.start));
      attachCodeLeadIn(previousTop, [block], lines);
      collect(block, blocks);
      previousTop = [block];
      continue;
    }
    group.push(region);
  }
  flush();
  blocks.sort((a, b) => a.startLine - b.startLine);
  return { lines, sections, blocks };
}

function splitKeys(s: string): string[] {
  return s.split(/[\s,]+/).filter(Boolean);
}

export function cleanHeading(s: string): string {
  return s.trim().replace(/[.:]+$/, '').trim();
}

/** Anchor comments on the lines right before `line` (blank lines allowed between). */
function anchorsBefore(anchorLines: Map<number, string[]>, lines: string[], line: number): string[] {
  const out: string[] = [];
  for (let i = line - 1; i >= 0; i--) {
    if (anchorLines.has(i)) out.push(...anchorLines.get(i)!);
    else if (lines[i].trim() !== '') break;
  }
  return out;
}

/** End (exclusive) of a region without its trailing blank lines. */
function trimBlank(lines: string[], start: number, end: number): number {
  let e = Math.min(end, lines.length);
  while (e > start && lines[e - 1].trim() === '') e--;
  return e;
}

function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

/** Number of backticks that open or close code spans on a line (runs of one backtick). */
function backtickParity(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '`') {
      let j = i;
      while (j < line.length && line[j] === '`') j++;
      if (j - i === 1) count++;
      i = j - 1;
    }
  }
  return count % 2;
}

function makeBlock(kind: BlockKind, startLine: number, endLine: number, lines: string[], headings: string[], headingLine: number, anchors: string[]): OutlineBlock {
  const indent = lines[startLine].length - lines[startLine].trimStart().length;
  if (kind === 'statement' && /^`[^`]+`$/.test(lines[startLine].trim()) && startLine === endLine) kind = 'code';
  const text = lines
    .slice(startLine, endLine + 1)
    .map((l, i) => (i === 0 ? l.slice(indent) : l))
    .join('\n');
  return { kind, startLine, endLine, lastLine: endLine, text, headings, headingLine, children: [], anchors };
}

/**
 * Read lines [start, end) as an outline: each line is a statement or a bullet item; its
 * parent is the nearest earlier line with less indentation. A hard-wrapped line (same
 * indentation, starting in lower case after a line without final punctuation) continues the
 * previous statement. A backtick span open at the end of a line runs on to its closing line.
 */
function readOutline(lines: string[], start: number, end: number, headings: string[], headingLine: number, anchorLines: Map<number, string[]>): OutlineBlock[] {
  const roots: OutlineBlock[] = [];
  const stack: { indent: number; contentIndent: number; block: OutlineBlock }[] = [];
  let i = start;
  while (i < end) {
    const line = lines[i];
    if (line.trim() === '' || anchorLines.has(i)) {
      i++;
      continue;
    }
    const bullet = BULLET.exec(line);
    const indent = indentOf(line);
    const content = bullet ? line.slice(bullet[0].length) : line.trim();
    let last = i;
    let kind: BlockKind = bullet ? 'item' : 'statement';
    // A code span opened on this line and closed on a later one: one code block.
    if (backtickParity(line) === 1) {
      let j = i + 1;
      while (j < end && backtickParity(lines[j]) === 0) j++;
      if (j < end) {
        last = j;
        if (content.trimStart().startsWith('`')) kind = 'code';
      }
    } else if (!bullet) {
      // Hard-wrapped continuation lines of a statement.
      while (last + 1 < end && isContinuation(lines[last], lines[last + 1], indent)) last++;
    } else {
      const contentIndent = bullet[0].length;
      while (
        last + 1 < end &&
        lines[last + 1].trim() !== '' &&
        !BULLET.test(lines[last + 1]) &&
        ((indentOf(lines[last + 1]) >= contentIndent && isContinuation(lines[last], lines[last + 1], indentOf(lines[last + 1]))) ||
          // Lazy continuation of a clearly unfinished line ("post-upgrade,\npre-rollback").
          (/[,\u2013\u2014-]\s*$/.test(lines[last]) && /^\s*[a-zа-яё]/.test(lines[last + 1])))
      )
        last++;
    }
    const block = makeBlock(kind, i, last, lines, headings, headingLine, anchorsBefore(anchorLines, lines, i));
    // A code line right under an item or a statement ending in ":" at the same indentation is
    // what that line introduces (CommonMark would read it as lazy continuation of the item).
    const top = stack[stack.length - 1];
    const introduces = block.kind === 'code' && top && top.indent === indent && top.block.endLine === i - 1 && (top.block.kind === 'item' || /:\s*$/.test(top.block.text));
    if (!introduces) while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]?.block;
    if (parent) {
      block.parent = parent;
      parent.children.push(block);
      for (let p: OutlineBlock | undefined = parent; p; p = p.parent) p.lastLine = Math.max(p.lastLine, last);
    } else {
      roots.push(block);
    }
    stack.push({ indent, contentIndent: bullet ? bullet[0].length : indent, block });
    i = last + 1;
  }
  return roots;
}

function isContinuation(prev: string, next: string, indent: number): boolean {
  if (next.trim() === '' || BULLET.test(next)) return false;
  if (indentOf(next) !== indent && indentOf(next) < indent) return false;
  if (indentOf(next) !== indent) return false;
  if (/[.!?:;)]\s*$/.test(prev) || /`\s*$/.test(prev)) return false;
  // Hard wrapping leaves long lines behind; a short line followed by a lower-case one is two
  // statements (the notes write one statement per line).
  if (prev.trim().length < 50) return false;
  return /^\s*[a-zа-яё(]/.test(next);
}

/**
 * A code block written right after a statement (at most one blank line between) is what the
 * statement introduces ("добавить:", "директиву", "Пример:"): it becomes that statement's child.
 */
function attachCodeLeadIn(previous: OutlineBlock[], current: OutlineBlock[], lines: string[]): void {
  const code = current[0];
  if (!code || code.kind !== 'code' || current.length !== 1 || !previous.length) return;
  let lead = previous[previous.length - 1];
  while (lead.children.length) lead = lead.children[lead.children.length - 1];
  if (lead.kind === 'code') return;
  const gap = code.startLine - lead.lastLine - 1;
  if (gap > 1 || (gap === 1 && lines[lead.lastLine + 1].trim() !== '')) return;
  code.parent = lead;
  lead.children.push(code);
  for (let p: OutlineBlock | undefined = lead; p; p = p.parent) p.lastLine = Math.max(p.lastLine, code.lastLine);
}

function collect(block: OutlineBlock, out: OutlineBlock[]): void {
  out.push(block);
  for (const c of block.children) collect(c, out);
}
