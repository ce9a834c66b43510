// Diagnostics time of every rule on generated multi-document manifests (10,000 and 50,000
// lines of Deployments, Services, Ingresses, CronJobs, Secrets, RBAC...), and re-diagnosis
// after a one-character edit: a new OpsDocument for the new text, as the server makes for every
// version (it hands over the previous version, whose unchanged YAML documents are reused;
// classification, targets and every rule run anew).
import type { Bench } from './bench';
import { percentile, timeRuns } from './bench';
import { OpsDocument } from '../../server/src/documents/document';
import { runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import { targetsOf } from '../../server/src/rules/targets';

function app(i: number): string {
  const name = `svc-${i}`;
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: team-${i % 7}
  labels: {app: ${name}}
spec:
  replicas: 2
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}, tier: backend}
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1.${i % 10}.0
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: DB_HOST
              value: postgres.team-${i % 7}.svc
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: ${name}, key: db-password}
          readinessProbe:
            httpGet: {path: /ready, port: http}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
          volumeMounts:
            - {name: config, mountPath: /etc/app}
      volumes:
        - name: config
          configMap: {name: ${name}}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: team-${i % 7}
spec:
  selector: {app: ${i % 5 === 0 ? name + '-typo' : name}}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: team-${i % 7}
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "a,b,c"
---
apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  namespace: team-${i % 7}
data:
  db-password: ${i % 9 === 0 ? 'plain-text' : 'aHVudGVyMg=='}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: team-${i % 7}
spec:
  ingressClassName: nginx
  tls: [{hosts: [${name}.example.com], secretName: ${name}-tls}]
  rules:
    - host: ${name}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: ${name}, port: {name: http}}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}-cleanup
  namespace: team-${i % 7}
spec:
  schedule: "*/30 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: registry.example.com/cleanup:1.0
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${name}
  namespace: team-${i % 7}
rules:
  - apiGroups: ["", apps]
    resources: [pods, configmaps, deployments]
    verbs: [get, list, watch]
`;
}

/** A manifest of about `lines` lines. */
export function manifest(lines: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const a = app(i);
    parts.push(a);
    n += a.split('\n').length - 1;
  }
  return parts.join('');
}

function open(text: string, version: number, previous?: OpsDocument): OpsDocument {
  return new OpsDocument({ uri: 'file:///bench/all.yaml', path: '/bench/all.yaml', languageId: 'yaml', version, text, previous });
}

function diagnose(text: string, version: number): number {
  return runRules(open(text, version), RULES, { budgetMs: 60000 }).length;
}

export default async function (b: Bench): Promise<void> {
  b.section('Kubernetes rules (parse + classify + every rule, one multi-document manifest)');
  for (const [lines, target, runs] of [
    [10000, '< 100 ms', 15],
    [50000, '< 500 ms', 5],
  ] as const) {
    const text = manifest(lines);
    const count = diagnose(text, 0); // warm-up (JIT)
    const samples = timeRuns(runs, (i) => diagnose(text, i + 1));
    b.figure(`${text.split('\n').length} lines, ${count} findings: median of ${runs}`, percentile(samples, 50), 'ms', target);
  }
  const text = manifest(10000);
  const at = text.indexOf('LOG_LEVEL: info') + 'LOG_LEVEL: '.length;
  let version = 100;
  let current = open(text, version++);
  runRules(current, RULES, { budgetMs: 60000 });
  let typed = '';
  const edits = timeRuns(15, (i) => {
    // One more character typed: the server makes a new document from the previous version.
    typed += String.fromCharCode(97 + (i % 26));
    current = open(text.slice(0, at) + typed + text.slice(at), version++, current);
    runRules(current, RULES, { budgetMs: 60000 });
  });
  b.figure('10,000 lines: re-diagnose after a one-character edit (median)', percentile(edits, 50), 'ms', '< 30 ms');
  const reparse = timeRuns(15, (i) => {
    typed += String.fromCharCode(97 + (i % 26));
    current = open(text.slice(0, at) + typed + text.slice(at), version++, current);
    void current.kind;
  });
  b.figure('  of which: parse (unchanged documents reused) + classify', percentile(reparse, 50), 'ms');
  // Where the time goes, phase by phase on fresh documents of the 10,000-line text.
  const phases = { parse: [] as number[], targets: [] as number[], rules: [] as number[] };
  for (let i = 0; i < 15; i++) {
    const doc = new OpsDocument({ uri: 'file:///bench/all.yaml', path: '/bench/all.yaml', languageId: 'yaml', version: 1000 + i, text });
    const t0 = process.hrtime.bigint();
    void doc.kind; // yaml parse of every document + classification
    const t1 = process.hrtime.bigint();
    targetsOf(doc); // objects, pod specs, containers: computed once, shared by all rules
    const t2 = process.hrtime.bigint();
    runRules(doc, RULES, { budgetMs: 60000 });
    const t3 = process.hrtime.bigint();
    phases.parse.push(Number(t1 - t0) / 1e6);
    phases.targets.push(Number(t2 - t1) / 1e6);
    phases.rules.push(Number(t3 - t2) / 1e6);
  }
  b.figure('10,000 lines, of which: yaml parse + classify (median)', percentile(phases.parse, 50), 'ms');
  b.figure('10,000 lines, of which: rule targets (median)', percentile(phases.targets, 50), 'ms');
  b.figure('10,000 lines, of which: all rules + findings (median)', percentile(phases.rules, 50), 'ms');
}
