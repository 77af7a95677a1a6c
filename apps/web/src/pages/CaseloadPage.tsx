import { MyActions } from '../components/MyActions.tsx';
import { ReviewsUnderWay } from '../components/ReviewsUnderWay.tsx';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCaseload, useSession } from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, Loading } from '../components/QueryState.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import {
  arrangeCaseload,
  caseloadRows,
  type CaseloadRow,
  type CaseloadView,
  type GroupKey,
  type ListItem,
  type SortKey,
} from '../lib/caseload-view.ts';
import { caseloadWindow } from '../lib/caseload-window.ts';
import { localToday } from '../lib/calendar-days.ts';
import { daysBetween, formatDay } from '../lib/format.ts';

const SORTS: SortKey[] = ['due', 'name', 'pathway', 'status'];
const GROUPS: GroupKey[] = ['none', 'person', 'pathway', 'agency', 'status', 'worker'];
/** Live work, then missed milestones (fetched only when asked for: they are not actions). */
const STATUSES = ['overdue', 'due', 'upcoming', 'missed'] as const;

/** The caseload's filters live in the address, so a view can be bookmarked or shared with a colleague. */
function useCaseloadParams(role: string | undefined) {
  const [params, setParams] = useSearchParams();
  const today = localToday();
  const set = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const view = useMemo<CaseloadView>(() => {
    const sort = params.get('sort') ?? '';
    const group = params.get('group') ?? '';
    return {
      search: params.get('q') ?? '',
      pathway: params.get('pathway') ?? '',
      status: params.get('status') ?? '',
      agency: params.get('agency') ?? '',
      worker: params.get('worker') ?? '',
      sort: (SORTS as string[]).includes(sort) ? (sort as SortKey) : 'due',
      group: (GROUPS as string[]).includes(group) ? (group as GroupKey) : 'none',
    };
  }, [params]);
  return { ...caseloadWindow(params, role, today), view, set, today };
}

export function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const user = useSession().data;
  const { from, to, scope, filter, view, set, today } = useCaseloadParams(user?.role);
  const isManager = user?.role === 'team_manager';
  const caseload = useCaseload(filter);
  const rows = useMemo(() => (caseload.data ? caseloadRows(caseload.data) : undefined), [caseload.data]);
  const items = useMemo(() => arrangeCaseload(rows ?? [], view), [rows, view]);
  const options = useMemo(() => optionsOf(rows ?? []), [rows]);

  return (
    <section>
      <PageHeading title={t('caseload.title')} />
      <p className="lead">{t('caseload.intro')}</p>
      <MyActions linkToReview />
      <ReviewsUnderWay ownOnly={!isManager} />
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('caseload.title')}>
        <div className="field">
          <label htmlFor="from">{t('caseload.from')}</label>
          <input
            id="from"
            type="date"
            value={from}
            max={to}
            onChange={(event) => event.target.value && set('from', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="to">{t('caseload.to')}</label>
          <input
            id="to"
            type="date"
            value={to}
            min={from}
            onChange={(event) => event.target.value && set('to', event.target.value)}
          />
        </div>
        {!isManager && (
          <div className="field">
            <label htmlFor="scope">{t('caseload.scope')}</label>
            <select id="scope" value={scope} onChange={(event) => set('scope', event.target.value)}>
              <option value="mine">{t('caseload.mine')}</option>
              <option value="area">{t('caseload.everyone')}</option>
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="q">{t('caseload.search')}</label>
          <input id="q" type="search" value={view.search} onChange={(event) => set('q', event.target.value)} />
        </div>
        <Choice
          id="pathway"
          label={t('caseload.pathway')}
          value={view.pathway}
          onChange={(value) => set('pathway', value)}
          options={options.pathways.map((p) => [p, t(`pathways.${p}`)])}
        />
        <Choice
          id="status"
          label={t('caseload.status')}
          value={view.status}
          onChange={(value) => set('status', value)}
          options={STATUSES.map((s) => [s, t(`status.${s}`)])}
        />
        <Choice
          id="agency"
          label={t('caseload.agency')}
          value={view.agency}
          onChange={(value) => set('agency', value)}
          options={options.agencies.map((a) => [a, t(`agencies.${a}`, { defaultValue: a })])}
        />
        {(isManager || scope === 'area') && (
          <Choice
            id="worker"
            label={t('caseload.worker')}
            value={view.worker}
            onChange={(value) => set('worker', value)}
            options={options.workers.map(([id, name]) => [id, name || t('caseload.unassigned')])}
          />
        )}
        <Choice
          id="group"
          label={t('caseload.groupBy')}
          value={view.group}
          onChange={(value) => set('group', value)}
          options={GROUPS.map((g) => [g, t(`caseload.group.${g}`)])}
          required
        />
        <Choice
          id="sort"
          label={t('caseload.sortBy')}
          value={view.sort}
          onChange={(value) => set('sort', value)}
          options={SORTS.map((s) => [s, t(`caseload.sort.${s}`)])}
          required
        />
      </form>

      {caseload.isPending ? (
        <Loading />
      ) : caseload.isError ? (
        <ErrorNotice error={caseload.error} onReload={() => void caseload.refetch()} />
      ) : (
        <>
          <p role="status" className="count">
            {t('caseload.rows', { count: items.filter((item) => item.kind === 'row').length })}
            {caseload.isFetching && ` · ${t('common.loading')}`}
          </p>
          {caseload.data.total > caseload.data.items.length && (
            <p className="notice notice-warning">
              {t('caseload.truncated', { shown: caseload.data.items.length, total: caseload.data.total })}
            </p>
          )}
          {items.length === 0 ? (
            <p className="empty">{t('caseload.empty')}</p>
          ) : (
            <CaseloadTable items={items} today={today} language={i18n.language} group={view.group} />
          )}
        </>
      )}
    </section>
  );
}

function optionsOf(rows: readonly CaseloadRow[]) {
  const pathways = new Set<string>();
  const agencies = new Set<string>();
  const workers = new Map<string, string>();
  for (const row of rows) {
    pathways.add(row.pathway);
    agencies.add(row.leadAgency);
    workers.set(row.namedWorkerId ?? 'none', row.namedWorkerName ?? '');
  }
  return {
    pathways: [...pathways].sort(),
    agencies: [...agencies].sort(),
    workers: [...workers].sort((a, b) => a[1].localeCompare(b[1])),
  };
}

function Choice(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {!props.required && <option value="">{t('common.all')}</option>}
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

const COLUMNS = ['person', 'milestone', 'due', 'why', 'lead', 'status'] as const;

/**
 * Only the rows in view are in the page (thousands of rows stay fast); the table keeps its
 * row count and each row its index, so screen readers still say "row 12 of 4,000".
 */
function CaseloadTable({
  items,
  today,
  language,
  group,
}: {
  items: ListItem[];
  today: string;
  language: string;
  group: GroupKey;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 8,
  });

  const visibleRows = virtualizer.getVirtualItems().length;
  useEffect(() => {
    // For scripts/caseload-perf.ts: the moment the first rows are on screen.
    if (visibleRows > 0 && performance.getEntriesByName('caseload-rendered').length === 0)
      performance.mark('caseload-rendered');
  }, [visibleRows]);

  return (
    <div className="table-scroll" ref={scroller} tabIndex={0} role="region" aria-label={t('caseload.title')}>
      <div role="table" aria-rowcount={items.length + 1} className="caseload-table">
        <div role="rowgroup" className="caseload-head">
          <div role="row" aria-rowindex={1} className="caseload-row">
            {COLUMNS.map((column) => (
              <div role="columnheader" key={column} className={`cell cell-${column}`}>
                {t(`caseload.columns.${column}`)}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index] as ListItem;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={virtual.index + 2}
                data-index={virtual.index}
                ref={virtualizer.measureElement}
                className={item.kind === 'group' ? 'caseload-row group-row' : 'caseload-row'}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${virtual.start}px)`,
                }}
              >
                {item.kind === 'group' ? (
                  <GroupCell item={item} group={group} />
                ) : (
                  <RowCells row={item.row} today={today} language={language} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function GroupCell({ item, group }: { item: Extract<ListItem, { kind: 'group' }>; group: GroupKey }) {
  const { t, i18n } = useTranslation();
  const label =
    group === 'person'
      ? `${item.first.name} (${t('people.born', { date: formatDay(item.first.dateOfBirth, i18n.language) })})`
      : group === 'pathway'
        ? t(`pathways.${item.label}`)
        : group === 'agency'
          ? t(`agencies.${item.label}`, { defaultValue: item.label })
          : group === 'status'
            ? t(`status.${item.label}`)
            : group === 'worker' && !item.label
              ? t('caseload.unassigned')
              : item.label;
  return (
    <div role="rowheader" aria-colspan={COLUMNS.length} className="cell group-cell">
      <strong>{label}</strong> · {t('caseload.rows', { count: item.count })}
    </div>
  );
}

function RowCells({ row, today, language }: { row: CaseloadRow; today: string; language: string }) {
  const { t } = useTranslation();
  const days = row.dueDate ? daysBetween(today, row.dueDate) : null;
  return (
    <>
      <div role="cell" className="cell cell-person">
        <Link to={`/young-people/${row.youngPersonId}`}>{row.name}</Link>
        <span className="muted">
          {t('people.born', { date: formatDay(row.dateOfBirth, language) })}
          {row.namedWorkerName && ` · ${row.namedWorkerName}`}
        </span>
      </div>
      <div role="cell" className="cell cell-milestone">
        {row.title}
        <span className="muted">{t(`pathways.${row.pathway}`)}</span>
      </div>
      <div role="cell" className="cell cell-due">
        {row.dueDate ? formatDay(row.dueDate, language) : '—'}
        {days !== null && row.status !== 'done' && (
          <span className={days < 0 ? 'late' : 'muted'}>
            {days < 0
              ? t('caseload.lateBy', { days: t('common.days', { count: -days }) })
              : days === 0
                ? t('caseload.dueToday')
                : t('caseload.dueIn', { days: t('common.days', { count: days }) })}
          </span>
        )}
      </div>
      <div role="cell" className="cell cell-why">
        {row.rule}
        <span className="muted">{row.source}</span>
      </div>
      <div role="cell" className="cell cell-lead">
        {t(`agencies.${row.leadAgency}`, { defaultValue: row.leadAgency })}
      </div>
      <div role="cell" className="cell cell-status">
        <StatusBadge status={row.status} />
      </div>
    </>
  );
}
