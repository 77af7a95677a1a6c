import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddPasskey } from '../../api/account-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';

/** Adds a passkey under a name the person chooses; the browser asks their authenticator to make it. */
export function PasskeySetUp() {
  const { t } = useTranslation();
  const add = useAddPasskey();
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const problem = missing ? t('accounts.passkey.nameMissing') : add.isError ? t('accounts.passkey.failed') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(name.trim() === '');
    if (name.trim() !== '') add.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problem ? [{ field: 'passkey-name', message: problem }] : []} />
      <TextField
        id="passkey-name"
        label={t('accounts.passkey.name')}
        hint={t('accounts.passkey.nameHint')}
        error={problem}
        maxLength={60}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" disabled={add.isPending}>
        {t('accounts.passkey.add')}
      </button>
    </form>
  );
}
