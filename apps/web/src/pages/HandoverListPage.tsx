import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHandovers } from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { formatDay } from '../lib/format.ts';

/** Staff: every handover from the area and where it has got to. */
export function HandoverListPage() {
  const { t, i18n } = useTranslation();
  const handovers = useHandovers();
  return (
    <section>
      <PageHeading title={t('handover.list')} />
      <QueryState query={handovers}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('handover.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('handover.youngPerson')}</th>
                  <th scope="col">{t('handover.agency')}</th>
                  <th scope="col">{t('handover.dueBy')}</th>
                  <th scope="col">{t('handover.leadTime')}</th>
                  <th scope="col">{t('handover.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((handover) => (
                  <tr key={handover.id}>
                    <th scope="row">
                      <Link to={`/handovers/${handover.id}`}>{handover.youngPersonName}</Link>
                    </th>
                    <td>{handover.toAgencyName}</td>
                    <td>{formatDay(handover.dueBy, i18n.language)}</td>
                    <td>
                      {handover.daysToTransfer >= 0
                        ? t('handover.daysLeft', { count: handover.daysToTransfer })
                        : t('handover.daysPast', { count: -handover.daysToTransfer })}
                    </td>
                    <td>{t(`handoverStatus.${handover.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
