import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PasskeySetUp } from './PasskeySetUp.tsx';
import { TotpSetUp } from './TotpSetUp.tsx';

/** Staff who signed in with a password alone set up a second factor before anything else. */
export function EnrolPage() {
  const { t } = useTranslation();
  return (
    <section className="narrow-wide">
      <PageHeading title={t('accounts.enrol.title')} />
      <p className="lead">{t('accounts.enrol.intro')}</p>
      <div className="choice-cards">
        <section aria-labelledby="enrol-app">
          <h2 id="enrol-app">{t('accounts.enrol.appTitle')}</h2>
          <p>{t('accounts.enrol.appText')}</p>
          <TotpSetUp />
        </section>
        <section aria-labelledby="enrol-passkey">
          <h2 id="enrol-passkey">{t('accounts.enrol.passkeyTitle')}</h2>
          <p>{t('accounts.enrol.passkeyText')}</p>
          <PasskeySetUp />
        </section>
      </div>
    </section>
  );
}
