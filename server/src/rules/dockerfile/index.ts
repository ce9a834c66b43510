// The Dockerfile rules. Explicit list: a rule not listed here does not run.
import { Rule } from '../types';
import addInsteadOfCopy from './dockerfile-add-instead-of-copy';
import apkNoCache from './dockerfile-apk-no-cache';
import aptListsNotCleaned from './dockerfile-apt-lists-not-cleaned';
import aptUpdateSeparate from './dockerfile-apt-update-separate';
import cmdFlagsWithoutEntrypoint from './dockerfile-cmd-flags-without-entrypoint';
import daemonizedProcess from './dockerfile-daemonized-process';
import dependenciesAfterSource from './dockerfile-dependencies-after-source';
import devPackagesInFinalStage from './dockerfile-dev-packages-in-final-stage';
import missingDockerignore from './dockerfile-missing-dockerignore';
import nginxLogsToStdout from './dockerfile-nginx-logs-to-stdout';
import packageUpgrade from './dockerfile-package-upgrade';
import pipNoCacheDir from './dockerfile-pip-no-cache-dir';
import shellFormStart from './dockerfile-shell-form-start';

export const dockerfileRules: Rule[] = [
  addInsteadOfCopy,
  apkNoCache,
  aptListsNotCleaned,
  aptUpdateSeparate,
  cmdFlagsWithoutEntrypoint,
  daemonizedProcess,
  dependenciesAfterSource,
  devPackagesInFinalStage,
  missingDockerignore,
  nginxLogsToStdout,
  packageUpgrade,
  pipNoCacheDir,
  shellFormStart,
] as Rule[];
