import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.ts';
import { useSignIn } from '../api/queries.ts';
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
  const error = signIn.error;
  const message =
    error instanceof ApiError && error.status === 401 ? t('signIn.wrong') : error instanceof ApiError && error.status === 429 ? t('signIn.limited', { minutes: 15 }) : error ? t('common.error', { message: error.message }) : null;

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
        <input id="email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('common.loading') : t('signIn.submit')}
        </button>
      </form>
      <p className="hint">{t('signIn.demo')}</p>
    </section>
  );
}
