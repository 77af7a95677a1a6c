import { useTranslation } from 'react-i18next';

/** A service's age range in words ("Ages 16 to 25", "From age 16", "All ages"). */
export function useAgesInWords() {
  const { t } = useTranslation();
  return (service: { minAge: number | null; maxAge: number | null }) =>
    service.minAge !== null && service.maxAge !== null
      ? t('offer.search.ages', { min: service.minAge, max: service.maxAge })
      : service.minAge !== null
        ? t('offer.search.agesFrom', { min: service.minAge })
        : service.maxAge !== null
          ? t('offer.search.agesTo', { max: service.maxAge })
          : t('offer.service.allAges');
}
