// The rules engine: dispatches each rule to the nodes it declares, isolates a rule that throws
// (logged once, the others still run) and stops calling a rule that exceeds its time budget.
import { Localized } from '../i18n/language';
import { OpsDocument } from '../documents/document';
import { Range } from '../util/text';
import { applySuppressions } from './suppression';
import { targetsOf } from './targets';
import { Fix, FixSafety, Messages, Report, Rule, RuleContext, Severity } from './types';
import { EMPTY_WORKSPACE, WorkspaceView } from './workspace';

export interface Finding {
  ruleId: string;
  messageId: string;
  message: Localized;
  severity: Severity;
  /** Offsets and range in the document. */
  start: number;
  end: number;
  range: Range;
  key: string;
  docs: string;
  fixSafety: FixSafety;
  tags: ('unnecessary' | 'deprecated')[];
  /** Builds the fixes (lazily: diagnostics never pay for them). */
  fixes(): Fix[];
}

export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

export interface RunOptions {
  severities?: SeverityOverrides;
  workspace?: WorkspaceView;
  /** The "today" remark text for a remark id (disputed advice carries it in the message). */
  remark?: (id: string) => Localized | undefined;
  /** Time budget per rule per document, in ms. */
  budgetMs?: number;
  /** Called once per rule failure (exception or time budget). */
  onRuleProblem?: (ruleId: string, problem: string) => void;
  /** Apply `# opsnotes-disable…` comments (default true). */
  suppress?: boolean;
}

/** CPU time per rule per document; a rule over it is stopped for that document and reported once. */
const DEFAULT_BUDGET_MS = 1000;

function prepare(doc: OpsDocument): void {
  if (doc.kind === 'dockerfile') void doc.dockerfile;
  else if (doc.kind === 'ansible-cfg' || doc.kind === 'ansible-inventory') void doc.ini;
  else targetsOf(doc);
}

export function runRules(doc: OpsDocument, rules: readonly Rule[], options: RunOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const severities = options.severities ?? {};
  const applicable = rules.filter((r) => r.kinds.includes(doc.kind) && severities[r.id] !== 'off');
  if (!applicable.length) return findings;
  const budget = (options.budgetMs ?? DEFAULT_BUDGET_MS) * 1000;
  // Parse before any rule's clock starts: parsing is shared, not a rule's cost.
  prepare(doc);
  for (const rule of applicable) {
    // CPU time, not wall time: a busy machine must not silently stop rules. Reading the CPU
    // clock costs microseconds, so it is read every few visits, not around each one.
    const started = process.cpuUsage();
    let calls = 0;
    let stopped = false;
    const ctx = makeContext(doc, rule, options, findings);
    const call = (fn: () => void) => {
      if (stopped) return;
      try {
        fn();
      } catch (e) {
        stopped = true;
        options.onRuleProblem?.(rule.id, `threw ${(e as Error)?.stack ?? String(e)}`);
        return;
      }
      if (++calls % 16 === 0) {
        const d = process.cpuUsage(started);
        if (d.user + d.system > budget) {
          stopped = true;
          options.onRuleProblem?.(rule.id, `exceeded its time budget of ${budget / 1000} ms of CPU on ${doc.path}`);
        }
      }
    };
    dispatch(doc, rule, ctx, call);
  }
  findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return options.suppress === false ? findings : applySuppressions(doc, findings);
}

function dispatch(doc: OpsDocument, rule: Rule, ctx: RuleContext, call: (fn: () => void) => void): void {
  const v = rule.visit;
  if (v.document) call(() => v.document!(doc, ctx));
  if (doc.kind === 'dockerfile') {
    const model = doc.dockerfile;
    if (v.dockerfile) call(() => v.dockerfile!(model, ctx));
    if (v.instruction || v.shellCommand) {
      const only = rule.instructions;
      for (const ins of model.instructions) {
        if (only && !only.includes(ins.keyword)) continue;
        if (v.instruction) call(() => v.instruction!(ins, ctx));
        if (v.shellCommand && ins.commands) for (const cmd of ins.commands) call(() => v.shellCommand!(cmd, ins, ctx));
      }
    }
    return;
  }
  if (doc.kind === 'ansible-cfg' || doc.kind === 'ansible-inventory') {
    if (v.ini) call(() => v.ini!(doc.ini, ctx));
    return;
  }
  if (!(v.k8sObject || v.podSpec || v.container || v.composeFile || v.composeService || v.play || v.task)) return;
  const t = targetsOf(doc);
  if (v.k8sObject) for (const o of t.k8sObjects) if (!rule.k8sKinds || rule.k8sKinds.includes(o.kind)) call(() => v.k8sObject!(o, ctx));
  if (v.podSpec) for (const p of t.pods) call(() => v.podSpec!(p, ctx));
  if (v.container) for (const c of t.containers) call(() => v.container!(c, ctx));
  if (v.composeFile && t.composeRoot) call(() => v.composeFile!(t.composeRoot!, ctx));
  if (v.composeService) for (const s of t.services) call(() => v.composeService!(s, ctx));
  if (v.play) for (const p of t.plays) call(() => v.play!(p, ctx));
  if (v.task) for (const task of t.tasks) call(() => v.task!(task, ctx));
}

/** An edit starting at the very beginning of a file with a byte-order mark starts after it. */
function keepBom(doc: OpsDocument, edits: Fix['edits']): Fix['edits'] {
  if (doc.text.charCodeAt(0) !== 0xfeff) return edits;
  return edits.map((e) => (e.range.start.line === 0 && e.range.start.character === 0 ? { ...e, range: { start: { line: 0, character: 1 }, end: e.range.end.line === 0 && e.range.end.character === 0 ? { line: 0, character: 1 } : e.range.end } } : e));
}

function render(text: string | ((args: never) => string), args: unknown): string {
  return typeof text === 'function' ? (text as (a: unknown) => string)(args) : text;
}

function makeContext(doc: OpsDocument, rule: Rule, options: RunOptions, out: Finding[]): RuleContext {
  const workspace = options.workspace ?? EMPTY_WORKSPACE;
  const configured = options.severities?.[rule.id];
  return {
    doc,
    workspace,
    report(r: Report<Messages>) {
      const msg = rule.messages[r.messageId];
      if (!msg) throw new Error(`${rule.id}: unknown message id ${r.messageId}`);
      const message: Localized = { en: render(msg.en, r.args), ru: render(msg.ru, r.args) };
      if (rule.today && options.remark) {
        const remark = options.remark(rule.today);
        if (remark) message.en += ` Today: ${remark.en}`, (message.ru += ` Сегодня: ${remark.ru}`);
      }
      const start = Math.max(0, Math.min(r.start, doc.text.length));
      const end = Math.max(start, Math.min(r.end, doc.text.length));
      let built: Fix[] | undefined;
      out.push({
        ruleId: rule.id,
        messageId: r.messageId,
        message,
        severity: configured && configured !== 'off' ? configured : r.severity ?? rule.severity,
        start,
        end,
        range: doc.rangeOf(start, end),
        key: rule.key,
        docs: rule.docs,
        fixSafety: rule.fixSafety,
        tags: r.tags ?? [],
        fixes() {
          if (built) return built;
          if (!r.fix) return (built = []);
          try {
            const f = r.fix();
            built = (f ? (Array.isArray(f) ? f : [f]) : []).map((x) => ({ ...x, edits: keepBom(doc, x.edits), safety: x.safety ?? rule.fixSafety }));
          } catch (e) {
            options.onRuleProblem?.(rule.id, `fix threw ${(e as Error)?.stack ?? String(e)}`);
            built = [];
          }
          return built;
        },
      });
    },
  };
}
