// The helm.sh/hook annotation of a manifest: its value split into hook names with offsets.
// Helm 3 (pkg/releaseutil/manifest_sorter.go) lower-cases and trims each comma-separated name;
// one unknown name makes it skip the whole manifest ("skipping unknown hook"): the object is
// neither installed with the release nor run as a hook.
import { Node, Scalar } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { getNode, isScalar } from '../../documents/yaml';
import { K8sObject } from '../targets';
import { templated } from '../kubernetes/_template';
import { range } from '../kubernetes/_yamlEdit';

export const HOOK = 'helm.sh/hook';

export const KNOWN_HOOKS = ['pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade', 'pre-rollback', 'post-rollback', 'test'];

export interface HookPart {
  name: string;
  start: number;
  end: number;
}

export interface HookAnnotation {
  node: Scalar;
  parts: HookPart[];
}

export function hookAnnotation(doc: OpsDocument, obj: K8sObject): HookAnnotation | undefined {
  const node = getNode(getNode(getNode(obj.root, 'metadata'), 'annotations'), HOOK);
  if (!isScalar(node) || typeof node.value !== 'string' || templated(doc, node as Node)) return undefined;
  const r = range(node)!;
  const src = doc.text.slice(r[0], r[1]);
  // Offsets of the names inside the scalar's source (plain or quoted, no escapes in hook names).
  const quoted = src.startsWith('"') || src.startsWith("'");
  const body = quoted ? src.slice(1, -1) : src;
  const base = r[0] + (quoted ? 1 : 0);
  const parts: HookPart[] = [];
  let at = 0;
  for (const raw of body.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    const name = raw.trim();
    if (name) parts.push({ name, start: base + at + lead, end: base + at + lead + name.length });
    at += raw.length + 1;
  }
  return { node, parts };
}

/** Levenshtein distance, bounded (hook names are short). */
export function distance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}
