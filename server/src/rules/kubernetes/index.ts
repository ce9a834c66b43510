// The kubernetes rules. Explicit, sorted list: a rule not listed here does not run.
import { Rule } from '../types';
import cronjobConcurrencyPolicy from './kubernetes-cronjob-concurrency-policy';
import cronjobStartingDeadline from './kubernetes-cronjob-starting-deadline';
import daemonsetReplicas from './kubernetes-daemonset-replicas';
import hostPathVolume from './kubernetes-host-path-volume';
import ingressClassAnnotation from './kubernetes-ingress-class-annotation';
import ingressServiceMissing from './kubernetes-ingress-service-missing';
import ingressTlsNoSecret from './kubernetes-ingress-tls-no-secret';
import jobDeadlineMissing from './kubernetes-job-deadline-missing';
import limitsBelowRequests from './kubernetes-limits-below-requests';
import livenessProbeMissing from './kubernetes-liveness-probe-missing';
import podMatchesController from './kubernetes-pod-matches-controller';
import probeSuccessThreshold from './kubernetes-probe-success-threshold';
import rbacApiGroupMismatch from './kubernetes-rbac-api-group-mismatch';
import rbacClusterAdminBinding from './kubernetes-rbac-cluster-admin-binding';
import rbacWildcard from './kubernetes-rbac-wildcard';
import readinessProbeMissing from './kubernetes-readiness-probe-missing';
import removedApiVersion from './kubernetes-removed-api-version';
import resourcesMissing from './kubernetes-resources-missing';
import rollingUpdateZero from './kubernetes-rolling-update-zero';
import secretInEnv from './kubernetes-secret-in-env';
import secretInvalidBase64 from './kubernetes-secret-invalid-base64';
import secretTypeKeys from './kubernetes-secret-type-keys';
import serviceSelectorNoMatch from './kubernetes-service-selector-no-match';
import statefulsetNfs from './kubernetes-statefulset-nfs';
import volumeMountMissingVolume from './kubernetes-volume-mount-missing-volume';
import volumeUnused from './kubernetes-volume-unused';

export const kubernetesRules: Rule[] = [
  cronjobConcurrencyPolicy as Rule,
  cronjobStartingDeadline as Rule,
  daemonsetReplicas as Rule,
  hostPathVolume as Rule,
  ingressClassAnnotation as Rule,
  ingressServiceMissing as Rule,
  ingressTlsNoSecret as Rule,
  jobDeadlineMissing as Rule,
  limitsBelowRequests as Rule,
  livenessProbeMissing as Rule,
  podMatchesController as Rule,
  probeSuccessThreshold as Rule,
  rbacApiGroupMismatch as Rule,
  rbacClusterAdminBinding as Rule,
  rbacWildcard as Rule,
  readinessProbeMissing as Rule,
  removedApiVersion as Rule,
  resourcesMissing as Rule,
  rollingUpdateZero as Rule,
  secretInEnv as Rule,
  secretInvalidBase64 as Rule,
  secretTypeKeys as Rule,
  serviceSelectorNoMatch as Rule,
  statefulsetNfs as Rule,
  volumeMountMissingVolume as Rule,
  volumeUnused as Rule,
];
