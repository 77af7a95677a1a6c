import { useTranslation } from 'react-i18next';
import { useReferralDemand } from '../api/offer-queries.ts';
import { QueryState } from './QueryState.tsx';

/**
 * Joint planning: for each kind of service, what the local offer has and how referrals to it
 * went, beside the plans' steps that will need it. Small counts are shown as "fewer than 5".
 */
export function ReferralDemand() {
  const { t } = useTranslation();
  const demand = useReferralDemand();
  const count = (value: number | null) => (value === null ? t('offer.demand.suppressed') : String(value));
  return (
    <section aria-labelledby="referral-demand-heading" className="panel">
      <h2 id="referral-demand-heading">{t('offer.demand.title')}</h2>
      <p>{t('offer.demand.intro')}</p>
      <QueryState query={demand}>
        {(data) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="referral-demand-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('offer.demand.kind')}</th>
                  <th scope="col">{t('offer.demand.services')}</th>
                  <th scope="col">{t('offer.demand.referrals')}</th>
                  <th scope="col">{t('offer.demand.accepted')}</th>
                  <th scope="col">{t('offer.demand.declined')}</th>
                  <th scope="col">{t('offer.demand.waiting')}</th>
                  <th scope="col">{t('offer.demand.wait')}</th>
                  <th scope="col">{t('offer.demand.demand')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((row) => (
                  <tr key={row.topic}>
                    <th scope="row">{t(`offer.topics.${row.topic}`)}</th>
                    <td>{row.services}</td>
                    <td>{count(row.referrals)}</td>
                    <td>{count(row.accepted)}</td>
                    <td>{count(row.declined)}</td>
                    <td>{count(row.waiting)}</td>
                    <td>{row.medianDaysToAccept ?? '—'}</td>
                    <td>{count(row.demand)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
