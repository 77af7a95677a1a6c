import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccounts } from '../../api/account-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatMoment } from '../../lib/format.ts';

/** An administrator's staff accounts: who they are, their state, two-step sign-in and last sign-in. */
export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  const accounts = useAccounts();
  return (
    <>
      <PageHeading title={t('accounts.admin.title')} />
      <p className="lead">{t('accounts.admin.intro')}</p>
      <p>
        <Link className="button-link" to="/accounts/invite">
          {t('accounts.admin.invite')}
        </Link>{' '}
        · <Link to="/accounts/sign-on">{t('accounts.admin.signOn')}</Link>
      </p>
      <QueryState query={accounts}>
        {(data) => (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('accounts.admin.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.admin.name')}</th>
                  <th scope="col">{t('accounts.admin.role')}</th>
                  <th scope="col">{t('accounts.admin.status')}</th>
                  <th scope="col">{t('accounts.admin.twoStep')}</th>
                  <th scope="col">{t('accounts.admin.lastSignIn')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((account) => (
                  <tr key={account.id}>
                    <td>
                      <Link to={`/accounts/${account.id}`}>{account.name}</Link>
                      <span className="muted">{account.email}</span>
                    </td>
                    <td>
                      {t(`roles.${account.role}`)}
                      {account.agencyName && <span className="muted">{account.agencyName}</span>}
                      {account.areaName && <span className="muted">{account.areaName}</span>}
                    </td>
                    <td>{t(`accounts.admin.statuses.${account.status}`)}</td>
                    <td>{account.twoFactor ? t('accounts.admin.yes') : t('accounts.admin.no')}</td>
                    <td>
                      {account.lastSignInAt
                        ? formatMoment(account.lastSignInAt, i18n.language)
                        : t('accounts.admin.never')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}
