// What it does: checks that healthcheck interval / timeout / start_period / start_interval are
//   Compose durations: `{value}{unit}` with us, ms, s, m, h, combinable (`1m30s`).
// Why: the notes' healthcheck (slurm-notes.md:90-96) repeats the command "with the right
//   interval, after the right timeout"; Compose reads these with Go's duration syntax, so a bare
//   number (`interval: 30`) or a word unit (`10sec`) makes the whole file fail to load
//   (compose-spec 11-extension.md "Specifying durations").
// Example: `interval: 30` -> `interval: 30s`; `timeout: 5 sec` -> `timeout: 5s`.
// Fix safety: safe for a unit written another way (`10S`, `5 sec`, `2min`); suggestion for a
//   bare number, read as seconds.
import { Scalar } from 'yaml';
import { composeModel, fieldOf, isComposeDuration, isInterpolated } from '../../documents/compose';
import { isScalar, nodeRange } from '../../documents/yaml';
import { defineRule, Fix, RuleContext } from '../types';
import { usedHealthchecks } from './_healthcheck';

const FIELDS = ['interval', 'timeout', 'start_period', 'start_interval'];

// Unit spellings people write, mapped to Go's; matched on the token after the number.
const UNIT_WORDS: Record<string, string> = {
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  ms: 'ms', msec: 'ms', msecs: 'ms', millisecond: 'ms', milliseconds: 'ms',
  us: 'us',
};

interface Args {
  field: string;
  value: string;
}

const messages = {
  notDuration: {
    en: (a: Args) => `\`${a.field}: ${a.value}\` is not a Compose duration: write a number with a unit (us, ms, s, m, h), e.g. \`10s\` or \`1m30s\`. Compose refuses to load the file otherwise.`,
    ru: (a: Args) => `\`${a.field}: ${a.value}\` — не длительность Compose: нужно число с единицей (us, ms, s, m, h), например \`10s\` или \`1m30s\`. Иначе Compose не загрузит файл.`,
  },
  bareNumber: {
    en: (a: Args) => `\`${a.field}: ${a.value}\` has no unit: Compose durations need one (us, ms, s, m, h), e.g. \`${a.value}s\`. Compose refuses to load the file otherwise.`,
    ru: (a: Args) => `У \`${a.field}: ${a.value}\` нет единицы измерения: длительности Compose пишутся с ней (us, ms, s, m, h), например \`${a.value}s\`. Иначе Compose не загрузит файл.`,
  },
};

export default defineRule({
  id: 'compose-healthcheck-duration-invalid',
  family: 'compose',
  severity: 'error',
  key: 'compose.service.healthcheck.interval',
  docs: 'https://docs.docker.com/reference/compose-file/services/#healthcheck',
  fixSafety: 'safe',
  description: {
    en: 'healthcheck interval / timeout / start_period is not a Compose duration',
    ru: 'interval / timeout / start_period в healthcheck — не длительность Compose',
  },
  messages,
  kinds: ['compose'],
  visit: {
    composeFile(_root, ctx) {
      const model = composeModel(ctx.doc);
      if (!model) return;
      for (const hc of usedHealthchecks(model)) {
        for (const field of FIELDS) {
          const f = fieldOf(model, hc.node, field);
          if (!f || f === 'unknown' || !isScalar(f.value)) continue;
          check(field, f.value, ctx);
        }
      }
    },
  },
});

function check(field: string, node: Scalar, ctx: RuleContext<typeof messages>): void {
  const r = nodeRange(node);
  if (!r || node.value === null || node.value === undefined) return;
  if (typeof node.value === 'number') {
    const value = ctx.doc.text.slice(r[0], r[1]);
    if (!/^\d+(?:\.\d+)?$/.test(value)) return ctx.report({ messageId: 'notDuration', args: { field, value }, start: r[0], end: r[1] });
    return ctx.report({ messageId: 'bareNumber', args: { field, value }, start: r[0], end: r[1], fix: () => replace(ctx, r, `${value}s`, 'suggestion') });
  }
  if (typeof node.value !== 'string') return ctx.report({ messageId: 'notDuration', args: { field, value: String(node.value) }, start: r[0], end: r[1] });
  const value = node.value.trim();
  if (value === '' || isInterpolated(value) || isComposeDuration(value)) return;
  const m = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/.exec(value);
  const unit = m ? UNIT_WORDS[m[2].toLowerCase()] : undefined;
  const bare = /^\d+(?:\.\d+)?$/.test(value);
  if (bare) return ctx.report({ messageId: 'bareNumber', args: { field, value }, start: r[0], end: r[1], fix: () => replace(ctx, r, quoteLike(node, `${value}s`), 'suggestion') });
  ctx.report({
    messageId: 'notDuration',
    args: { field, value },
    start: r[0],
    end: r[1],
    fix: m && unit ? () => replace(ctx, r, quoteLike(node, `${m[1]}${unit}`), 'safe') : undefined,
  });
}

function quoteLike(node: Scalar, value: string): string {
  if (node.type === 'QUOTE_DOUBLE') return `"${value}"`;
  if (node.type === 'QUOTE_SINGLE') return `'${value}'`;
  return value;
}

function replace(ctx: RuleContext, r: [number, number], newText: string, safety: 'safe' | 'suggestion'): Fix {
  return {
    title: { en: `Write ${newText.replace(/["']/g, '')}`, ru: `Написать ${newText.replace(/["']/g, '')}` },
    edits: [{ range: ctx.doc.rangeOf(r[0], r[1]), newText }],
    safety,
  };
}
