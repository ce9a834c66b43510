// What it does: flags a container of a Deployment, StatefulSet, DaemonSet or ReplicaSet that
//   serves a TCP port and has no livenessProbe.
// Why: the notes (slurm-notes.md:307): the liveness probe watches the app while it runs and
//   restarts it when the check fails; without one a hung process that does not exit stays hung.
// Severity: information, not warning. Kubernetes' own guidance is that a process that crashes
//   on its own when unhealthy does not need one, and a careless liveness probe restarts
//   healthy-but-slow pods under load: like wrong limits in the notes (slurm-notes.md:316), a
//   wrong probe is worse than none. Readiness (the traffic side) is the warning.
// Example: `- name: web` with `ports: [{containerPort: 8080}]` and no livenessProbe.
// Fix safety: suggestion. The skeleton must point at a check that fails only when a restart helps.
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { missingProbeVisitor } from './_probe';

export default defineRule({
  id: 'kubernetes-liveness-probe-missing',
  family: 'kubernetes',
  severity: 'information',
  key: 'k8s.container.livenessProbe',
  docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-http-request',
  fixSafety: 'suggestion',
  description: {
    en: 'A long-running container that serves a port has no livenessProbe',
    ru: 'У долгоживущего контейнера с портом нет livenessProbe',
  },
  messages: {
    missing: {
      en: (a: { container: string }) =>
        `Container "${a.container}" has no livenessProbe: if the app hangs without exiting, Kubernetes does not restart it. Most apps can use the same check as for readiness.`,
      ru: (a: { container: string }) =>
        `У контейнера «${a.container}» нет livenessProbe: если приложение зависнет, не завершившись, Kubernetes его не перезапустит. Обычно подходит та же проверка, что и для readiness.`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    container: missingProbeVisitor('livenessProbe', { en: 'Add a livenessProbe skeleton', ru: 'Добавить заготовку livenessProbe' }),
  },
});
