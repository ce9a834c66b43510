// Shared by the two "probe missing" rules: which containers need a probe, and the skeleton the
// fix inserts. The skeleton carries the fields the notes explain (slurm-notes.md:310-313):
// periodSeconds and failureThreshold, with Kubernetes' defaults written out so they are visible.
import { Node, YAMLMap } from 'yaml';
import { LONG_RUNNING_WORKLOADS } from '../../documents/kubernetes';
import { getNode, getPair, isMap, scalarString, seqItems, stringAt } from '../../documents/yaml';
import { ContainerTarget } from '../targets';
import { Fix, Message, RuleContext } from '../types';
import { containerLabel, containerSpan } from './_k8s';
import { mayInject, templated } from './_template';
import { entriesOf, insertEntries, shiftOffset, toTextEdits, YEntries } from './_yamlEdit';
import { Localized } from '../../i18n/language';

export type ProbeField = 'readinessProbe' | 'livenessProbe';

export interface ProbePort {
  /** `http` (a name) or 8080. */
  ref: string | number;
  kind: 'http' | 'https' | 'tcp';
}

const HTTP_NAMES = /(?:^|-)(?:http|web|api|ui|admin|health|healthz|status|rest|metrics)(?:$|-)/i;
const HTTPS_NAMES = /(?:^|-)https(?:$|-)/i;
const HTTP_PORTS = new Set([80, 3000, 4000, 5000, 8000, 8008, 8080, 8081, 8088, 8888, 9000, 9090]);
const HTTPS_PORTS = new Set([443, 8443]);

/** The first TCP port the container declares, and how to probe it. */
export function firstTcpPort(ctx: RuleContext, c: ContainerTarget): ProbePort | undefined {
  for (const p of seqItems(getNode(c.node, 'ports'))) {
    const protocol = stringAt(p, 'protocol');
    if (protocol && protocol !== 'TCP') continue;
    const portNode = getNode(p, 'containerPort');
    const num = Number(scalarString(portNode));
    if (!portNode || templated(ctx.doc, portNode) || !Number.isInteger(num)) continue;
    const nameNode = getNode(p, 'name');
    const name = nameNode && !templated(ctx.doc, nameNode) ? scalarString(nameNode) : undefined;
    const kind = name ? (HTTPS_NAMES.test(name) ? 'https' : HTTP_NAMES.test(name) ? 'http' : 'tcp') : HTTPS_PORTS.has(num) ? 'https' : HTTP_PORTS.has(num) ? 'http' : 'tcp';
    return { ref: name ?? num, kind };
  }
  return undefined;
}

export function probeSkeleton(port: ProbePort): YEntries {
  const action: [string, YEntries] =
    port.kind === 'tcp'
      ? ['tcpSocket', entriesOf(['port', port.ref])]
      : ['httpGet', entriesOf(['path', '/'], ['port', port.ref], ...(port.kind === 'https' ? ([['scheme', 'HTTPS']] as [string, string][]) : []))];
  return entriesOf(action, ['periodSeconds', 10], ['failureThreshold', 3]);
}

/**
 * A container of a long-running workload (not an init container: it must exit) that serves a
 * TCP port and has no such probe. Containers without ports are left alone: nothing routes
 * traffic to them and only their author can write an exec check.
 */
export function needsProbe(ctx: RuleContext, c: ContainerTarget, field: ProbeField): ProbePort | undefined {
  if (c.list !== 'containers' || !LONG_RUNNING_WORKLOADS.has(c.pod.object.kind)) return undefined;
  if (!isMap(c.node) || getPair(c.node, field)) return undefined;
  if (mayInject(ctx.doc, c.node)) return undefined;
  const ports = getNode(c.node, 'ports');
  if (mayInject(ctx.doc, ports as Node)) return undefined;
  return firstTcpPort(ctx, c);
}

/** The fix: the probe after `ports` (where people look for it), the path or port selected. */
export function probeFix(ctx: RuleContext, c: ContainerTarget, field: ProbeField, port: ProbePort, title: Localized): Fix {
  const map = c.node as YAMLMap;
  const after = getPair(map, 'ports') ?? undefined;
  const edit = insertEntries(ctx.doc, map, entriesOf([field, probeSkeleton(port)]), after ? { after } : {});
  const needle = port.kind === 'tcp' ? 'port: ' : 'path: ';
  const at = edit.text.indexOf(needle);
  const selStart = shiftOffset([edit], edit.start) + at + needle.length;
  const selected = port.kind === 'tcp' ? String(port.ref) : '/';
  return { title, edits: toTextEdits(ctx.doc, [edit]), select: { start: selStart, end: selStart + selected.length } };
}

/**
 * The visitor both "probe missing" rules share: report a container that needs `field` on its
 * name, with the skeleton fix.
 */
export function missingProbeVisitor(field: ProbeField, title: Localized) {
  return (c: ContainerTarget, ctx: RuleContext<{ missing: Message<{ container: string }> }>): void => {
    const port = needsProbe(ctx as RuleContext, c, field);
    if (!port) return;
    const [start, end] = containerSpan(c);
    ctx.report({ messageId: 'missing', args: { container: containerLabel(c) }, start, end, fix: () => probeFix(ctx as RuleContext, c, field, port, title) });
  };
}
