import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/http.ts';
import { usePasskeySignIn, useSignOnAreas, useStartSignOn } from '../api/account-queries.ts';
import { useSignIn } from '../api/queries.ts';
import type { TFunction } from 'i18next';
import { isDemo } from '../components/DemoBanner.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const passkey = usePasskeySignIn();
  const signOnAreas = useSignOnAreas();
  const startSignOn = useStartSignOn();
  const [search] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Once signed in, the app itself moves on (to ?next=, the role's home page, or the second step).
    signIn.mutate({ email, password });
  };
  const message =
    signInProblem(signIn.error, t) ??
    (passkey.isError ? t('accounts.signIn.passkeyFailed') : null) ??
    (startSignOn.isError || search.get('problem') === 'sign-on' ? t('accounts.signIn.signOnProblem') : null);

  return (
    <section className="narrow">
      <PageHeading title={t('signIn.title')} />
      {message && (
        <div role="alert" className="notice notice-error">
          <p>{message}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <label htmlFor="email">{t('signIn.email')}</label>
        <input
          id="email"
          type="email"
          autoComplete="username webauthn"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('common.loading') : t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/forgotten-password">{t('accounts.signIn.forgotten')}</Link>
      </p>
      <p className="hint">{t('accounts.signIn.or')}</p>
      <button type="button" className="secondary" onClick={() => passkey.mutate()} disabled={passkey.isPending}>
        {t('accounts.signIn.passkey')}
      </button>
      {(signOnAreas.data?.items.length ?? 0) > 0 && (
        <>
          <p className="hint">{t('accounts.signIn.signOnHint')}</p>
          <ul className="plain-list">
            {signOnAreas.data?.items.map((area) => (
              <li key={area.areaId}>
                <button
                  type="button"
                  className="secondary"
                  disabled={startSignOn.isPending}
                  onClick={() => startSignOn.mutate(area.areaId)}
                >
                  {t('accounts.signIn.signOnWith', { name: area.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {isDemo() && <p className="hint">{t('signIn.demo')}</p>}
    </section>
  );
}

/** What went wrong, in the person's language: a wrong password, a wait (as long as the server says), or busy. */
function signInProblem(error: Error | null, t: TFunction): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return t('common.error', { message: error.message });
  if (error.status === 401) return t('signIn.wrong');
  const seconds = error.retryAfterSeconds ?? 60;
  if (error.status === 429)
    return seconds < 60
      ? t('signIn.limitedSeconds', { count: seconds })
      : t('signIn.limited', { count: Math.ceil(seconds / 60) });
  if (error.status === 503) return t('signIn.busy');
  return t('common.error', { message: error.message });
}
