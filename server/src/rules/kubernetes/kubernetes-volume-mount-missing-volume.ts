// What it does: flags a volumeMounts entry whose name matches no volume of the pod (nor, in a
//   StatefulSet, a volumeClaimTemplate), in containers and init containers alike.
// Why: the notes (slurm-notes.md:333-335): volumeMounts live on the container, volumes on the
//   pod, and they meet by name; a mount of a name the pod does not declare is rejected by the
//   API server ("volumeMounts[0].name: Not found").
// Example: `volumeMounts: [{name: config, mountPath: /etc/app}]` with `volumes: [{name: app-config, ...}]`.
// Fix safety: none (the author knows which of the two names is wrong).
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { podVolumes } from './_volumes';
import { range } from './_yamlEdit';

export default defineRule({
  id: 'kubernetes-volume-mount-missing-volume',
  family: 'kubernetes',
  severity: 'error',
  key: 'k8s.container.volumeMounts',
  docs: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  fixSafety: 'none',
  description: {
    en: 'A volumeMount names a volume the pod does not declare',
    ru: 'volumeMount ссылается на том, которого нет в поде',
  },
  messages: {
    noVolume: {
      en: (a: { name: string; known: string }) => `No volume named "${a.name}" in this pod (it has: ${a.known}): volumeMounts refer to the pod's volumes by name, and the API server rejects the pod.`,
      ru: (a: { name: string; known: string }) => `В этом поде нет тома «${a.name}» (есть: ${a.known}): volumeMounts ссылаются на тома пода по имени, и API-сервер такой под отклонит.`,
    },
    noVolumes: {
      en: (a: { name: string }) => `This pod declares no volumes, so there is no "${a.name}" to mount: volumeMounts refer to the pod's volumes by name, and the API server rejects the pod.`,
      ru: (a: { name: string }) => `В этом поде вообще нет томов, и монтировать «${a.name}» нечего: volumeMounts ссылаются на тома пода по имени, и API-сервер такой под отклонит.`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    podSpec(pod, ctx) {
      const pv = podVolumes(ctx.doc, pod);
      if (pv.volumesUnknown) return;
      const names = new Set([...pv.volumes, ...pv.claimTemplates].map((v) => v.name));
      const known = [...names].join(', ');
      for (const m of pv.mounts) {
        if (names.has(m.name)) continue;
        const r = range(m.nameNode)!;
        if (known) ctx.report({ messageId: 'noVolume', args: { name: m.name, known }, start: r[0], end: r[1] });
        else ctx.report({ messageId: 'noVolumes', args: { name: m.name }, start: r[0], end: r[1] });
      }
    },
  },
});
