import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../api/http.ts';
import { useAgencies, useAreas, useSession, type Agency, type AgencyImportResult } from '../api/queries.ts';
import { AgencyForm } from './admin/AgencyForm.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, QueryState } from '../components/QueryState.tsx';

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
      <ImportForm />
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

function ImportForm() {
  const { t } = useTranslation();
  const areas = useAreas();
  const client = useQueryClient();
  const [areaId, setAreaId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<AgencyImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isSending, setIsSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !areaId) return;
    setIsSending(true);
    setError(null);
    try {
      setResult(
        await uploadFile<AgencyImportResult>(
          `/api/agencies/import?areaId=${encodeURIComponent(areaId)}`,
          'application/x-ndjson',
          file,
        ),
      );
      void client.invalidateQueries({ queryKey: ['agencies'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)}>
      <h2>{t('directory.import')}</h2>
      <label htmlFor="import-area">{t('directory.area')}</label>
      <select id="import-area" required value={areaId} onChange={(event) => setAreaId(event.target.value)}>
        <option value="">{t('events.choose')}</option>
        {(areas.data?.items ?? []).map((area) => (
          <option key={area.id} value={area.id}>
            {area.name}
          </option>
        ))}
      </select>
      <label htmlFor="import-file">{t('directory.file')}</label>
      <input
        id="import-file"
        type="file"
        accept=".ndjson,.json,.jsonl,application/json,application/x-ndjson"
        required
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <button type="submit" disabled={isSending || !file || !areaId}>
        {isSending ? t('common.saving') : t('directory.import')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
      <div role="status">
        {result && (
          <>
            <p>
              {t('directory.imported', {
                created: result.agenciesCreated,
                updated: result.agenciesUpdated,
                problems: result.problems.length,
              })}
            </p>
            {result.problems.length > 0 && (
              <ul>
                {result.problems.map((problem) => (
                  <li key={`${problem.line}-${problem.field}`}>
                    {problem.line}: {problem.field} — {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </form>
  );
}
