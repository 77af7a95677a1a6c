import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFinishSignOn } from '../../api/account-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/QueryState.tsx';

/**
 * Where the council's provider sends the person back: the provider's answer (in the address)
 * goes to the server once, and the app moves on as signed in, or says what went wrong.
 */
export function SignOnCallbackPage() {
  const { t } = useTranslation();
  const finish = useFinishSignOn();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const answer = window.location.search;
    // The code in the address is spent: it should not stay in the history.
    window.history.replaceState(null, '', '/sign-on/callback');
    finish.mutate(answer);
  }, [finish]);
  if (!finish.isError) return <Loading />;
  return (
    <section className="narrow">
      <PageHeading title={t('signIn.title')} />
      <div role="alert" className="notice notice-error">
        <p>{t('accounts.signIn.signOnProblem')}</p>
      </div>
      <p>
        <Link to="/sign-in">{t('accounts.setPassword.goSignIn')}</Link>
      </p>
    </section>
  );
}
