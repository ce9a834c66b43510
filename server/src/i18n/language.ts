// Everything a user reads exists in Russian and English. The choice follows the
// `opsnotes.language` setting, or VS Code's display language when it is `auto`.

export type Language = 'ru' | 'en';
export type LanguageSetting = Language | 'auto';

/** A text in both languages. */
export interface Localized {
  ru: string;
  en: string;
}

export function resolveLanguage(setting: unknown, displayLocale: string | undefined): Language {
  if (setting === 'ru' || setting === 'en') return setting;
  return displayLocale && /^ru\b/i.test(displayLocale) ? 'ru' : 'en';
}

export function pick(text: Localized, language: Language): string {
  return text[language] || text.en || text.ru;
}
