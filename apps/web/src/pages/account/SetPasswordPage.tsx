import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccountLink, useSetPassword } from '../../api/account-queries.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/QueryState.tsx';
import { TextField } from '../../components/TextField.tsx';

/**
 * Where an invitation or a password reset e-mail leads. The link's token is after `#`, so it
 * never reaches a server log or another site; it is read here and sent in a request body.
 */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(() => window.location.hash.slice(1));
  const link = useAccountLink(token);
  const save = useSetPassword();
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [missing, setMissing] = useState(false);

  if (!token || link.isError) {
    return (
      <section className="narrow">
        <PageHeading title={t('accounts.setPassword.resetTitle')} />
        <p>{t('accounts.setPassword.gone')}</p>
        <p>
          <Link to="/forgotten-password">{t('accounts.signIn.forgotten')}</Link>
        </p>
      </section>
    );
  }
  if (link.isPending) return <Loading />;
  const title =
    link.data.purpose === 'invitation'
      ? t('accounts.setPassword.invitationTitle')
      : t('accounts.setPassword.resetTitle');
  if (save.isSuccess) {
    return (
      <section className="narrow">
        <PageHeading title={t('accounts.setPassword.doneTitle')} />
        <p>{t('accounts.setPassword.done')}</p>
        <p>
          <Link to="/sign-in">{t('accounts.setPassword.goSignIn')}</Link>
        </p>
      </section>
    );
  }
  // The server says what is wrong with the password (too short, too common, your name), as a reason to put in words here.
  const problem = missing
    ? t('accounts.setPassword.passwordMissing')
    : save.error instanceof ApiError && save.error.field === 'password'
      ? t(`accounts.setPassword.reasons.${save.error.reason ?? 'unknown'}`, { defaultValue: save.error.message })
      : save.error instanceof ApiError && save.error.status === 404
        ? t('accounts.setPassword.gone')
        : save.error
          ? t('common.error', { message: save.error.message })
          : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(password === '');
    if (password !== '') save.mutate({ token, password });
  };
  return (
    <section className="narrow">
      <PageHeading title={title} />
      <ErrorSummary problems={problem ? [{ field: 'new-password', message: problem }] : []} />
      <p>{t('accounts.setPassword.welcome', { name: link.data.name, email: link.data.email })}</p>
      {link.data.signOnAreaId && <p className="hint">{t('accounts.setPassword.useSignOn')}</p>}
      <form onSubmit={submit} noValidate>
        {/* Lets a password manager save the new password under the right account. */}
        <input type="hidden" autoComplete="username" value={link.data.email} readOnly />
        <TextField
          id="new-password"
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          label={t('accounts.setPassword.password')}
          hint={t('accounts.setPassword.hint')}
          error={problem}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <label className="switch">
          <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
          {t('accounts.setPassword.show')}
        </label>
        <div>
          <button type="submit" disabled={save.isPending}>
            {t('accounts.setPassword.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
