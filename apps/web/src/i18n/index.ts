import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da.ts';
import { en } from './en.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'da', label: 'Dansk' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'pathways.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'da') return saved;
  return navigator.language.toLowerCase().startsWith('da') ? 'da' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, da: { translation: da } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
  // One namespace: no key names another, so i18next need not check each key for one.
  nsSeparator: false,
});
document.documentElement.lang = i18next.language;

/** Switches the interface language, remembers it, and tells screen readers (html lang). */
export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  return i18next.changeLanguage(language);
}

export { i18next };
