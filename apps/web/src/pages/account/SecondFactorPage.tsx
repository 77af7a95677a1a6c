import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePasskeySignIn, useSecondFactor } from '../../api/account-queries.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';

/** The second step of signing in: a code from the authenticator app, a recovery code, or a passkey. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const secondFactor = useSecondFactor();
  const passkey = usePasskeySignIn();
  const [code, setCode] = useState('');
  const error = secondFactor.error;
  const message =
    error instanceof ApiError && error.status === 400
      ? t('accounts.secondFactor.wrong')
      : error instanceof ApiError && error.status === 429
        ? t('signIn.limited', { count: Math.ceil((error.retryAfterSeconds ?? 60) / 60) })
        : error
          ? t('common.error', { message: error.message })
          : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    secondFactor.mutate(code.trim());
  };
  return (
    <section className="narrow">
      <PageHeading title={t('accounts.secondFactor.title')} />
      <ErrorSummary problems={message ? [{ field: 'code', message }] : []} />
      {passkey.isError && (
        <div role="alert" className="notice notice-error">
          <p>{t('accounts.signIn.passkeyFailed')}</p>
        </div>
      )}
      <p>{t('accounts.secondFactor.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="code"
          label={t('accounts.secondFactor.code')}
          hint={t('accounts.secondFactor.codeHint')}
          error={message}
          autoComplete="one-time-code"
          inputMode="text"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" disabled={secondFactor.isPending}>
          {t('accounts.secondFactor.submit')}
        </button>
      </form>
      <button type="button" className="secondary" onClick={() => passkey.mutate()} disabled={passkey.isPending}>
        {t('accounts.secondFactor.usePasskey')}
      </button>
    </section>
  );
}
