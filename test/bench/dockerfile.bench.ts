// Dockerfile figures: parse, all rules on a generated 5,000-line Dockerfile (target < 50 ms),
// and hover latency over 1,000 positions in it.
import { OpsDocument } from '../../server/src/documents/document';
import { computeHover } from '../../server/src/features/hover';
import { loadKnowledge } from '../../server/src/knowledge/load';
import { runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import type { Bench } from './bench';
import { percentile, timeRuns } from './bench';

/** Realistic stages (multi-line RUNs, heredocs, exec and shell forms) repeated to `lines`. */
export function generateDockerfile(lines: number): string {
  const stage = (i: number) => [
    `FROM python:3.12-slim AS stage${i}`,
    `ARG BUILD_PACKAGES="build-essential libpq-dev"`,
    `ENV PIP_DISABLE_PIP_VERSION_CHECK=1`,
    `RUN set -ex \\`,
    ` && apt-get update \\`,
    ` && apt-get install -y --no-install-recommends \\`,
    `      ca-certificates curl git \\`,
    `      \${BUILD_PACKAGES} \\`,
    ` && rm -rf /var/lib/apt/lists/*`,
    `WORKDIR /app${i}`,
    `COPY requirements.txt .`,
    `RUN pip install -r requirements.txt`,
    `RUN apk add --no-cache tzdata && apk upgrade`,
    `RUN <<EOF`,
    `set -eux`,
    `useradd --create-home app${i}`,
    `npm ci --omit=dev`,
    `EOF`,
    `COPY --chown=app:app . /app${i}`,
    `RUN ln -sf /dev/stdout /var/log/app.log && ln -sf /dev/stderr /var/log/app.err`,
    `# stage ${i} done`,
    `EXPOSE 80${i % 10}`,
    `CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi:application"]`,
    '',
  ];
  const out: string[] = ['# syntax=docker/dockerfile:1'];
  for (let i = 0; out.length < lines; i++) out.push(...stage(i));
  return out.slice(0, lines).join('\n') + '\n';
}

export default async function (b: Bench): Promise<void> {
  b.section('Dockerfile (generated, 5,000 lines)');
  const text = generateDockerfile(5000);
  const make = () => new OpsDocument({ uri: 'file:///bench/Dockerfile', path: '/bench/Dockerfile', text, languageId: 'dockerfile' });
  const parse = timeRuns(10, () => void make().dockerfile);
  b.figure('classify + parse (median of 10)', percentile(parse, 50), 'ms');
  make().dockerfile;
  let findings = 0;
  const diag = timeRuns(10, () => {
    const doc = make();
    void doc.dockerfile;
    findings = runRules(doc, RULES, { budgetMs: 10000 }).length;
  });
  b.figure(`diagnostics incl. parse (median of 10; ${findings} findings)`, percentile(diag, 50), 'ms');
  const doc = make();
  void doc.dockerfile;
  // Diagnostics of a version already parsed for hover (the model is built once per version).
  const rules = timeRuns(10, () => void runRules(doc, RULES, { budgetMs: 10000 }));
  b.figure('diagnostics, all rules on the parsed document (median of 10)', percentile(rules, 50), 'ms', '< 50 ms');
  const { kb } = loadKnowledge({ bundled: true });
  const offsets: number[] = [];
  for (let i = 0; i < 1000; i++) offsets.push(Math.floor((i * 7919) % text.length));
  computeHover(doc, offsets[0], kb, 'ru');
  const hovers = timeRuns(offsets.length, (i) => void computeHover(doc, offsets[i], kb, 'ru'));
  b.figure('hover p50 (1,000 positions)', percentile(hovers, 50), 'ms');
  b.figure('hover p95', percentile(hovers, 95), 'ms', '< 5 ms');
}
