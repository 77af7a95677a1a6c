import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useForgottenPassword } from '../../api/account-queries.ts';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { looksLikeEmailAddress } from '../../lib/email-address.ts';

export function ForgottenPasswordPage() {
  const { t } = useTranslation();
  const reset = useForgottenPassword();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  if (reset.isSuccess) {
    return (
      <section className="narrow">
        <PageHeading title={t('accounts.forgotten.sentTitle')} />
        <p>{t('accounts.forgotten.sent', { email })}</p>
        <p>
          <Link to="/sign-in">{t('accounts.setPassword.goSignIn')}</Link>
        </p>
      </section>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found =
      email.trim() === ''
        ? t('accounts.forgotten.emailMissing')
        : looksLikeEmailAddress(email.trim())
          ? undefined
          : t('accounts.forgotten.emailWrong');
    setProblem(found);
    if (!found) reset.mutate(email.trim());
  };
  return (
    <section className="narrow">
      <PageHeading title={t('accounts.forgotten.title')} />
      <ErrorSummary problems={problem ? [{ field: 'email', message: problem }] : []} />
      {reset.error && <ErrorNotice error={reset.error} />}
      <p>{t('accounts.forgotten.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          label={t('signIn.email')}
          error={problem}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button type="submit" disabled={reset.isPending}>
          {t('accounts.forgotten.submit')}
        </button>
      </form>
    </section>
  );
}
