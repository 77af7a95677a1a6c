import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useEndOtherSessions,
  useEndOwnSession,
  useOwnSessions,
  useRemovePasskey,
  useRemoveTotp,
  useReplaceRecoveryCodes,
  useSecurity,
} from '../../api/account-queries.ts';
import { ErrorNotice, QueryState } from '../../components/QueryState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatMoment } from '../../lib/format.ts';
import { PasskeySetUp } from './PasskeySetUp.tsx';
import { TotpSetUp } from './TotpSetUp.tsx';

/** A person's own sign-in methods and the places they are signed in. */
export function SecurityPage() {
  const { t, i18n } = useTranslation();
  const security = useSecurity();
  const removeTotp = useRemoveTotp();
  const replaceCodes = useReplaceRecoveryCodes();
  const removePasskey = useRemovePasskey();
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  return (
    <section className="narrow-wide">
      <PageHeading title={t('accounts.security.title')} />
      <QueryState query={security}>
        {(data) => (
          <>
            <h2>{t('accounts.security.twoStep')}</h2>
            {data.secondFactorRequired && <p className="hint">{t('accounts.security.required')}</p>}
            {[removeTotp.error, replaceCodes.error, removePasskey.error].map(
              (error, index) => error && <ErrorNotice key={index} error={error} />,
            )}
            <p>
              <strong>{data.totp ? t('accounts.security.appOn') : t('accounts.security.appOff')}</strong>
            </p>
            {data.totp ? (
              <>
                <p>{t('accounts.security.recoveryLeft', { count: data.recoveryCodesLeft })}</p>
                {newCodes && (
                  <ul className="recovery-codes" aria-label={t('accounts.totp.recoveryTitle')}>
                    {newCodes.map((code) => (
                      <li key={code}>{code}</li>
                    ))}
                  </ul>
                )}
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    replaceCodes.mutate(undefined, { onSuccess: (answer) => setNewCodes(answer.recoveryCodes) })
                  }
                >
                  {t('accounts.security.newCodes')}
                </button>{' '}
                <button type="button" className="secondary" onClick={() => removeTotp.mutate()}>
                  {t('accounts.security.turnOff')}
                </button>
              </>
            ) : (
              <TotpSetUp />
            )}
            <h2>{t('accounts.security.passkeys')}</h2>
            {data.passkeys.length === 0 ? (
              <p>{t('accounts.security.noPasskeys')}</p>
            ) : (
              <ul className="plain-list">
                {data.passkeys.map((passkey) => (
                  <li key={passkey.id}>
                    <strong>{passkey.name}</strong>{' '}
                    <span className="muted">
                      {t('accounts.security.added', { date: formatMoment(passkey.createdAt, i18n.language) })}
                      {passkey.lastUsedAt &&
                        `, ${t('accounts.security.lastUsed', { date: formatMoment(passkey.lastUsedAt, i18n.language) })}`}
                    </span>
                    <button type="button" className="secondary" onClick={() => removePasskey.mutate(passkey.id)}>
                      {t('accounts.security.remove', { name: passkey.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <PasskeySetUp />
            {data.hasPassword && (
              <>
                <h2>{t('accounts.security.password')}</h2>
                <p>{t('accounts.security.passwordText')}</p>
              </>
            )}
          </>
        )}
      </QueryState>
      <OwnSessions />
    </section>
  );
}

function OwnSessions() {
  const { t, i18n } = useTranslation();
  const sessions = useOwnSessions();
  const endOne = useEndOwnSession();
  const endOthers = useEndOtherSessions();
  return (
    <>
      <h2>{t('accounts.security.sessions')}</h2>
      <QueryState query={sessions}>
        {(data) => (
          <>
            <ul className="plain-list">
              {data.items.map((session) => (
                <li key={session.id}>
                  <strong>
                    {session.current ? t('accounts.security.thisDevice') : describeDevice(session.userAgent)}
                  </strong>{' '}
                  {t(`accounts.security.via.${session.method}`)}
                  <span className="muted">
                    {t('accounts.security.since', {
                      date: formatMoment(session.createdAt, i18n.language),
                      last: formatMoment(session.lastSeenAt, i18n.language),
                    })}
                  </span>
                  {!session.current && (
                    <button type="button" className="secondary" onClick={() => endOne.mutate(session.id)}>
                      {t('accounts.security.end')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {data.items.length > 1 && (
              <button type="button" className="secondary" onClick={() => endOthers.mutate()}>
                {t('accounts.security.endOthers')}
              </button>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

/** A browser and system people recognise, from its user agent ("Firefox on Windows"). */
function describeDevice(userAgent: string | null): string {
  if (!userAgent) return '—';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'A browser';
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Mac OS/.test(userAgent)
        ? 'macOS'
        : /Android/.test(userAgent)
          ? 'Android'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return system ? `${browser} · ${system}` : browser;
}
