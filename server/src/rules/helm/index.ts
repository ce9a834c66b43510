// The helm rules. Explicit, sorted list: a rule not listed here does not run.
import { Rule } from '../types';
import hookUnknown from './helm-hook-unknown';
import testHookHelm2 from './helm-test-hook-helm2';
import testHookMissing from './helm-test-hook-missing';

export const helmRules: Rule[] = [
  hookUnknown as Rule,
  testHookHelm2 as Rule,
  testHookMissing as Rule,
];
