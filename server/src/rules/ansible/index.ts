// The ansible rules. Explicit list: a rule not listed here does not run.
import { Rule } from '../types';

export const ansibleRules: Rule[] = [];
