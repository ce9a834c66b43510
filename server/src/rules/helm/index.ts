// The helm rules. Explicit list: a rule not listed here does not run.
import { Rule } from '../types';

export const helmRules: Rule[] = [];
