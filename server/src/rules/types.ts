// A rule: metadata, messages in both languages, what it visits, check and fix, all in one file
// (ESLint lib/rules/*.js, hadolint Rule/DL*.hs, ruff's doc sections).
import { Localized } from '../i18n/language';
import { OpsDocument } from '../documents/document';
import { FileKind } from '../documents/kinds';
import { DockerInstruction, DockerfileModel } from '../documents/dockerfile';
import { ShellCommand } from '../documents/shell';
import { IniModel } from '../documents/ini';
import { TextEdit } from '../util/text';
import type { ComposeService, ContainerTarget, K8sObject, PlayTarget, PodTarget, TaskTarget } from './targets';
import type { WorkspaceView } from './workspace';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export type FixSafety = 'safe' | 'suggestion' | 'none';
export type RuleFamily = 'dockerfile' | 'compose' | 'kubernetes' | 'helm' | 'ansible';

/** A message in both languages; functions take the message's typed arguments. */
export interface Message<A = void> {
  en: A extends void ? string : (args: A) => string;
  ru: A extends void ? string : (args: A) => string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Messages = Record<string, Message<any>>;
type ArgsOf<T> = T extends { en: (args: infer A) => string } ? A : undefined;

/** A file the fix creates (e.g. `.dockerignore`), relative to the document's folder. */
export interface CreatedFile {
  path: string;
  content: string;
}

export interface Fix {
  title: Localized;
  /** Edits in the analysed document. Non-overlapping. */
  edits: TextEdit[];
  createFiles?: CreatedFile[];
  /** Defaults to the rule's fixSafety. `safe` fixes are applied by "fix all" and `--fix`. */
  safety?: FixSafety;
  /** A range to select after the fix is applied (e.g. a derived Secret name to edit). */
  select?: { start: number; end: number };
}

export interface Report<M extends Messages, K extends keyof M & string = keyof M & string> {
  messageId: K;
  args?: ArgsOf<M[K]>;
  /** Offsets in the document. */
  start: number;
  end: number;
  /** Fixes are built only when asked for (code actions, --fix), never during diagnostics. */
  fix?: () => Fix | Fix[] | undefined;
  severity?: Severity;
  tags?: ('unnecessary' | 'deprecated')[];
}

export interface RuleContext<M extends Messages = Messages> {
  readonly doc: OpsDocument;
  /** Other documents of the workspace, for checks across files. */
  readonly workspace: WorkspaceView;
  report<K extends keyof M & string>(r: Report<M, K>): void;
}

/** What a rule visits. The engine dispatches; no rule walks the document kinds by hand. */
export interface Visitors<M extends Messages> {
  dockerfile?(model: DockerfileModel, ctx: RuleContext<M>): void;
  /** Each instruction (filter with `instructions`). */
  instruction?(ins: DockerInstruction, ctx: RuleContext<M>): void;
  /** Each simple shell command of RUN (and CMD/ENTRYPOINT shell forms; see ins.keyword). */
  shellCommand?(cmd: ShellCommand, ins: DockerInstruction, ctx: RuleContext<M>): void;
  /** Each Kubernetes object (filter with `k8sKinds`). */
  k8sObject?(obj: K8sObject, ctx: RuleContext<M>): void;
  /** Each pod spec (pods and the pod templates of every workload, CronJob included). */
  podSpec?(pod: PodTarget, ctx: RuleContext<M>): void;
  /** Each container / initContainer of a pod spec. */
  container?(c: ContainerTarget, ctx: RuleContext<M>): void;
  /** The Compose file (root map). */
  composeFile?(root: import('yaml').YAMLMap, ctx: RuleContext<M>): void;
  composeService?(svc: ComposeService, ctx: RuleContext<M>): void;
  play?(play: PlayTarget, ctx: RuleContext<M>): void;
  task?(task: TaskTarget, ctx: RuleContext<M>): void;
  ini?(model: IniModel, ctx: RuleContext<M>): void;
  /** Whole document (anything not covered above). */
  document?(doc: OpsDocument, ctx: RuleContext<M>): void;
}

export interface Rule<M extends Messages = Messages> {
  /** kebab-case, family prefix, equal to the file name. */
  id: string;
  family: RuleFamily;
  severity: Severity;
  /** Knowledge key: the note the diagnostic explains itself with. */
  key: string;
  /** Official documentation (https). */
  docs: string;
  fixSafety: FixSafety;
  /** One line: what the rule checks (for `opsnotes rules`, SARIF, the README table). */
  description: Localized;
  messages: M;
  /** File kinds the rule runs on. */
  kinds: readonly FileKind[];
  /** Instruction keywords for `instruction`/`shellCommand` visitors (default: all). */
  instructions?: readonly string[];
  /** Kubernetes kinds for `k8sObject` (default: all). */
  k8sKinds?: readonly string[];
  /** Id of a "today" remark (knowledge/today.yaml) that disputes the notes' advice. */
  today?: string;
  /** The rule reads other documents of the workspace: recompute when they change. */
  crossDocument?: boolean;
  visit: Visitors<M>;
}

/** Identity helper that keeps message ids and their argument types checked. */
export function defineRule<M extends Messages>(rule: Rule<M>): Rule<M> {
  return rule;
}
