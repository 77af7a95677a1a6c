import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAreas, useForecast, type ForecastRow } from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ReferralDemand } from '../components/ReferralDemand.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { formatMonth } from '../lib/format.ts';
import { PATHWAYS } from '@pathways/engine';
import { summarise, type Cell, type Summary } from '../lib/forecast-table.ts';

// Colours from a palette that stays distinct for the common colour-vision deficiencies (Okabe–Ito).
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7a6a00', '#000000'];

/** Commissioners: the demand coming, as charts and as the same figures in tables. */
export default function CommissioningPage() {
  const { t } = useTranslation();
  const forecast = useForecast();
  // A council sees its own demand only: the page says whose it is.
  const council = useAreas()
    .data?.items.map((area) => area.name)
    .join(', ');
  return (
    <section>
      <PageHeading title={t('forecast.title')} />
      {council && <p className="muted">{t('forecast.council', { council })}</p>}
      <p className="lead">{t('forecast.intro')}</p>
      <p>
        <a href="/api/forecast.csv" download="pathways-forecast.csv">
          {t('forecast.csv')}
        </a>
      </p>
      <QueryState query={forecast}>{(data) => <ForecastViews rows={data.rows} />}</QueryState>
      <ReferralDemand />
    </section>
  );
}

function ForecastViews({ rows: allRows }: { rows: ForecastRow[] }) {
  const { t, i18n } = useTranslation();
  // Missed milestones can no longer be done as such: not demand to plan for, counted apart.
  const rows = useMemo(() => allRows.filter((row) => row.month !== 'missed'), [allRows]);
  const missed = useMemo(
    () =>
      summarise(
        allRows.filter((row) => row.month === 'missed'),
        () => 'missed',
        () => 'all',
      ).rowTotals.get('missed'),
    [allRows],
  );
  const byMonth = useMemo(
    () =>
      summarise(
        rows,
        (r) => r.month,
        (r) => r.pathway,
        PATHWAYS,
      ),
    [rows],
  );
  const byAgency = useMemo(
    () =>
      summarise(
        rows,
        (r) => r.leadAgency,
        () => 'all',
      ),
    [rows],
  );
  const monthLabel = (month: string) => (month === 'late' ? t('forecast.late') : formatMonth(month, i18n.language));
  const pathwayLabel = (pathway: string) => t(`pathways.${pathway}`, { defaultValue: pathway });
  const agencyLabel = (agency: string) => t(`agencies.${agency}`, { defaultValue: agency });
  // "Already late" is backlog, not demand to come: a figure of its own, so it does not flatten the months.
  const late = byMonth.rowTotals.get('late');
  const monthData = byMonth.rows
    .filter((month) => month !== 'late')
    .map((month) => ({
      month: monthLabel(month),
      ...Object.fromEntries(
        byMonth.columns.map((pathway) => [pathway, byMonth.cells.get(`${month}|${pathway}`)?.count ?? 0]),
      ),
    }));
  const agencyData = byAgency.rows
    .map((agency) => ({ agency: agencyLabel(agency), count: byAgency.rowTotals.get(agency)?.count ?? 0 }))
    .sort((a, b) => b.count - a.count);

  return (
    <>
      <section aria-labelledby="by-month" className="panel">
        <h2 id="by-month">{t('forecast.byMonth')}</h2>
        {late && (
          <p className="big-figure">
            {t('forecast.lateNow')}:{' '}
            <strong>
              <CellText cell={late} />
            </strong>
          </p>
        )}
        {missed && (
          <p>
            {t('forecast.missed')}:{' '}
            <strong>
              <CellText cell={missed} />
            </strong>{' '}
            <span className="muted">{t('forecast.missedHelp')}</span>
          </p>
        )}
        <figure className="chart" role="img" aria-label={t('forecast.chartLabel')}>
          <ResponsiveContainer width="100%" height={360}>
            <BarChart data={monthData} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" interval="preserveStartEnd" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend formatter={(value: string) => <span className="legend-text">{value}</span>} />
              {byMonth.columns.map((pathway, index) => (
                <Bar
                  key={pathway}
                  dataKey={pathway}
                  name={pathwayLabel(pathway)}
                  stackId="pathways"
                  fill={COLOURS[index % COLOURS.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <SummaryTable
          caption={t('forecast.table')}
          summary={byMonth}
          rowLabel={monthLabel}
          columnLabel={pathwayLabel}
          rowHeading={t('forecast.month')}
        />
      </section>
      <section aria-labelledby="by-agency" className="panel">
        <h2 id="by-agency">{t('forecast.byAgency')}</h2>
        <figure className="chart" role="img" aria-label={t('forecast.agencyChartLabel')}>
          <ResponsiveContainer width="100%" height={Math.max(200, agencyData.length * 36)}>
            <BarChart data={agencyData} layout="vertical" margin={{ left: 160 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="agency" width={150} />
              <Tooltip />
              <Bar dataKey="count" name={t('forecast.count')} fill={COLOURS[0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <SummaryTable
          caption={t('forecast.table')}
          summary={byAgency}
          rowLabel={agencyLabel}
          columnLabel={() => t('forecast.count')}
          rowHeading={t('caseload.agency')}
          hideTotalColumn
        />
      </section>
    </>
  );
}

function CellText({ cell }: { cell: Cell | undefined }) {
  const { t } = useTranslation();
  if (!cell) return <>0</>;
  // A count that left out cells under 5 says so in words, not by colour or a symbol alone.
  return <>{cell.hasSuppressed ? `${cell.count} + ${t('forecast.suppressed')}` : cell.count}</>;
}

function SummaryTable(props: {
  caption: string;
  summary: Summary;
  rowLabel: (row: string) => string;
  columnLabel: (column: string) => string;
  rowHeading: string;
  hideTotalColumn?: boolean;
}) {
  const { t } = useTranslation();
  const { summary } = props;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table className="numbers">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeading}</th>
            {summary.columns.map((column) => (
              <th scope="col" key={column}>
                {props.columnLabel(column)}
              </th>
            ))}
            {!props.hideTotalColumn && <th scope="col">{t('forecast.total')}</th>}
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row}>
              <th scope="row">{props.rowLabel(row)}</th>
              {summary.columns.map((column) => (
                <td key={column}>
                  <CellText cell={summary.cells.get(`${row}|${column}`)} />
                </td>
              ))}
              {!props.hideTotalColumn && (
                <td>
                  <CellText cell={summary.rowTotals.get(row)} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
