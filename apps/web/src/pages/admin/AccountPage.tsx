import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  useAccount,
  useChangeRole,
  useEndAccountSessions,
  useResendInvitation,
  useSetAccountActive,
  type Account,
} from '../../api/account-queries.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorNotice, QueryState } from '../../components/QueryState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatMoment } from '../../lib/format.ts';
import { AgencyField, needsAgency, STAFF_ROLES } from './AgencyField.tsx';

/** One account: what it is, and what an administrator can do with it. */
export default function AccountPage() {
  const { id = '' } = useParams();
  const account = useAccount(id);
  return <QueryState query={account}>{(data) => <AccountDetails account={data} />}</QueryState>;
}

function AccountDetails({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const changeRole = useChangeRole();
  const setActive = useSetAccountActive();
  const resend = useResendInvitation();
  const endSessions = useEndAccountSessions();
  const [role, setRole] = useState<Account['role']>(account.role);
  const [agencyId, setAgencyId] = useState(account.agencyId ?? '');
  const [said, setSaid] = useState<string | null>(null);
  const done = (message: string) => () => setSaid(message);
  const saveRole = (event: FormEvent) => {
    event.preventDefault();
    changeRole.mutate(
      { id: account.id, input: { role, agencyId: needsAgency(role) ? agencyId || null : null } },
      { onSuccess: done(t('accounts.admin.roleSaved')) },
    );
  };
  const error = changeRole.error ?? setActive.error ?? resend.error ?? endSessions.error;
  const refusal =
    error instanceof ApiError && error.status === 400
      ? ({
          role: t('accounts.admin.ownRole'),
          agencyId: t('accounts.admin.agencyMissing'),
          id: t('accounts.admin.notYourself'),
        }[error.field ?? ''] ?? null)
      : null;
  return (
    <section className="narrow-wide">
      <PageHeading title={account.name} />
      <p>
        <Link to="/accounts">{t('accounts.admin.back')}</Link>
      </p>
      {said && (
        <div className="notice" role="status">
          <p>{said}</p>
        </div>
      )}
      {refusal ? (
        <div role="alert" className="notice notice-error">
          <p>{refusal}</p>
        </div>
      ) : (
        error && <ErrorNotice error={error} />
      )}
      <dl className="summary-list">
        <dt>{t('accounts.admin.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('accounts.admin.role')}</dt>
        <dd>{t(`roles.${account.role}`)}</dd>
        <dt>{t('accounts.admin.area')}</dt>
        <dd>{account.areaName ?? t('accounts.admin.allAreas')}</dd>
        {account.agencyName && (
          <>
            <dt>{t('accounts.admin.agency')}</dt>
            <dd>{account.agencyName}</dd>
          </>
        )}
        <dt>{t('accounts.admin.status')}</dt>
        <dd>{t(`accounts.admin.statuses.${account.status}`)}</dd>
        <dt>{t('accounts.admin.twoStep')}</dt>
        <dd>{account.twoFactor ? t('accounts.admin.yes') : t('accounts.admin.no')}</dd>
        <dt>{t('accounts.admin.lastSignIn')}</dt>
        <dd>{account.lastSignInAt ? formatMoment(account.lastSignInAt, i18n.language) : t('accounts.admin.never')}</dd>
      </dl>

      <form className="section-block" onSubmit={saveRole} noValidate>
        <h2>{t('accounts.admin.changeRole')}</h2>
        <label htmlFor="role">{t('accounts.admin.role')}</label>
        <select id="role" value={role} onChange={(event) => setRole(event.target.value as Account['role'])}>
          {STAFF_ROLES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`roles.${choice}`)}
            </option>
          ))}
        </select>
        {needsAgency(role) && (
          <AgencyField areaId={account.areaId} role={role} value={agencyId} onChange={setAgencyId} />
        )}
        <div>
          <button type="submit" disabled={changeRole.isPending}>
            {t('accounts.admin.saveRole')}
          </button>
        </div>
      </form>

      {account.status === 'invited' && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            resend.mutate({ id: account.id, input: null }, { onSuccess: done(t('accounts.admin.resent')) })
          }
        >
          {t('accounts.admin.resend')}
        </button>
      )}
      <h2>{t('accounts.admin.sessionsTitle')}</h2>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          endSessions.mutate(
            { id: account.id, input: null },
            {
              onSuccess: (answer) => setSaid(t('accounts.admin.ended', { count: (answer as { ended: number }).ended })),
            },
          )
        }
      >
        {t('accounts.admin.endSessions')}
      </button>
      {account.status === 'deactivated' ? (
        <p>
          <button
            type="button"
            onClick={() =>
              setActive.mutate({ id: account.id, input: true }, { onSuccess: done(t('accounts.admin.reactivated')) })
            }
          >
            {t('accounts.admin.reactivate')}
          </button>
        </p>
      ) : (
        <>
          <h2>{t('accounts.admin.deactivate')}</h2>
          <p>{t('accounts.admin.deactivateText')}</p>
          <button
            type="button"
            className="danger"
            onClick={() =>
              setActive.mutate({ id: account.id, input: false }, { onSuccess: done(t('accounts.admin.deactivated')) })
            }
          >
            {t('accounts.admin.deactivate')}
          </button>
        </>
      )}
    </section>
  );
}
