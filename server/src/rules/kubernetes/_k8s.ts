// Small shared pieces of the Kubernetes rules: the file kinds they run on, where a finding about
// a container or an object is shown, and names used in messages.
import { Node } from 'yaml';
import { FileKind } from '../../documents/kinds';
import { getNode, getPair, isMap } from '../../documents/yaml';
import { ContainerTarget, K8sObject } from '../targets';
import { range } from './_yamlEdit';

/** Plain manifests and the manifests of Helm charts' templates/. */
export const MANIFEST_KINDS: readonly FileKind[] = ['kubernetes', 'helm-template'];

/** Offsets to show a container finding on: its `name` value, else its first key. */
export function containerSpan(c: ContainerTarget): [number, number] {
  const name = getNode(c.node, 'name');
  const r = range(name) ?? range(isMap(c.node) ? (c.node.items[0]?.key as Node) : c.node) ?? [0, 0];
  return [r[0], r[1]];
}

/** The container's name for messages (or its position in the list). */
export function containerLabel(c: ContainerTarget): string {
  return c.name ?? `${c.list}[${c.index}]`;
}

/** Offsets of an object's `kind` value (where object-level findings are shown). */
export function kindSpan(obj: K8sObject): [number, number] {
  const r = range(getNode(obj.root, 'kind')) ?? range(obj.root) ?? [0, 0];
  return [r[0], r[1]];
}

/** Offsets of a pair's key. */
export function keySpan(map: unknown, key: string): [number, number] | undefined {
  const p = getPair(map, key);
  const r = p && range(p.key as Node);
  return r ? [r[0], r[1]] : undefined;
}

/** Offsets of a node's value (scalars: the scalar; collections: their start to end). */
export function nodeSpan(node: Node | null | undefined): [number, number] | undefined {
  const r = range(node);
  return r ? [r[0], r[1]] : undefined;
}
