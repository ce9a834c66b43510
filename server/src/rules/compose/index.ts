// The compose rules. Explicit list: a rule not listed here does not run.
import { Rule } from '../types';
import composeDependencyWithoutHealthcheck from './compose-dependency-without-healthcheck';
import composeHealthcheckDurationInvalid from './compose-healthcheck-duration-invalid';
import composeHealthcheckTestInvalid from './compose-healthcheck-test-invalid';
import composeLoggingJournald from './compose-logging-journald';
import composeOverrideFile from './compose-override-file';
import composeServiceHealthyWithoutHealthcheck from './compose-service-healthy-without-healthcheck';
import composeTestFile from './compose-test-file';
import composeVersionObsolete from './compose-version-obsolete';

export const composeRules: Rule[] = [
  composeDependencyWithoutHealthcheck,
  composeHealthcheckDurationInvalid,
  composeHealthcheckTestInvalid,
  composeLoggingJournald,
  composeOverrideFile,
  composeServiceHealthyWithoutHealthcheck,
  composeTestFile,
  composeVersionObsolete,
] as Rule[];
