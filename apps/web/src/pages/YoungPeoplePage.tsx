import { useDeferredValue, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAssignNamedWorker, useNamedWorkers } from '../api/people-queries.ts';
import { PEOPLE_PAGE_SIZE, useYoungPeople, type SessionUser } from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, QueryState } from '../components/QueryState.tsx';
import { displayName, formatDay } from '../lib/format.ts';

/** Staff: their area's young people — find one, add one, and give several a named worker at once. */
export function YoungPeoplePage({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [worker, setWorker] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const people = useYoungPeople(useDeferredValue(search.trim()), worker, page);
  const workers = useNamedWorkers();
  const workerName = (id: string | null) =>
    id ? (workers.data?.items.find((item) => item.id === id)?.name ?? '') : t('caseload.unassigned');
  const toggle = (id: string, on: boolean) =>
    setSelected((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <section>
      <PageHeading title={t('people.title')} />
      <p className="actions">
        <Link className="button" to="/young-people/new">
          {t('record.add')}
        </Link>{' '}
        {user.role === 'team_manager' && (
          <Link className="button secondary" to="/young-people/import">
            {t('import.title')}
          </Link>
        )}
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="people-search">{t('people.search')}</label>
          <input
            id="people-search"
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="people-worker">{t('record.namedWorker')}</label>
          <select
            id="people-worker"
            value={worker}
            onChange={(event) => {
              setWorker(event.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('common.all')}</option>
            <option value="none">{t('caseload.unassigned')}</option>
            {workers.data?.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={people}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('people.empty')}</p>
          ) : (
            <>
              <p role="status" className="count">
                {data.total > PEOPLE_PAGE_SIZE
                  ? t('people.showingPage', {
                      from: (page - 1) * PEOPLE_PAGE_SIZE + 1,
                      to: (page - 1) * PEOPLE_PAGE_SIZE + data.items.length,
                      total: data.total,
                    })
                  : t('common.showing', { shown: data.items.length, total: data.total })}
              </p>
              <AssignPanel
                selected={[...selected].filter((id) => data.items.some((person) => person.id === id))}
                onDone={() => setSelected(new Set())}
              />
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t('people.title')}>
                <table className="people-table">
                  <thead>
                    <tr>
                      <th scope="col">
                        <input
                          type="checkbox"
                          id="select-all"
                          aria-label={t('assign.selectAll')}
                          checked={data.items.every((person) => selected.has(person.id))}
                          onChange={(event) =>
                            setSelected(
                              event.target.checked ? new Set(data.items.map((person) => person.id)) : new Set(),
                            )
                          }
                        />
                      </th>
                      <th scope="col">{t('assign.name')}</th>
                      <th scope="col">{t('record.dateOfBirth')}</th>
                      <th scope="col">{t('record.namedWorker')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((person) => (
                      <tr key={person.id}>
                        <td>
                          <input
                            type="checkbox"
                            id={`select-${person.id}`}
                            aria-label={t('assign.select', { name: displayName(person) })}
                            checked={selected.has(person.id)}
                            onChange={(event) => toggle(person.id, event.target.checked)}
                          />
                        </td>
                        <th scope="row">
                          <Link to={`/young-people/${person.id}`}>{displayName(person)}</Link>
                        </th>
                        <td>{formatDay(person.dateOfBirth, i18n.language)}</td>
                        <td>{workerName(person.namedWorkerId)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={page} pages={Math.ceil(data.total / PEOPLE_PAGE_SIZE)} onPage={setPage} />
            </>
          )
        }
      </QueryState>
      <HandOverPanel />
    </section>
  );
}

/** Give the selected young people a named worker (or none), in one step. */
function AssignPanel({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const workers = useNamedWorkers();
  const assign = useAssignNamedWorker();
  /** A worker's id, `none` for nobody, '' until chosen (nobody is never the default: it would take workers away by accident). */
  const [to, setTo] = useState('');
  const [done, setDone] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    const name = workers.data?.items.find((worker) => worker.id === to)?.name;
    assign.mutate(
      { youngPersonIds: selected, namedWorkerId: to === 'none' ? null : to },
      {
        onSuccess: (result) => {
          setDone(
            name
              ? t('assign.done', { count: result.moved, name, unchanged: result.unchanged })
              : t('assign.doneNobody', { count: result.moved }),
          );
          onDone();
        },
      },
    );
  };
  if (selected.length === 0)
    return (
      <div className="assign-panel">
        <div role="status">{done && <p className="notice">{done}</p>}</div>
        <p className="hint">{t('assign.hint')}</p>
      </div>
    );
  return (
    <form className="panel assign-panel" onSubmit={submit} aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assign.title', { count: selected.length })}</h2>
      <div role="status">{done && <p className="notice">{done}</p>}</div>
      <WorkerField
        id="assign-to"
        label={t('assign.to')}
        blank={t('events.choose')}
        value={to}
        onChange={setTo}
        activeOnly
      >
        <option value="none">{t('assign.nobody')}</option>
      </WorkerField>
      <button type="submit" disabled={!to || assign.isPending}>
        {t('assign.submit', { count: selected.length })}
      </button>
      {assign.error && <ErrorNotice error={assign.error} />}
    </form>
  );
}

/** A worker leaving: everyone they are named worker of goes to another worker in one step. */
function HandOverPanel() {
  const { t } = useTranslation();
  const workers = useNamedWorkers();
  const assign = useAssignNamedWorker();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [done, setDone] = useState('');
  const name = (id: string) => workers.data?.items.find((worker) => worker.id === id)?.name ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to || from === to) return;
    assign.mutate(
      { fromWorkerId: from, namedWorkerId: to },
      { onSuccess: (result) => setDone(t('handOver.done', { count: result.moved, from: name(from), to: name(to) })) },
    );
  };
  return (
    <details className="panel">
      <summary>{t('handOver.title')}</summary>
      <p>{t('handOver.intro')}</p>
      <form onSubmit={submit}>
        <WorkerField
          id="handover-from"
          label={t('handOver.from')}
          blank={t('events.choose')}
          value={from}
          onChange={setFrom}
        />
        <div className="field">
          <label htmlFor="handover-to">{t('handOver.to')}</label>
          <select id="handover-to" value={to} onChange={(event) => setTo(event.target.value)}>
            <option value="">{t('events.choose')}</option>
            {workers.data?.items
              .filter((worker) => worker.isActive && worker.id !== from)
              .map((worker) => (
                <option key={worker.id} value={worker.id}>
                  {worker.name}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" disabled={!from || !to || from === to || assign.isPending}>
          {t('handOver.submit')}
        </button>
        <div role="status">{done && <p className="notice">{done}</p>}</div>
        {assign.error && <ErrorNotice error={assign.error} />}
      </form>
    </details>
  );
}

/** A choice of the area's named workers, each with the size of their caseload. */
function WorkerField(props: {
  id: string;
  label: string;
  blank: string;
  value: string;
  onChange: (id: string) => void;
  /** Choices after the workers (such as "nobody"). */
  children?: ReactNode;
  /** Leave out leavers (for a new named worker); otherwise they are listed, marked, to hand their caseload over. */
  activeOnly?: boolean;
}) {
  const { t } = useTranslation();
  const workers = useNamedWorkers();
  const shown = workers.data?.items.filter((worker) => worker.isActive || !props.activeOnly) ?? [];
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{props.blank}</option>
        {shown.map((worker) => (
          <option key={worker.id} value={worker.id}>
            {t(worker.isActive ? 'assign.workerWithCount' : 'assign.leaverWithCount', {
              name: worker.name,
              count: worker.caseload,
            })}
          </option>
        ))}
        {props.children}
      </select>
    </div>
  );
}

/** GOV.UK pagination: previous and next, and where this page is. */
function Pagination({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('people.pages')}>
      {page > 1 && (
        <button type="button" className="secondary" onClick={() => onPage(page - 1)}>
          {t('people.previous')}
        </button>
      )}{' '}
      <span>{t('people.pageOf', { page, pages })}</span>{' '}
      {page < pages && (
        <button type="button" className="secondary" onClick={() => onPage(page + 1)}>
          {t('people.next')}
        </button>
      )}
    </nav>
  );
}
