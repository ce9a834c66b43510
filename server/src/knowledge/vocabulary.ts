// The key vocabulary (knowledge/vocabulary/*.yaml): one entry per key with the words the notes
// and real files use for it. Data, not code: adding a key never needs a code change.
import { Localized } from '../i18n/language';

export type KeyKind = 'instruction' | 'field' | 'value' | 'module' | 'keyword' | 'cli-flag' | 'setting' | 'concept' | 'command' | 'kind';

export const KEY_KINDS: readonly KeyKind[] = ['instruction', 'field', 'value', 'module', 'keyword', 'cli-flag', 'setting', 'concept', 'command', 'kind'];

/** Kinds that name a position in a file (hover reaches them from some cursor position). */
export const POSITIONAL_KINDS: ReadonlySet<KeyKind> = new Set(['instruction', 'field', 'value', 'module', 'keyword', 'setting', 'kind']);

export interface VocabularyEntry {
  key: string;
  kind: KeyKind;
  /** Display name, e.g. `ADD`, `livenessProbe`, `maxSurge`. */
  title: Localized;
  /** Words that name this thing in notes (and in files), matched on word boundaries. */
  aliases: string[];
  /** Match aliases case-sensitively (instruction names: `ADD`, not the word "add"). */
  caseSensitive: boolean;
  /** Official documentation URL. */
  docs?: string;
  /** Keys whose notes are also relevant, shown after this key's own. */
  see: string[];
  /** The vocabulary file this entry comes from (for messages). */
  file: string;
}

export interface VocabularyProblem {
  file: string;
  message: string;
}

const KEY = /^[A-Za-z][\w-]*(?:\.[^\s.]+)*$/;

/** Validate and normalise raw YAML data of one vocabulary file. */
export function readVocabulary(data: unknown, file: string, problems: VocabularyProblem[]): VocabularyEntry[] {
  if (!Array.isArray(data)) {
    problems.push({ file, message: 'a vocabulary file must be a YAML list of entries' });
    return [];
  }
  const out: VocabularyEntry[] = [];
  for (const raw of data) {
    if (!raw || typeof raw !== 'object') {
      problems.push({ file, message: `not an entry: ${JSON.stringify(raw)}` });
      continue;
    }
    const r = raw as Record<string, unknown>;
    const key = typeof r.key === 'string' ? r.key : '';
    if (!KEY.test(key)) {
      problems.push({ file, message: `bad key: ${JSON.stringify(r.key)}` });
      continue;
    }
    const kind = r.kind as KeyKind;
    if (!KEY_KINDS.includes(kind)) problems.push({ file, message: `${key}: unknown kind ${JSON.stringify(r.kind)}` });
    const title = readLocalized(r.title, key);
    const aliases = Array.isArray(r.aliases) ? r.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '') : [];
    const docs = typeof r.docs === 'string' ? r.docs : undefined;
    if (docs && !docs.startsWith('https://')) problems.push({ file, message: `${key}: docs must be an https URL` });
    const see = Array.isArray(r.see) ? r.see.filter((s): s is string => typeof s === 'string') : [];
    out.push({ key, kind, title, aliases, caseSensitive: r.caseSensitive === true, docs, see, file });
  }
  return out;
}

function readLocalized(v: unknown, fallback: string): Localized {
  if (typeof v === 'string') return { en: v, ru: v };
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const en = typeof o.en === 'string' ? o.en : fallback;
    return { en, ru: typeof o.ru === 'string' ? o.ru : en };
  }
  return { en: fallback, ru: fallback };
}

/** The key itself and its parents: `a.b.c` -> `a.b.c`, `a.b`, `a`. */
export function keyAncestors(key: string): string[] {
  const out = [key];
  let k = key;
  for (;;) {
    const eq = k.lastIndexOf('=');
    const dot = k.lastIndexOf('.');
    const cut = Math.max(eq, dot);
    if (cut <= 0) break;
    k = k.slice(0, cut);
    out.push(k);
  }
  return out;
}
