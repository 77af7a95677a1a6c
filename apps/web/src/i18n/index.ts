import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da.ts';
import { en } from './en.ts';
import { queryClient } from '../api/query-client.ts';
import {
  activeLanguage,
  adoptCouncilLanguage,
  saveLanguage,
  setActiveLanguage,
  type Language,
} from './chosen-language.ts';

/** The picker's choices: every code is one the interface and the API speak (chosen-language.ts). */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'da', label: 'Dansk' },
] as const satisfies readonly { code: Language; label: string }[];
export type { Language };

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, da: { translation: da } },
  lng: activeLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
  // One namespace: no key names another, so i18next need not check each key for one.
  nsSeparator: false,
});
document.documentElement.lang = i18next.language;

/** Switches the interface language, remembers it, and tells screen readers (html lang). */
export function setLanguage(language: Language) {
  saveLanguage(language);
  return showLanguage(language);
}

/**
 * After sign-in, the council's language (a Danish municipality's staff read Danish) unless
 * the person chose one in the picker.
 */
export function followCouncilLanguage(language: string | null | undefined) {
  if (adoptCouncilLanguage(language)) void showLanguage(activeLanguage());
}

/** Speaks `language` from now on: the words on screen, html lang, and the API's texts (asked again). */
async function showLanguage(language: Language) {
  setActiveLanguage(language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
  // Plans, caseloads and reminders carry the rule packs' texts in the language asked for.
  await queryClient.invalidateQueries();
}

export { i18next };
