// Compose: diagnostics time for a generated 2,000-line compose file (target under 50 ms) and
// hover latency p50/p95 over positions in it. Figures only; no timed assertions.
import type { Bench } from './bench';
import { percentile, timeRuns } from './bench';
import { OpsDocument } from '../../server/src/documents/document';
import { computeHover } from '../../server/src/features/hover';
import { loadKnowledge } from '../../server/src/knowledge/load';
import { runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';

/** A realistic file: x- anchors, services with healthchecks, long and short depends_on, logging. */
export function generateCompose(targetLines: number): string {
  const out = [
    'version: "3.8"',
    'x-logging: &logging',
    '  driver: json-file',
    '  options:',
    '    max-size: "10m"',
    'x-healthcheck: &healthcheck',
    '  interval: 10s',
    '  timeout: 5s',
    '  retries: 5',
    'services:',
  ];
  for (let i = 0; out.length < targetLines; i++) {
    out.push(
      `  svc-${i}:`,
      `    image: ghcr.io/acme/svc-${i}:\${TAG:-1.${i}}`,
      '    restart: unless-stopped',
      '    logging: *logging',
      '    environment:',
      `      SERVICE_NAME: svc-${i}`,
      `      UPSTREAM: http://svc-${Math.max(0, i - 1)}:8080`,
      '    ports:',
      `      - "${10000 + i}:8080"`,
      '    depends_on:',
    );
    if (i % 2 === 0) out.push(`      svc-${Math.max(0, i - 1)}:`, '        condition: service_healthy');
    else out.push(`      - svc-${i - 1}`);
    if (i % 7 === 3) out.push('    logging:', '      driver: journald');
    if (i % 5 !== 4) out.push('    healthcheck:', '      <<: *healthcheck', `      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]`);
  }
  return out.join('\n') + '\n';
}

export default async function (b: Bench): Promise<void> {
  b.section('Compose (2,000-line generated file)');
  const text = generateCompose(2000);
  const { kb } = loadKnowledge({ bundled: true });
  const make = () => new OpsDocument({ uri: 'file:///bench/docker-compose.yml', text, languageId: 'dockercompose' });
  // Warm-up: JIT and the knowledge base.
  for (let i = 0; i < 3; i++) runRules(make(), RULES);
  let findings = 0;
  const full = timeRuns(20, () => {
    findings = runRules(make(), RULES).length;
  });
  b.figure(`classify + parse + diagnostics (${findings} findings), median of 20`, percentile(full, 50), 'ms', '< 50 ms');
  b.figure('classify + parse + diagnostics, best of 20', Math.min(...full), 'ms');
  // The rules alone, on a document already classified and parsed (what a re-lint after a
  // settings change costs; parsing is shared with hover and every other family).
  const parsed = make();
  void parsed.kind;
  const rulesOnly = timeRuns(20, () => runRules(parsed, RULES));
  b.figure('diagnostics on the parsed document, median of 20', percentile(rulesOnly, 50), 'ms');
  const doc = make();
  void doc.kind;
  const offsets: number[] = [];
  for (let i = 0; i < 1000; i++) offsets.push(Math.floor((i * 7919) % text.length));
  computeHover(doc, offsets[0], kb, 'ru');
  let found = 0;
  const hover = timeRuns(offsets.length, (i) => {
    if (computeHover(doc, offsets[i], kb, 'ru')) found++;
  });
  b.figure(`hover p50 (1,000 positions, ${found} with a note)`, percentile(hover, 50), 'ms');
  b.figure('hover p95', percentile(hover, 95), 'ms', '< 5 ms');
}
