// User-visible strings of the features and the CLI, in both languages. Rule messages live in
// their rule files; note text comes from the notes.
import { Language, Localized } from './language';

export const UI = {
  documentation: { en: 'Documentation', ru: 'Документация' },
  openNote: { en: 'Open the note', ru: 'Открыть заметку' },
  today: { en: 'Today', ru: 'Сегодня' },
  source: { en: 'source', ru: 'источник' },
  englishRendering: { en: 'English rendering of the note; the original is in Russian', ru: 'Английский перевод заметки' },
  yourNotes: { en: 'your notes', ru: 'ваши заметки' },
  showNote: { en: 'Show note', ru: 'Показать заметку' },
  ignoreForLine: { en: 'Ignore {rule} for this line', ru: 'Игнорировать {rule} в этой строке' },
  fixAll: { en: 'Fix all OpsNotes problems', ru: 'Исправить все проблемы OpsNotes' },
  noNotes: { en: 'No notes for this.', ru: 'Заметок об этом нет.' },
  tooManyDocuments: {
    en: 'OpsNotes: this file holds more than {limit} YAML documents; only light analysis runs (no rules, no hovers).',
    ru: 'OpsNotes: в файле больше {limit} YAML-документов; выполняется только лёгкий анализ (без правил и подсказок).',
  },
  fileTooLarge: {
    en: 'OpsNotes: this file is larger than {limit}; only light analysis runs (no rules, no hovers).',
    ru: 'OpsNotes: файл больше {limit}; выполняется только лёгкий анализ (без правил и подсказок).',
  },
  extractArg: { en: 'Extract the package list to ARG {name}', ru: 'Вынести список пакетов в ARG {name}' },
} satisfies Record<string, Localized>;

export const FAMILY_LABELS: Record<string, Localized> = {
  dockerfile: { en: 'Dockerfile', ru: 'Dockerfile' },
  docker: { en: 'Docker', ru: 'Docker' },
  compose: { en: 'Docker Compose', ru: 'Docker Compose' },
  ansible: { en: 'Ansible', ru: 'Ansible' },
  k8s: { en: 'Kubernetes', ru: 'Kubernetes' },
  kubernetes: { en: 'Kubernetes', ru: 'Kubernetes' },
  helm: { en: 'Helm', ru: 'Helm' },
};

export const KIND_LABELS: Record<string, Localized> = {
  instruction: { en: 'instruction', ru: 'инструкция' },
  field: { en: 'field', ru: 'поле' },
  value: { en: 'value', ru: 'значение' },
  module: { en: 'module', ru: 'модуль' },
  keyword: { en: 'keyword', ru: 'ключевое слово' },
  'cli-flag': { en: 'command-line flag', ru: 'флаг командной строки' },
  setting: { en: 'setting', ru: 'настройка' },
  concept: { en: 'concept', ru: 'понятие' },
  command: { en: 'command', ru: 'команда' },
  kind: { en: 'object kind', ru: 'вид объекта' },
};

export function t(text: Localized, language: Language, args: Record<string, string | number> = {}): string {
  let s = text[language] || text.en;
  for (const [k, v] of Object.entries(args)) s = s.split(`{${k}}`).join(String(v));
  return s;
}
