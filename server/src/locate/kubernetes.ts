// Kubernetes and Helm locator: cursor -> candidate keys of the object field (or value) under it,
// most specific first (k8s/paths.ts), for plain manifests, chart templates (the YAML model has
// `{{ }}` blanked, so the structure around templates is read), Chart.yaml and values.yaml.
// Custom resources (Tekton, Argo, cert-manager…) are not objects the notes cover: silence.
import { Node } from 'yaml';
import { OpsDocument } from '../documents/document';
import { isBuiltinKind, isBuiltinKubernetesApi, podSpecPath, removedApi } from '../documents/kubernetes';
import { getIn, isMap, logicalKeys, pathAt, PathStep, scalarString, stringAt, YamlDocument } from '../documents/yaml';
import { helmAnnotation, locateChart, locateValues } from './k8s/helm';
import { objectCandidates } from './k8s/paths';
import { qosFact } from './k8s/qos';
import { Located } from './types';

export function locateKubernetes(doc: OpsDocument, offset: number): Located | undefined {
  const at = doc.yamlDocumentAt(offset);
  if (!at) return undefined;
  switch (at.kind) {
    case 'kubernetes':
      return locateManifest(doc, at.document, offset);
    case 'helm-chart':
      return locateChart(doc, at.document, offset);
    case 'helm-values':
      return locateValues(doc, at.document, offset);
    default:
      return undefined;
  }
}

function locateManifest(doc: OpsDocument, document: YamlDocument, offset: number): Located | undefined {
  const pos = pathAt(document.doc.contents, offset);
  if (!pos || (!pos.onKey && !pos.onValue)) return undefined;
  const { tokenStart: start, tokenEnd: end } = pos;
  // The cursor on a template action (`replicas: {{ .Values.replicaCount }}`): not a manifest value.
  if (doc.isTemplated(start, end)) return undefined;
  const object = objectAt(document.doc.contents as Node, pos.path);
  if (!object) return undefined;
  const { root, steps, kind } = object;
  const keys = logicalKeys(steps);
  if (keys.length === 0) return undefined;
  // On an alias (`readinessProbe: *probe`) there is no value: the field's keys.
  const value = pos.onValue ? scalarString(steps[steps.length - 1].node) : undefined;

  if (keys.length === 1 && keys[0] === 'apiVersion') return apiVersion(kind, value, start, end);
  const annotation = annotationName(keys);
  if (annotation?.startsWith('helm.sh/') && keys.length === 3) return helmAnnotation(doc, annotation, pos.onValue, offset, start, end);

  let candidates = objectCandidates({ kind, keys, value });
  if (annotation) candidates = annotationCandidates(kind, keys, annotation, candidates);
  if (candidates.length === 0) return undefined;
  const located: Located = { keys: candidates, start, end };
  if (candidates.some((k) => k.startsWith('k8s.container.resources'))) {
    const podSpec = podSpecOfObject(root, kind);
    if (podSpec) located.facts = [qosFact(doc, document.doc, podSpec)];
  }
  return located;
}

interface ObjectAt {
  root: Node;
  /** Path steps from the object's root (inside `items[i]` for a `kind: List`). */
  steps: PathStep[];
  kind: string;
}

/** The built-in object holding the path: the document, or an item of a `kind: List`. */
function objectAt(docRoot: Node, path: PathStep[]): ObjectAt | undefined {
  const kind = stringAt(docRoot, 'kind');
  if (!kind) return undefined;
  if (kind !== 'List') return { root: docRoot, steps: path, kind };
  if (path[0]?.key !== 'items' || path.length < 3 || typeof path[1].key !== 'number') return undefined;
  const item = path[1].node;
  const itemKind = stringAt(item, 'kind');
  const itemApi = stringAt(item, 'apiVersion');
  if (!item || !itemKind || !itemApi || !isBuiltinKubernetesApi(itemApi, itemKind) || !isBuiltinKind(itemKind)) return undefined;
  return { root: item, steps: path.slice(2), kind: itemKind };
}

/**
 * `apiVersion`: the field; on the value, the notes on 1.18-era versions (slurm-notes.md:236,
 * 643) only when this version is one current clusters no longer serve.
 */
function apiVersion(kind: string, value: string | undefined, start: number, end: number): Located {
  if (value === undefined) return { keys: ['k8s.apiVersion'], start, end };
  const keys = [`k8s.apiVersion=${value}`];
  if (removedApi(value, kind)) keys.push('k8s.apiVersion');
  return { keys, start, end };
}

/** The annotation name when the path is `metadata.annotations.<name>` of the object. */
function annotationName(keys: string[]): string | undefined {
  return keys.length >= 3 && keys[0] === 'metadata' && keys[1] === 'annotations' ? keys[2] : undefined;
}

const NGINX_ANNOTATIONS = 'nginx.ingress.kubernetes.io/';

/** nginx Ingress annotations share one key; the legacy class annotation is the class field. */
function annotationCandidates(kind: string, keys: string[], name: string, candidates: string[]): string[] {
  const out = [...candidates];
  if (name.startsWith(NGINX_ANNOTATIONS) && keys.length === 3) out.push(`k8s.${kind}.metadata.annotations.nginx.ingress.kubernetes.io`);
  if (name === 'kubernetes.io/ingress.class' && kind === 'Ingress' && keys.length === 3) out.push('k8s.Ingress.spec.ingressClassName');
  return out;
}

function podSpecOfObject(root: Node, kind: string): Node | undefined {
  const path = podSpecPath(kind);
  const spec = path ? getIn(root, path) : undefined;
  return isMap(spec) ? spec : undefined;
}
