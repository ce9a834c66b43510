// What it does: flags a pod volume that no container (init containers included) mounts.
// Why: the notes (slurm-notes.md:333-335): a volume on the pod does nothing until a container's
//   volumeMounts names it; an unmounted volume is usually a renamed mount or a leftover, and a
//   ConfigMap or Secret volume still has to exist for the pod to start.
// Example: `volumes: [{name: cache, emptyDir: {}}]` with no `volumeMounts` naming `cache`.
// Fix safety: suggestion: removes the volume entry.
import { isSeq } from '../../documents/yaml';
import { getNode } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { podVolumes } from './_volumes';
import { range, removeSeqItem, toTextEdits } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-volume-unused',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.pod.volumes',
  docs: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  fixSafety: 'suggestion',
  description: {
    en: 'A pod volume is not mounted by any container',
    ru: 'Том пода не смонтирован ни в один контейнер',
  },
  messages: {
    unused: {
      en: (a: { name: string }) => `Volume "${a.name}" is not mounted by any container of the pod: no volumeMounts (or volumeDevices) entry names it. A renamed mount, or a leftover?`,
      ru: (a: { name: string }) => `Том «${a.name}» не смонтирован ни в один контейнер пода: ни одна запись volumeMounts (или volumeDevices) на него не ссылается. Переименовали монтирование или том остался лишним?`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    podSpec(pod, ctx) {
      const pv = podVolumes(ctx.doc, pod);
      if (pv.mountsUnknown || pv.volumesUnknown) return;
      const seq = getNode(pod.spec, 'volumes');
      for (const v of pv.volumes) {
        if (pv.mounted.has(v.name)) continue;
        const r = range(v.nameNode)!;
        ctx.report({
          messageId: 'unused',
          args: { name: v.name },
          start: r[0],
          end: r[1],
          fix: () => {
            const edit = isSeq(seq) ? removeSeqItem(ctx.doc, seq, v.item) : undefined;
            return edit ? { title: { en: `Remove volume ${v.name}`, ru: `Удалить том ${v.name}` }, edits: toTextEdits(ctx.doc, [edit]) } : undefined;
          },
        });
      }
    },
  },
});
