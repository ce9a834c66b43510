// What it does: flags hostPath volumes. In a DaemonSet (node agents: log shippers, CNI and CSI
//   plugins legitimately read node files) only the node's root, /etc, /root and the kubelet's
//   and Kubernetes' own directories, mounted writable, are flagged. Objects in kube-system
//   (static pods of the control plane) are not checked.
// Why: the notes (slurm-notes.md:563-564): hostPath is unsafe (through it a pod can carry off
//   the node's root with all its certificates); a local PersistentVolume is the alternative.
//   A hostPath pod also sees different files on every node it lands on.
// Example: `volumes: [{name: data, hostPath: {path: /data}}]` in a Deployment.
// Fix safety: none (a local PersistentVolume needs a StorageClass, a PV per node and a claim).
import { Node } from 'yaml';
import { getNode, isMap, scalarString, seqItems, stringAt } from '../../documents/yaml';
import { defineRule } from '../types';
import { containersOf } from '../../documents/kubernetes';
import { MANIFEST_KINDS } from './_k8s';
import { templated } from './_template';
import { range } from './_yamlEdit';

const RUNTIME_SOCKET = /\/(?:docker|containerd|crio|cri-dockerd)\.sock$/;
// Paths whose write access on a node is full control of it.
const NODE_CRITICAL = /^\/(?:|etc|root|etc\/kubernetes(?:\/.*)?|var\/lib\/kubelet(?:\/pki)?|var\/lib\/etcd)$/;

export default defineRule({
  id: 'kubernetes-host-path-volume',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.volume.hostPath',
  docs: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  fixSafety: 'none',
  description: {
    en: 'A hostPath volume (unsafe; a local PersistentVolume is the alternative)',
    ru: 'Том hostPath (небезопасно; альтернатива — локальный PersistentVolume)',
  },
  messages: {
    hostPath: {
      en: (a: { path: string }) =>
        `hostPath ${a.path} gives the pod the node's own files: a compromised or careless pod can read or change them (the node's certificates included), and the data differs on every node the pod lands on. For data use a local PersistentVolume (or a network volume).`,
      ru: (a: { path: string }) =>
        `hostPath ${a.path} даёт поду собственные файлы узла: взломанный или неаккуратный под может их прочитать или изменить (включая сертификаты узла), а на каждом узле, куда попадёт под, данные будут свои. Для данных используйте локальный PersistentVolume (или сетевой том).`,
    },
    runtimeSocket: {
      en: (a: { path: string }) =>
        `hostPath ${a.path} hands the pod the node's container runtime: whoever controls the pod can start privileged containers on the node, which is root on it. Avoid it; image builds have rootless tools (BuildKit, Kaniko).`,
      ru: (a: { path: string }) =>
        `hostPath ${a.path} отдаёт поду среду выполнения контейнеров узла: кто управляет подом, может запускать на узле привилегированные контейнеры, то есть получает root на нём. Избегайте этого; для сборки образов есть инструменты без root (BuildKit, Kaniko).`,
    },
    daemonSetCritical: {
      en: (a: { path: string }) =>
        `hostPath ${a.path} is mounted writable: this DaemonSet can change the node's system or Kubernetes files (certificates included) on every node. Mount only the directories the agent needs, with readOnly: true where it only reads.`,
      ru: (a: { path: string }) =>
        `hostPath ${a.path} смонтирован на запись: этот DaemonSet может менять системные файлы и файлы Kubernetes (включая сертификаты) на каждом узле. Монтируйте только нужные агенту каталоги, а те, что он только читает, — с readOnly: true.`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    podSpec(pod, ctx) {
      if (stringAt(getNode(pod.object.root, 'metadata'), 'namespace') === 'kube-system') return;
      const daemon = pod.object.kind === 'DaemonSet';
      for (const v of seqItems(getNode(pod.spec, 'volumes'))) {
        const hostPath = getNode(v, 'hostPath');
        if (!hostPath) continue;
        const pathNode = getNode(hostPath, 'path') as Node | undefined;
        const p = scalarString(pathNode);
        const shown = p && !templated(ctx.doc, pathNode) ? p : '';
        if (daemon) {
          if (!shown || !NODE_CRITICAL.test(shown.replace(/\/+$/, '') || '/')) continue;
          if (!mountedWritable(pod.spec, stringAt(v, 'name'))) continue;
        }
        const key = isMap(v) ? v.items.find((i) => scalarString(i.key) === 'hostPath')?.key : undefined;
        const r = range(key as Node)!;
        const messageId = daemon ? 'daemonSetCritical' : RUNTIME_SOCKET.test(shown) ? 'runtimeSocket' : 'hostPath';
        ctx.report({ messageId, args: { path: shown || '{{ }}' }, start: r[0], end: r[1] });
      }
    },
  },
});

function mountedWritable(spec: unknown, name: string | undefined): boolean {
  if (!name) return false;
  for (const c of containersOf(spec)) {
    for (const m of seqItems(getNode(c.node, 'volumeMounts'))) {
      if (stringAt(m, 'name') === name && scalarString(getNode(m, 'readOnly')) !== 'true') return true;
    }
  }
  return false;
}
