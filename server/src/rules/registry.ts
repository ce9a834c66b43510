// The explicit, sorted rule registry (ESLint lib/rules/index.js). Each family lists its rules
// in its own index; this file only joins them. A meta-test checks every rule is well formed.
import { ansibleRules } from './ansible';
import { composeRules } from './compose';
import { dockerfileRules } from './dockerfile';
import { helmRules } from './helm';
import { kubernetesRules } from './kubernetes';
import { Rule } from './types';

export const RULES: readonly Rule[] = [...dockerfileRules, ...composeRules, ...kubernetesRules, ...helmRules, ...ansibleRules].sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
