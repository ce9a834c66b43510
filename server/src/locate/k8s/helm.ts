// Helm positions: hook annotations in a chart's manifests (slurm-notes.md:750-759), Chart.yaml
// fields and values.yaml keys (knowledge/README.md: `helm.hook`, `helm.hook=test`,
// `helm.chart.*`, `helm.values`).
import { OpsDocument } from '../../documents/document';
import { logicalKeys, scalarString, YamlDocument, pathAt } from '../../documents/yaml';
import { Located } from '../types';

/** Annotations whose value is a comma-separated list of events or policies. */
const LIST_ANNOTATIONS = new Set(['hook', 'hook-delete-policy']);

/**
 * A `helm.sh/<name>` annotation: the key is `helm.<name>`; on the value, the list item under
 * the cursor (`pre-install,pre-upgrade`) is `helm.<name>=<item>` with the item as the range.
 */
export function helmAnnotation(doc: OpsDocument, name: string, onValue: boolean, offset: number, start: number, end: number): Located | undefined {
  const key = `helm.${name.slice('helm.sh/'.length)}`;
  if (!onValue) return { keys: [key], start, end };
  if (!LIST_ANNOTATIONS.has(name.slice('helm.sh/'.length))) return { keys: [key], start, end };
  const item = listItemAt(doc.text, start, end, offset);
  if (!item) return { keys: [key], start, end };
  return { keys: [`${key}=${item.text}`, key], start: item.start, end: item.end };
}

/** The comma-separated item of a scalar's source text holding `offset`, trimmed, quotes off. */
function listItemAt(text: string, start: number, end: number, offset: number): { text: string; start: number; end: number } | undefined {
  let s = start;
  let e = end;
  const q = text[s];
  if ((q === '"' || q === "'") && text[e - 1] === q && e - s >= 2) {
    s++;
    e--;
  }
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i === e || text[i] === ',') {
      if (offset >= from && offset <= i) {
        let a = from;
        let b = i;
        while (a < b && /\s/.test(text[a])) a++;
        while (b > a && /\s/.test(text[b - 1])) b--;
        return a < b ? { text: text.slice(a, b), start: a, end: b } : undefined;
      }
      from = i + 1;
    }
  }
  return undefined;
}

/** Chart.yaml: `helm.chart.<field>`; a top-level field falls back to the chart itself. */
export function locateChart(doc: OpsDocument, document: YamlDocument, offset: number): Located | undefined {
  return locateByPath(doc, document, offset, 'helm.chart');
}

/**
 * values.yaml: `helm.values.<path>`; the top-level keys fall back to `helm.values` (what the
 * notes say about the values file). Values themselves are the user's: nothing to say.
 */
export function locateValues(doc: OpsDocument, document: YamlDocument, offset: number): Located | undefined {
  return locateByPath(doc, document, offset, 'helm.values');
}

function locateByPath(doc: OpsDocument, document: YamlDocument, offset: number, prefix: string): Located | undefined {
  const pos = pathAt(document.doc.contents, offset);
  if (!pos || (!pos.onKey && !pos.onValue) || doc.isTemplated(pos.tokenStart, pos.tokenEnd)) return undefined;
  const keys = logicalKeys(pos.path);
  if (keys.length === 0) return undefined;
  const field = `${prefix}.${keys.join('.')}`;
  const out: string[] = [];
  if (pos.onValue) {
    const value = scalarString(pos.path[pos.path.length - 1].node);
    if (value !== undefined) out.push(`${field}=${value}`);
    out.push(field);
  } else {
    for (let n = keys.length; n >= 1; n--) out.push(`${prefix}.${keys.slice(0, n).join('.')}`);
    if (keys.length === 1) out.push(prefix);
  }
  return { keys: out, start: pos.tokenStart, end: pos.tokenEnd };
}
