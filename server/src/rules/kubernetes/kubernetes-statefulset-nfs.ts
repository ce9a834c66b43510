// What it does: flags StatefulSet volumeClaimTemplates whose storage is NFS: a storageClassName
//   that says nfs, or a StorageClass (in this file or the workspace) with an NFS provisioner
//   (nfs.csi.k8s.io, nfs-subdir-external-provisioner, nfs-client...; AWS EFS and GCP Filestore
//   are NFS too), including the default StorageClass when the template names none.
// Why: the notes (slurm-notes.md:574-578): PVCs on NFS are very risky for stateful apps:
//   problems with locking and dispatching, it can bring clients to a kernel panic and sends
//   iowait through the roof; it works properly only on pNFS with NetApp Trident (not flagged).
// Example: `volumeClaimTemplates: [{spec: {storageClassName: nfs-client, ...}}]`.
// Fix safety: none (the right storage is a decision, not an edit).
import { Node } from 'yaml';
import { getIn, getNode, getPair, scalarString, seqItems, stringAt } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { templated } from './_template';
import { workspaceIndex } from './_workspace';
import { range } from './_yamlEdit';

const NFS_PROVISIONER = /nfs|^efs\.csi\.aws\.com$|^filestore\.csi\.storage\.gke\.io$/i;

export default defineRule({
  id: 'kubernetes-statefulset-nfs',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.StatefulSet.spec.volumeClaimTemplates',
  docs: 'https://kubernetes.io/docs/concepts/storage/storage-classes/#nfs',
  fixSafety: 'none',
  crossDocument: true,
  description: {
    en: 'StatefulSet volumes on NFS (locking problems, iowait; risky for databases)',
    ru: 'Тома StatefulSet на NFS (проблемы с блокировками, iowait; рискованно для БД)',
  },
  messages: {
    byName: {
      en: (a: { cls: string }) =>
        `Storage class "${a.cls}" looks like NFS. PVCs of a StatefulSet on NFS are risky: locking problems, iowait through the roof, clients up to a kernel panic. Databases, queues and the like want block storage (local volumes, Ceph RBD, cloud disks).`,
      ru: (a: { cls: string }) =>
        `Класс хранения «${a.cls}» похож на NFS. PVC StatefulSet на NFS — это рискованно: проблемы с блокировками, iowait в потолок, вплоть до kernel panic на клиентах. Базам данных, очередям и подобному нужно блочное хранилище (локальные тома, Ceph RBD, облачные диски).`,
    },
    byProvisioner: {
      en: (a: { cls: string; provisioner: string }) =>
        `Storage class "${a.cls}" uses the NFS-based provisioner ${a.provisioner}. PVCs of a StatefulSet on NFS are risky: locking problems, iowait through the roof, clients up to a kernel panic. Databases, queues and the like want block storage.`,
      ru: (a: { cls: string; provisioner: string }) =>
        `Класс хранения «${a.cls}» использует провижинер на базе NFS ${a.provisioner}. PVC StatefulSet на NFS — это рискованно: проблемы с блокировками, iowait в потолок, вплоть до kernel panic на клиентах. Базам данных, очередям и подобному нужно блочное хранилище.`,
    },
    byDefault: {
      en: (a: { cls: string; provisioner: string }) =>
        `This claim names no storage class, so it gets the default one, "${a.cls}", which uses the NFS-based provisioner ${a.provisioner}. PVCs of a StatefulSet on NFS are risky: locking problems, iowait, clients up to a kernel panic.`,
      ru: (a: { cls: string; provisioner: string }) =>
        `У этого шаблона PVC не указан класс хранения, поэтому он получит класс по умолчанию «${a.cls}» с провижинером на базе NFS ${a.provisioner}. PVC StatefulSet на NFS — это рискованно: проблемы с блокировками, iowait, вплоть до kernel panic на клиентах.`,
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['StatefulSet'],
  visit: {
    k8sObject(obj, ctx) {
      const templates = seqItems(getIn(obj.root, ['spec', 'volumeClaimTemplates']));
      if (!templates.length) return;
      const classes = workspaceIndex(ctx).objects.filter((o) => o.object.kind === 'StorageClass');
      const provisionerOf = (name: string) => {
        const sc = classes.find((o) => o.object.name === name);
        return sc ? stringAt(sc.object.root, 'provisioner') : undefined;
      };
      for (const t of templates) {
        const pair = getPair(getNode(t, 'spec'), 'storageClassName');
        if (pair) {
          const node = pair.value as Node;
          const cls = scalarString(node);
          if (!cls || templated(ctx.doc, node)) continue;
          const r = range(node)!;
          const provisioner = provisionerOf(cls);
          if (provisioner && /trident/i.test(provisioner)) continue;
          if (provisioner && NFS_PROVISIONER.test(provisioner)) ctx.report({ messageId: 'byProvisioner', args: { cls, provisioner }, start: r[0], end: r[1] });
          else if (/nfs/i.test(cls)) ctx.report({ messageId: 'byName', args: { cls }, start: r[0], end: r[1] });
          continue;
        }
        const def = classes.find((o) => stringAt(getNode(getNode(o.object.root, 'metadata'), 'annotations'), 'storageclass.kubernetes.io/is-default-class') === 'true');
        const provisioner = def && stringAt(def.object.root, 'provisioner');
        if (!def || !provisioner || !NFS_PROVISIONER.test(provisioner) || /trident/i.test(provisioner)) continue;
        const nameNode = getIn(t, ['metadata', 'name']);
        const r = range(nameNode) ?? range(t)!;
        ctx.report({ messageId: 'byDefault', args: { cls: def.object.name ?? '', provisioner }, start: r[0], end: r[1] });
      }
    },
  },
});
