// The Dockerfile rules. Explicit list: a rule not listed here does not run.
import { Rule } from '../types';
import addInsteadOfCopy from './dockerfile-add-instead-of-copy';

export const dockerfileRules: Rule[] = [addInsteadOfCopy as Rule];
