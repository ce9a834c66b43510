// The ansible rules. Explicit list: a rule not listed here does not run.
import { Rule } from '../types';
import cfgMitogenWithoutPlugins from './ansible-cfg-mitogen-without-plugins';
import cfgSettingOutsideDefaults from './ansible-cfg-setting-outside-defaults';
import commandInsteadOfModule from './ansible-command-instead-of-module';
import commandWithoutChangedWhen from './ansible-command-without-changed-when';
import notifyUnknownHandler from './ansible-notify-unknown-handler';
import taskWithoutName from './ansible-task-without-name';
import unknownStrategy from './ansible-unknown-strategy';

export const ansibleRules: Rule[] = [
  cfgMitogenWithoutPlugins as Rule,
  cfgSettingOutsideDefaults as Rule,
  commandInsteadOfModule as Rule,
  commandWithoutChangedWhen as Rule,
  notifyUnknownHandler as Rule,
  taskWithoutName as Rule,
  unknownStrategy as Rule,
];
