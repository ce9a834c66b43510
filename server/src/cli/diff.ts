// Unified diff for `--fix-dry-run` (the `diff -u` / `git diff` format `patch` applies). Myers'
// O((N+M)D) line diff after trimming the common head and tail, which for fixes leaves a few
// lines; a bound on D keeps hostile inputs linear (the middle is then shown as replaced).

interface Op {
  t: '=' | '-' | '+';
  line: string;
}

const MAX_EDIT_DISTANCE = 2000;

/** Lines with their terminators; the last one may have none. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    if (d > MAX_EDIT_DISTANCE) return [...a.map((line) => ({ t: '-' as const, line })), ...b.map((line) => ({ t: '+' as const, line }))];
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) x++, y++;
      v[off + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    // trace[d] holds v[-d-1 .. d+1] as it was before step d.
    const at = (k: number) => trace[d][k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ t: '=', line: a[--x] }), y--;
    if (d > 0) {
      if (x === prevX) ops.push({ t: '+', line: b[--y] });
      else ops.push({ t: '-', line: a[--x] });
    }
  }
  return ops.reverse();
}

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (line: string): Op => ({ t: '=', line });
  return [...a.slice(0, head).map(same), ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)), ...a.slice(a.length - tail).map(same)];
}

function range(start: number, count: number): string {
  // diff -u writes an empty range as "N,0" with N the line before it.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

function emit(prefix: string, line: string, out: string[]): void {
  // A CRLF line keeps its \r, as `diff -u` shows it; only the \n is the diff's own.
  if (line.endsWith('\n')) return void out.push(prefix + line.slice(0, -1));
  out.push(prefix + line);
  if (!line.endsWith('\r')) out.push('\\ No newline at end of file');
}

/** `--- a/name` / `+++ b/name` and the hunks, or '' when the texts are equal. */
export function unifiedDiff(oldText: string, newText: string, name: string, context = 3): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  const lineNumbers = ops.map((op) => {
    const at = { old: oldLine, new: newLine };
    if (op.t !== '+') oldLine++;
    if (op.t !== '-') newLine++;
    return at;
  });
  while (i < ops.length) {
    if (ops[i].t === '=') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is at most 2*context equal lines away.
    const start = Math.max(0, i - context);
    let end = i;
    for (let j = i; j < ops.length; j++) {
      if (ops[j].t !== '=') end = j;
      else if (j - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((o) => o.t !== '+').length;
    const newCount = hunk.filter((o) => o.t !== '-').length;
    const at = lineNumbers[start];
    out.push(`@@ -${range(at.old, oldCount)} +${range(at.new, newCount)} @@`);
    for (const op of hunk) emit(op.t === '=' ? ' ' : op.t, op.line, out);
    i = stop;
  }
  return out.join('\n') + '\n';
}
