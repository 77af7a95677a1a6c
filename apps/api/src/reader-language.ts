import { PLAN_LANGUAGES, type PlanLanguage } from '@pathways/engine';
import type { Context } from 'hono';
import { detectFromHeader } from 'hono/language';

type DetectorOptions = Parameters<typeof detectFromHeader>[1];

const ACCEPT_LANGUAGE: DetectorOptions = {
  order: ['header'],
  lookupFromHeaderKey: 'accept-language',
  lookupQueryString: 'lang',
  lookupCookie: 'language',
  lookupFromPathIndex: 0,
  caches: false,
  ignoreCase: true,
  fallbackLanguage: 'en',
  supportedLanguages: [...PLAN_LANGUAGES],
};

/**
 * The language the reader asked for in Accept-Language ("da-DK,da;q=0.9,en;q=0.8" → da),
 * among those plans are written in; undefined when they named none of them, so each rule
 * pack speaks its own language (a Danish plan Danish, an English one English). The web app
 * sends its interface language.
 */
export function readerLanguage(c: Context): PlanLanguage | undefined {
  return detectFromHeader(c, ACCEPT_LANGUAGE) as PlanLanguage | undefined;
}
