/**
 * Which language the interface speaks, and so which language the API is asked for
 * (Accept-Language): the person's own choice, else their council's, else the browser's. A
 * module without i18next, so the first requests (first-requests.ts) can ask in the right
 * language before the app and its translations have loaded.
 */
export const LANGUAGE_CODES = ['en', 'da'] as const;
export type Language = (typeof LANGUAGE_CODES)[number];

const STORAGE_KEY = 'pathways.language';

const isLanguage = (value: unknown): value is Language => LANGUAGE_CODES.includes(value as Language);

/** The language the person chose in the picker, if they ever did. */
export function savedLanguage(): Language | null {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : null;
}

export function saveLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
}

let active: Language = savedLanguage() ?? (navigator.language.toLowerCase().startsWith('da') ? 'da' : 'en');

export function activeLanguage(): Language {
  return active;
}

/**
 * The council's language (from the session) becomes the interface's unless the person chose
 * one; true when that changed the active language.
 */
export function adoptCouncilLanguage(language: string | null | undefined): boolean {
  if (savedLanguage() || !isLanguage(language) || language === active) return false;
  active = language;
  return true;
}

export function setActiveLanguage(language: Language) {
  active = language;
}
