/** The agency types that take young people on as adults: where handovers go and adult services staff work. */
export const ADULT_AGENCY_TYPES: ReadonlySet<string> = new Set([
  'adult_social_care',
  'nhs_adult',
  'icb_continuing_care',
  'housing',
  'municipality',
  'region',
]);
