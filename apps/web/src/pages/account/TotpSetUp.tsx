import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmTotp, useFinishEnrolment, useStartTotp } from '../../api/account-queries.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';

/**
 * Sets up an authenticator app: scan (or type) the key, prove the app has it with a code,
 * then see the recovery codes once. Finishing an enrolment signs the person in after that.
 */
export function TotpSetUp({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const finish = useFinishEnrolment();
  const [code, setCode] = useState('');

  if (confirm.data?.recoveryCodes) {
    return (
      <div>
        <h3>{t('accounts.totp.recoveryTitle')}</h3>
        <p>{t('accounts.totp.recoveryIntro')}</p>
        <ul className="recovery-codes" aria-label={t('accounts.totp.recoveryTitle')}>
          {confirm.data.recoveryCodes.map((recovery) => (
            <li key={recovery}>{recovery}</li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => {
            finish(confirm.data);
            confirm.reset();
            start.reset();
            onDone?.();
          }}
        >
          {t('accounts.totp.saved')}
        </button>
      </div>
    );
  }
  if (!start.data) {
    return (
      <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
        {t('accounts.totp.start')}
      </button>
    );
  }
  const problem =
    confirm.error instanceof ApiError && confirm.error.status === 400
      ? t('accounts.totp.wrong')
      : confirm.error
        ? t('common.error', { message: confirm.error.message })
        : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problem ? [{ field: 'totp-code', message: problem }] : []} />
      <p>{t('accounts.totp.scan')}</p>
      <img
        className="qr-code"
        src={`data:image/svg+xml;utf8,${encodeURIComponent(start.data.qrSvg)}`}
        alt={t('accounts.totp.scan')}
      />
      <p>
        {t('accounts.totp.cannotScan')}{' '}
        <span className="secret-key">{start.data.secret.match(/.{1,4}/g)?.join(' ')}</span>
      </p>
      <TextField
        id="totp-code"
        label={t('accounts.totp.code')}
        error={problem}
        autoComplete="one-time-code"
        inputMode="numeric"
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      <button type="submit" disabled={confirm.isPending}>
        {t('accounts.totp.confirm')}
      </button>
    </form>
  );
}
