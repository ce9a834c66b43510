// Helm (Go templates) and Jinja2 neutralisation. Template syntax is replaced by text of the
// same length, so every offset in the neutralised text is the same offset in the user's text
// and ranges need no mapping. The YAML structure around the templates is then still read.
//
//   {{- if .Values.ingress.enabled }}      a line holding only template actions -> spaces
//   image: "{{ .Values.image }}:{{ .Chart.AppVersion }}"   -> image: "_________________:______"
//   {% for x in y %} / {# comment #}        (Jinja2 statements and comments) -> spaces

const OPEN = /\{\{|\{%|\{#/g;

/** True when the text has any template delimiters at all (cheap pre-check). */
export function hasTemplates(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

/**
 * Returns `text` with template actions blanked. Linear in the text length: each delimiter
 * is found with indexOf from the previous position.
 */
export function neutraliseTemplates(text: string): string {
  if (!hasTemplates(text)) return text;
  const out: string[] = [];
  let last = 0;
  OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPEN.exec(text))) {
    const start = m.index;
    const closeToken = m[0] === '{{' ? '}}' : m[0] === '{%' ? '%}' : '#}';
    let end = text.indexOf(closeToken, start + 2);
    // An unclosed action runs to the end of its line (broken template; keep the rest readable).
    const eol = lineEndFrom(text, start);
    if (end < 0 || end > eol) {
      // Helm actions may span lines ({{- include "x" (dict
      //   "a" 1) }}); allow that, but never beyond 20 lines, to stay linear on garbage.
      end = end < 0 ? -1 : end;
      if (end < 0 || countLines(text, start, end) > 20) end = eol - 2;
    }
    const stop = Math.min(text.length, end + 2);
    out.push(text.slice(last, start));
    out.push(blank(text, start, stop, m[0] !== '{{' || isWholeLine(text, start, stop)));
    last = stop;
    OPEN.lastIndex = stop;
  }
  out.push(text.slice(last));
  return out.join('');
}

function lineEndFrom(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function isWholeLine(text: string, start: number, stop: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n' && text[i] !== '\r') return false;
  let j = stop;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return j >= text.length || text[j] === '\n' || text[j] === '\r';
}

/**
 * Blank a template span. Line breaks inside it are kept (so line numbers stay). A span that
 * stands alone on its line(s) becomes spaces; an inline one becomes underscores so that a
 * value like `replicas: {{ .Values.n }}` is still a (placeholder) scalar.
 */
function blank(text: string, start: number, stop: number, asSpaces: boolean): string {
  let s = '';
  for (let i = start; i < stop; i++) {
    const c = text[i];
    s += c === '\n' || c === '\r' ? c : asSpaces ? ' ' : '_';
  }
  return s;
}
