import { LOCALE_OF_LANGUAGE, PLAN_LANGUAGES, type PlanLanguage, type RulePack } from './types.ts';

const TRANSLATED = new WeakMap<RulePack, Map<PlanLanguage, RulePack>>();

/** The language a pack's own texts are written in: the one whose locale the pack has. */
export function languageOf(pack: RulePack): PlanLanguage {
  return PLAN_LANGUAGES.find((language) => LOCALE_OF_LANGUAGE[language] === pack.locale) ?? 'en';
}

/**
 * The pack with its texts in `language` (titles, descriptions, rules, reasons, agency names,
 * and the locale its explanations and dates are written in), or the pack itself when that is
 * its own language or it has no such translation. Built once per pack and language; the
 * dates and conditions are the pack's own, so a plan's dates never depend on its language.
 */
export function packIn(pack: RulePack, language: PlanLanguage | undefined): RulePack {
  if (!language || language === languageOf(pack)) return pack;
  const translation = pack.translations?.[language];
  if (!translation) return pack;
  let byLanguage = TRANSLATED.get(pack);
  if (!byLanguage) TRANSLATED.set(pack, (byLanguage = new Map<PlanLanguage, RulePack>()));
  let translated = byLanguage.get(language);
  if (!translated) {
    translated = {
      ...pack,
      name: translation.name,
      locale: LOCALE_OF_LANGUAGE[language],
      conditionReasons: { ...pack.conditionReasons, ...translation.conditionReasons },
      agencyNames: { ...pack.agencyNames, ...translation.agencyNames },
      abbreviations: { ...pack.abbreviations, ...translation.abbreviations },
      milestones: pack.milestones.map((rule) => ({ ...rule, ...translation.milestones[rule.id] })),
    };
    byLanguage.set(language, translated);
  }
  return translated;
}
