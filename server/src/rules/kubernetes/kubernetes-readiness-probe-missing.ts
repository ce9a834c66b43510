// What it does: flags a container of a Deployment, StatefulSet, DaemonSet or ReplicaSet that
//   serves a TCP port and has no readinessProbe.
// Why: the notes (slurm-notes.md:308, 360): a readiness probe decides whether the pod gets
//   traffic; a pod that fails it leaves the Service's endpoints. Without one, the pod is in
//   balancing from the moment the container starts, before the app listens.
// Severity: warning (kube-score, Polaris warn too): traffic to an unready pod is a user-visible
//   failure on every rollout. Jobs, CronJobs, bare Pods and init containers are not checked.
// Example: `- name: web` with `ports: [{containerPort: 8080}]` and no readinessProbe.
// Fix safety: suggestion. The skeleton (httpGet `/` on the first port, or tcpSocket for ports
//   that do not look like HTTP) must be adapted to the app's real health endpoint.
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { missingProbeVisitor } from './_probe';

export default defineRule({
  id: 'kubernetes-readiness-probe-missing',
  family: 'kubernetes',
  severity: 'warning',
  key: 'k8s.container.readinessProbe',
  docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes',
  fixSafety: 'suggestion',
  description: {
    en: 'A long-running container that serves a port has no readinessProbe',
    ru: 'У долгоживущего контейнера с портом нет readinessProbe',
  },
  messages: {
    missing: {
      en: (a: { container: string }) =>
        `Container "${a.container}" has no readinessProbe: the pod gets Service traffic as soon as the container starts, before the app is ready, and stays in balancing if the app hangs.`,
      ru: (a: { container: string }) =>
        `У контейнера «${a.container}» нет readinessProbe: под получает трафик сервиса сразу после старта контейнера, ещё до готовности приложения, и остаётся в балансировке, если приложение зависнет.`,
    },
  },
  kinds: MANIFEST_KINDS,
  visit: {
    container: missingProbeVisitor('readinessProbe', { en: 'Add a readinessProbe skeleton', ru: 'Добавить заготовку readinessProbe' }),
  },
});
