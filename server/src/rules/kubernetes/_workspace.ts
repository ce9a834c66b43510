// What the checks across documents see: Kubernetes objects and pod templates of this file and
// of the workspace's other manifests, with their labels, namespaces and folders. Built once
// per rule run (never cached on a document: another file may change between runs).
import * as path from 'path';
import { Node } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { entries, getNode, getPair, isMap, scalarString, seqItems, stringAt } from '../../documents/yaml';
import { K8sObject, PodTarget, targetsOf } from '../targets';
import { RuleContext } from '../types';
import { hasTemplateSyntax, mayInject, templated } from './_template';
import { isEmptyValue } from './_yamlEdit';

export interface Labels {
  map: Map<string, string>;
  /** Labels come (partly) from templates: they may match anything. */
  unknown: boolean;
}

export interface PlacedObject {
  doc: OpsDocument;
  object: K8sObject;
  /** Same folder (or, for Helm templates, same chart) as the analysed document. */
  near: boolean;
  /** The namespace, or undefined when absent or templated (then any namespace matches). */
  namespace?: string;
}

export interface PlacedPod extends PlacedObject {
  pod: PodTarget;
  labels: Labels;
}

/** The folder that groups related manifests: the chart for Helm templates, else the directory. */
export function groupOf(doc: OpsDocument): string {
  return doc.classification.helmChart ?? path.dirname(doc.path);
}

function mayHoldManifests(doc: OpsDocument): boolean {
  return doc.text.includes('apiVersion') && doc.text.includes('kind');
}

/** The analysed document first, then the workspace's other documents that hold manifests. */
export function* manifestDocuments(ctx: RuleContext): Iterable<{ doc: OpsDocument; near: boolean }> {
  const here = groupOf(ctx.doc);
  yield { doc: ctx.doc, near: true };
  for (const doc of ctx.workspace.documents()) {
    if (!mayHoldManifests(doc)) continue;
    if (doc.family !== 'kubernetes' && doc.family !== 'helm') continue;
    yield { doc, near: groupOf(doc) === here };
  }
}

export function namespaceOf(doc: OpsDocument, obj: K8sObject): string | undefined {
  const node = getNode(getNode(obj.root, 'metadata'), 'namespace');
  if (!node || templated(doc, node)) return undefined;
  return scalarString(node);
}

/** Two namespaces can be the same one (absent = set at deploy time, by kubectl -n or Helm). */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function labelsOf(doc: OpsDocument, metadata: Node | undefined): Labels {
  const map = new Map<string, string>();
  if (!isMap(metadata)) return { map, unknown: mayInject(doc, metadata) };
  const labels = getNode(metadata, 'labels');
  // `labels:` followed only by `{{- include "chart.labels" . | nindent 8 }}` parses as null.
  let unknown = mayInject(doc, metadata) || (getPair(metadata, 'labels') !== undefined && !isMap(labels) && (hasTemplateSyntax(doc) || !isEmptyValue(labels))) || mayInject(doc, labels);
  for (const [k, pair] of entries(labels)) {
    const v = scalarString(pair.value);
    if (templated(doc, pair.key as Node) || templated(doc, pair.value as Node)) unknown = true;
    else if (v !== undefined) map.set(k, v);
  }
  return { map, unknown };
}

export interface WorkspaceIndex {
  objects: PlacedObject[];
  pods: PlacedPod[];
}

interface DocEntries {
  objects: { object: K8sObject; namespace?: string }[];
  pods: { pod: PodTarget; namespace?: string; labels: Labels }[];
}

// What one document contributes, computed once per document version (documents are immutable).
const perDocument = new WeakMap<OpsDocument, DocEntries>();

function entriesOfDocument(doc: OpsDocument): DocEntries {
  let e = perDocument.get(doc);
  if (e) return e;
  const t = targetsOf(doc);
  e = {
    objects: t.k8sObjects.map((object) => ({ object, namespace: namespaceOf(doc, object) })),
    pods: t.pods.filter((pod) => pod.object.kind !== 'PodTemplate').map((pod) => ({ pod, namespace: namespaceOf(doc, pod.object), labels: labelsOf(doc, pod.metadata) })),
  };
  perDocument.set(doc, e);
  return e;
}

// One index per run of the rules on a document: the engine hands every rule the same
// WorkspaceView object for one run, and the session makes a new one for the next run.
const indexes = new WeakMap<object, { doc: OpsDocument; index: WorkspaceIndex }>();

/** Objects and running pod templates (not PodTemplate objects) of the file and the workspace. */
export function workspaceIndex(ctx: RuleContext): WorkspaceIndex {
  const cached = indexes.get(ctx.workspace);
  if (cached && cached.doc === ctx.doc) return cached.index;
  const idx: WorkspaceIndex = { objects: [], pods: [] };
  for (const { doc, near } of manifestDocuments(ctx)) {
    const e = entriesOfDocument(doc);
    for (const o of e.objects) idx.objects.push({ doc, object: o.object, near, namespace: o.namespace });
    for (const p of e.pods) idx.pods.push({ doc, object: p.pod.object, near, namespace: p.namespace, pod: p.pod, labels: p.labels });
  }
  indexes.set(ctx.workspace, { doc: ctx.doc, index: idx });
  return idx;
}

export interface Selector {
  matchLabels: Map<string, string>;
  expressions: { key: string; operator: string; values: string[] }[];
  /** Part of the selector is templated or malformed: it cannot be evaluated. */
  unknown: boolean;
}

/** A Service selector (a plain map) or a workload selector (matchLabels / matchExpressions). */
export function readSelector(doc: OpsDocument, node: Node | undefined, plain: boolean): Selector {
  const sel: Selector = { matchLabels: new Map(), expressions: [], unknown: false };
  if (!isMap(node)) {
    sel.unknown = true;
    return sel;
  }
  if (mayInject(doc, node)) sel.unknown = true;
  const labelMap = plain ? node : getNode(node, 'matchLabels');
  if ((plain || getPair(node, 'matchLabels')) && !isMap(labelMap)) sel.unknown = true;
  if (!plain && mayInject(doc, labelMap)) sel.unknown = true;
  for (const [k, pair] of entries(labelMap)) {
    const v = scalarString(pair.value);
    if (v === undefined || templated(doc, pair.key as Node) || templated(doc, pair.value as Node)) sel.unknown = true;
    else sel.matchLabels.set(k, v);
  }
  if (!plain) {
    const exprs = getNode(node, 'matchExpressions');
    if (exprs !== undefined && templated(doc, exprs)) sel.unknown = true;
    for (const e of seqItems(exprs)) {
      const key = stringAt(e, 'key');
      const operator = stringAt(e, 'operator');
      const values = seqItems(getNode(e, 'values')).map((v) => scalarString(v) ?? '');
      if (!key || !operator) sel.unknown = true;
      else sel.expressions.push({ key, operator, values });
    }
  }
  return sel;
}

/** Whether known labels satisfy a selector (an empty selector matches nothing here). */
export function selects(sel: Selector, labels: Map<string, string>): boolean {
  if (!sel.matchLabels.size && !sel.expressions.length) return false;
  for (const [k, v] of sel.matchLabels) if (labels.get(k) !== v) return false;
  for (const e of sel.expressions) {
    const has = labels.has(e.key);
    const v = labels.get(e.key);
    switch (e.operator) {
      case 'In':
        if (!has || !e.values.includes(v!)) return false;
        break;
      case 'NotIn':
        if (has && e.values.includes(v!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export function formatLabels(m: Map<string, string>): string {
  return [...m].map(([k, v]) => `${k}=${v}`).join(', ');
}
