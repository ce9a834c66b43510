// What the command line says, in both languages (rule messages live in the rules, note text in
// the notes). `{name}` placeholders are filled by `t()` from i18n/ui.ts.
import { Language, Localized } from '../i18n/language';

export const CLI = {
  // Files that could not be analysed (stderr, one line per file).
  notFound: { en: 'no such file or directory', ru: 'нет такого файла или каталога' },
  brokenLink: { en: 'broken symbolic link (its target does not exist)', ru: 'битая символическая ссылка (цель не существует)' },
  linkLoop: { en: 'symbolic link loop', ru: 'символические ссылки образуют цикл' },
  noAccess: { en: 'permission denied', ru: 'нет прав на чтение' },
  notRegular: { en: 'not a regular file ({type}); not read', ru: 'не обычный файл ({type}); не читается' },
  binary: { en: 'binary file (contains NUL bytes); skipped', ru: 'двоичный файл (есть NUL-байты); пропущен' },
  utf16: { en: 'UTF-16 encoded; OpsNotes reads UTF-8 only; skipped', ru: 'файл в кодировке UTF-16, OpsNotes читает только UTF-8; пропущен' },
  badUtf8: { en: 'not valid UTF-8 (first bad byte at offset {offset}); skipped', ru: 'невалидный UTF-8 (первый ошибочный байт на смещении {offset}); пропущен' },
  tooLarge: { en: 'larger than {limit}; not analysed', ru: 'больше {limit}; не анализируется' },
  readError: { en: 'cannot read: {error}', ru: 'не удалось прочитать: {error}' },
  unsupported: {
    en: 'not a file OpsNotes checks (Dockerfile, Compose, Ansible, Kubernetes, Helm); skipped',
    ru: 'OpsNotes не проверяет такие файлы (Dockerfile, Compose, Ansible, Kubernetes, Helm); пропущен',
  },
  // --fix
  fixOutsideRoots: {
    en: 'not fixed: it is a symbolic link to {target}, outside the paths given on the command line',
    ru: 'не исправлен: это символическая ссылка на {target}, за пределами путей из командной строки',
  },
  fixChanged: { en: 'not fixed: the file changed on disk while it was being fixed', ru: 'не исправлен: файл изменился на диске во время исправления' },
  fixWriteError: { en: 'not fixed, the file is left as it was: {error}', ru: 'не исправлен, файл оставлен как был: {error}' },
  fixBroke: {
    en: 'a fix by {rule} would make the file unreadable as {kind}; that pass was discarded',
    ru: 'исправление {rule} сделало бы файл нечитаемым как {kind}; этот проход отменён',
  },
  fixedFiles: { en: 'problems fixed: {fixes} (files: {files})', ru: 'исправлено проблем: {fixes} (файлов: {files})' },
  dryRunFiles: { en: 'problems --fix would fix: {fixes} (files: {files})', ru: '--fix исправит проблем: {fixes} (файлов: {files})' },
  // Summary (text format); the counts themselves are problemsSummary() below.
  summaryFixable: { en: '{fixable} can be fixed with --fix', ru: 'исправимо с --fix: {fixable}' },
  summaryClean: { en: 'files checked: {checked}, no problems', ru: 'проверено файлов: {checked}, проблем нет' },
  summaryUnread: { en: 'files that could not be read: {count} (see above)', ru: 'не удалось прочитать файлов: {count} (см. выше)' },
  note: { en: 'note', ru: 'заметка' },
  // explain / notes
  nothingHere: { en: 'no notes for {where}', ru: 'заметок для {where} нет' },
  pastEnd: { en: '{file} has {lines} line(s); line {line} does not exist', ru: 'в {file} строк: {lines}; строки {line} нет' },
  noHits: { en: 'nothing found for "{query}"', ru: 'по запросу «{query}» ничего не найдено' },
  unknownKey: { en: 'unknown key {key}', ru: 'неизвестный ключ {key}' },
  didYouMean: { en: 'did you mean', ru: 'возможно, вы имели в виду' },
  keyHasNoNotes: { en: 'the notes say nothing about this key yet', ru: 'в заметках об этом ключе пока ничего нет' },
  aliases: { en: 'aliases', ru: 'синонимы' },
  coverageBlocks: {
    en: '{keyed} of {total} note blocks are attached to a key ({percent}%); {unkeyed} are not',
    ru: 'привязано к ключам блоков заметок: {keyed} из {total} ({percent}%); без ключа: {unkeyed}',
  },
  coverageKeys: { en: '{count} of {total} vocabulary keys show no note', ru: 'ключей словаря без заметок: {count} из {total}' },
  coverageSee: { en: '{count} keys show notes through related keys (see:) only', ru: 'ключей, показывающих заметки только через связанные ключи (see:): {count}' },
  coverageReason: { en: 'why', ru: 'почему' },
  keysViaSee: { en: 'Keys shown through related keys', ru: 'Ключи с заметками через связанные ключи' },
  unkeyedBlocks: { en: 'Note blocks attached to no key', ru: 'Блоки заметок без ключа' },
  keysWithoutBlocks: { en: 'Keys with no note block', ru: 'Ключи без блока заметок' },
  // rules
  colRule: { en: 'Rule', ru: 'Правило' },
  colSeverity: { en: 'Severity', ru: 'Уровень' },
  colFix: { en: 'Fix', ru: 'Исправление' },
  colKey: { en: 'Note key', ru: 'Ключ заметки' },
  colChecks: { en: 'What it checks', ru: 'Что проверяет' },
  fixSafe: { en: 'safe (--fix)', ru: 'безопасное (--fix)' },
  fixSuggestion: { en: 'suggestion', ru: 'предложение' },
  fixNone: { en: '—', ru: '—' },
  // usage
  usageHint: { en: 'run "opsnotes --help" for usage', ru: 'справка: opsnotes --help' },
  warning: { en: 'warning', ru: 'предупреждение' },
} satisfies Record<string, Localized>;

/** Russian plural form: 1 ошибка, 2 ошибки, 5 ошибок (21 ошибка, 11 ошибок). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}

function enPlural(n: number, word: string): string {
  return n === 1 ? word : word + 's';
}

export interface Counts {
  total: number;
  files: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/** "3 problems in 2 files: 1 error, 2 warnings" / "3 проблемы в 2 файлах: 1 ошибка, 2 предупреждения". */
export function problemsSummary(c: Counts, language: Language): string {
  if (language === 'ru') {
    const parts = [
      c.error && `${c.error} ${ruPlural(c.error, 'ошибка', 'ошибки', 'ошибок')}`,
      c.warning && `${c.warning} ${ruPlural(c.warning, 'предупреждение', 'предупреждения', 'предупреждений')}`,
      c.information && `${c.information} ${ruPlural(c.information, 'замечание', 'замечания', 'замечаний')}`,
      c.hint && `${c.hint} ${ruPlural(c.hint, 'подсказка', 'подсказки', 'подсказок')}`,
    ].filter(Boolean);
    return `${c.total} ${ruPlural(c.total, 'проблема', 'проблемы', 'проблем')} в ${c.files} ${ruPlural(c.files, 'файле', 'файлах', 'файлах')}: ${parts.join(', ')}`;
  }
  const parts = [
    c.error && `${c.error} ${enPlural(c.error, 'error')}`,
    c.warning && `${c.warning} ${enPlural(c.warning, 'warning')}`,
    c.information && `${c.information} info`,
    c.hint && `${c.hint} ${enPlural(c.hint, 'hint')}`,
  ].filter(Boolean);
  return `${c.total} ${enPlural(c.total, 'problem')} in ${c.files} ${enPlural(c.files, 'file')}: ${parts.join(', ')}`;
}
