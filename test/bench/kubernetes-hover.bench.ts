// Kubernetes hovers on a large file: classify+parse of a 10,000-line multi-document manifest
// and hover latency p50/p95 over 1,000 positions in it (issue 4: p95 under 5 ms).
import type { Bench } from './bench';
import { percentile, timeRuns } from './bench';
import { OpsDocument } from '../../server/src/documents/document';
import { computeHover } from '../../server/src/features/hover';
import { loadKnowledge } from '../../server/src/knowledge/load';

/** One Deployment + Service pair (about 70 lines), numbered. */
function pair(i: number): string {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  labels:
    app: svc-${i}
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: svc-${i}
  template:
    metadata:
      labels:
        app: svc-${i}
    spec:
      containers:
        - name: app
          image: registry.example.com/svc-${i}:1.${i}.0
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: svc-${i}-db
                  key: password
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 200m
              memory: 128Mi
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
          volumeMounts:
            - name: config
              mountPath: /etc/app
      volumes:
        - name: config
          configMap:
            name: svc-${i}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
spec:
  type: ClusterIP
  selector:
    app: svc-${i}
  ports:
    - port: 80
      targetPort: 8080
`;
}

export function manifest(lines: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const p = pair(i);
    parts.push(p);
    n += p.split('\n').length - 1;
  }
  return parts.join('');
}

export default async function (b: Bench): Promise<void> {
  b.section('Kubernetes hover (10,000-line multi-document manifest)');
  const { kb } = loadKnowledge({ bundled: true });
  const text = manifest(10_000);
  const open = () => {
    const doc = new OpsDocument({ uri: 'file:///bench/all.yaml', path: '/bench/all.yaml', text, languageId: 'yaml' });
    void doc.classification;
    return doc;
  };
  open(); // warm up the parser and the regex caches
  const parse = timeRuns(5, () => open());
  b.figure(`classify+parse (${text.split('\n').length} lines, median of 5)`, percentile(parse, 50), 'ms');
  const doc = open();
  // 1,000 cursor positions: word starts spread evenly over the file.
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (/\w/.test(text[i]) && (i === 0 || !/\w/.test(text[i - 1]))) starts.push(i);
  const positions = Array.from({ length: 1000 }, (_, k) => starts[Math.floor((k * starts.length) / 1000)]);
  for (const p of positions.slice(0, 50)) computeHover(doc, p, kb, 'ru');
  let hovers = 0;
  const samples = timeRuns(positions.length, (k) => {
    if (computeHover(doc, positions[k], kb, k % 2 ? 'en' : 'ru')) hovers++;
  });
  b.figure(`hover p50 (1,000 positions, ${hovers} with a hover)`, percentile(samples, 50), 'ms');
  b.figure('hover p95', percentile(samples, 95), 'ms', '< 5 ms');
}
