import { useTranslation } from 'react-i18next';

/**
 * A copy of everything held about the young person (subject access): a printable page and a
 * file. The API decides who may have one (the young person from 16, a parent before, staff of
 * the area) and records every copy made.
 */
export function YourInformation({ youngPersonId, voice }: { youngPersonId: string; voice: 'own' | 'staff' }) {
  const { t } = useTranslation();
  const base = `/api/young-people/${youngPersonId}/subject-access`;
  return (
    <section aria-labelledby="information-heading" className="panel">
      <h2 id="information-heading">{t(voice === 'own' ? 'information.titleOwn' : 'information.title')}</h2>
      <p>{t(voice === 'own' ? 'information.introOwn' : 'information.intro')}</p>
      <p className="actions">
        <a href={`${base}.html`} target="_blank" rel="noopener">
          {t('information.printable')}
          <span className="visually-hidden"> {t('information.newTab')}</span>
        </a>{' '}
        <a href={base} download>
          {t('information.file')}
        </a>
      </p>
    </section>
  );
}
