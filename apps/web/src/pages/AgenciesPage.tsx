import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies, useAreas, useSession, type Agency } from '../api/queries.ts';
import { OfferImport } from './offer/OfferImport.tsx';
import { AgencyForm } from './admin/AgencyForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { QueryState } from '../components/QueryState.tsx';

/** Administrators: the agency directory, and loading a local offer instead of typing it in. */
export default function AgenciesPage() {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const areas = useAreas();
  const session = useSession();
  /** The agency being changed, `new` while one is added, null otherwise. */
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [saved, setSaved] = useState('');
  const areaName = (id: string) => areas.data?.items.find((area) => area.id === id)?.name ?? '';
  const done = (name: string) => {
    setEditing(null);
    setSaved(name ? t('directoryEdit.saved', { name }) : '');
  };
  return (
    <section>
      <PageHeading title={t('directory.title')} />
      <div role="status">{saved && <p className="notice">{saved}</p>}</div>
      {editing === null ? (
        <p>
          <button type="button" onClick={() => setEditing('new')}>
            {t('directoryEdit.add')}
          </button>
        </p>
      ) : (
        <AgencyForm
          key={editing === 'new' ? 'new' : editing.id}
          agency={editing === 'new' ? null : editing}
          areas={areas.data?.items ?? []}
          ownAreaId={session.data?.areaId ?? null}
          onDone={done}
        />
      )}
      <OfferImport />
      <QueryState query={agencies}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('directory.empty')}</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('directory.title')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('directory.title')}</th>
                    <th scope="col">{t('directory.type')}</th>
                    <th scope="col">{t('directory.area')}</th>
                    <th scope="col">{t('directory.services')}</th>
                    <th scope="col">{t('directory.ages')}</th>
                    <th scope="col">{t('directory.contact')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('directoryEdit.change')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((agency) => (
                    <tr key={agency.id}>
                      <th scope="row">{agency.name}</th>
                      <td>{t(`agencies.${agency.type}`, { defaultValue: agency.type })}</td>
                      <td>{areaName(agency.areaId)}</td>
                      <td>{agency.services.join(', ')}</td>
                      <td>
                        {agency.minAge ?? '?'}–{agency.maxAge ?? '?'}
                      </td>
                      <td>{[agency.email, agency.phone].filter(Boolean).join(' · ')}</td>
                      <td>
                        <button type="button" className="link-button" onClick={() => setEditing(agency)}>
                          {t('directoryEdit.change')}
                          <span className="visually-hidden"> {agency.name}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
