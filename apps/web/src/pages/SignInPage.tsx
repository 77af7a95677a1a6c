import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.ts';
import { useSignIn } from '../api/queries.ts';
import type { TFunction } from 'i18next';
import { isDemo } from '../components/DemoBanner.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Once signed in, the app itself moves on (to ?next= or the role's home page).
    signIn.mutate({ email, password });
  };
  const message = signInProblem(signIn.error, t);

  return (
    <section className="narrow">
      <PageHeading title={t('signIn.title')} />
      <form onSubmit={submit} noValidate>
        {message && (
          <div role="alert" className="notice notice-error">
            <p>{message}</p>
          </div>
        )}
        <label htmlFor="email">{t('signIn.email')}</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
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
