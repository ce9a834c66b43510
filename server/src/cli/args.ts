// Argument parsing with Node's own util.parseArgs (no dependency): strict, so a misspelt flag is
// a usage error (exit 2), never silently ignored.
import { parseArgs, ParseArgsConfig } from 'util';
import { Localized } from '../i18n/language';

/** A problem with the command line: exit code 2, the message (both languages) and a pointer to --help. */
export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

/** A usage error in English and Russian. */
export function usage(en: string, ru: string): UsageError {
  return new UsageError({ en, ru });
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommand<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's own wording (unknown option, missing value) exists in English only.
    const m = (e as Error).message;
    throw usage(m, `ошибка в аргументах: ${m}`);
  }
}

/** A flag's value checked against its allowed values. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw usage(`${flag}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`, `${flag}: допустимые значения — ${allowed.join(', ')}, а указано ${JSON.stringify(value)}`);
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  language: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
