import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { startImport, useImportRun, type ImportRun } from '../../api/people-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';

/**
 * Team managers: bring a caseload in from CSV. The file is checked first (a dry run: every
 * row's problems and what would change, nothing saved); then imported, with progress; a
 * second import of the same file changes nothing.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isStarting, setIsStarting] = useState(false);
  const run = useImportRun(runId);
  const client = useQueryClient();

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setIsStarting(true);
    setError(null);
    try {
      const run = await startImport(file, dryRun);
      // The answer is the run itself: its progress shows at once, before the first poll.
      client.setQueryData(['imports', run.id], run);
      setRunId(run.id);
    } catch (caught) {
      setError(caught);
      setRunId(null);
    } finally {
      setIsStarting(false);
    }
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    void start(true);
  };
  const report = run.data;
  const isRunning = report?.status === 'running' && !report.isInterrupted;

  return (
    <section className="narrow-wide">
      <PageHeading title={t('import.title')} />
      <p>{t('import.intro')}</p>
      <p>
        <a href="/api/imports/young-people/template.csv" download>
          {t('import.template')}
        </a>
      </p>
      <details>
        <summary>{t('import.columnsTitle')}</summary>
        <p>{t('import.columnsText')}</p>
        <p>{t('import.sen2Text')}</p>
        <p>{t('import.matchText')}</p>
      </details>
      <form onSubmit={check} className="panel">
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <p className="hint" id="import-file-hint">
            {t('import.fileHint')}
          </p>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-file-hint"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setRunId(null);
            }}
          />
        </div>
        <button type="submit" disabled={!file || isStarting || isRunning}>
          {t('import.check')}
        </button>
        {error !== null && <ErrorNotice error={error} />}
      </form>
      {report && <RunReport run={report} onImport={() => void start(false)} canImport={!isStarting && !isRunning} />}
    </section>
  );
}

function RunReport({ run, onImport, canImport }: { run: ImportRun; onImport: () => void; canImport: boolean }) {
  const { t } = useTranslation();
  const failed = run.rows.filter((row) => row.outcome === 'failed');
  const changing = run.rows.filter((row) => row.outcome === 'created' || row.outcome === 'updated');
  const toImport = run.created + run.updated;
  const isRunning = run.status === 'running' && !run.isInterrupted;
  return (
    <section aria-labelledby="report-title" className="import-report">
      <h2 id="report-title">{run.isDryRun ? t('import.checkTitle') : t('import.importTitle')}</h2>
      {isRunning ? (
        <div role="status">
          <label htmlFor="import-progress">
            {t(run.isDryRun ? 'import.checking' : 'import.importing', {
              done: run.processedRows,
              total: run.totalRows,
            })}
          </label>
          <progress id="import-progress" max={run.totalRows} value={run.processedRows} />
        </div>
      ) : run.isInterrupted || run.status === 'failed' ? (
        <div role="alert" className="notice notice-error">
          <p>{t('import.stopped', { done: run.processedRows, total: run.totalRows })}</p>
        </div>
      ) : (
        <>
          <div role="status" className={failed.length > 0 ? 'notice notice-warning' : 'notice'}>
            <p>
              <strong>
                {run.isDryRun
                  ? t('import.wouldSummary', { created: run.created, updated: run.updated, unchanged: run.unchanged })
                  : t('import.doneSummary', { created: run.created, updated: run.updated, unchanged: run.unchanged })}
              </strong>
            </p>
            {failed.length > 0 && <p>{t('import.failedSummary', { count: failed.length })}</p>}
          </div>
          {run.ignoredColumns.length > 0 && (
            <p className="hint">{t('import.ignored', { columns: run.ignoredColumns.join(', ') })}</p>
          )}
          {failed.length > 0 && <ProblemTable rows={failed} />}
          {changing.length > 0 && <ChangeTable run={run} rows={changing} />}
          {run.isDryRun && toImport > 0 && (
            <p className="actions">
              <button type="button" onClick={onImport} disabled={!canImport}>
                {t('import.run', { count: toImport })}
              </button>
            </p>
          )}
          {!run.isDryRun && (
            <p>
              <Link to="/young-people">{t('import.seePeople')}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

type Row = ImportRun['rows'][number];

function ProblemTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="problems-title">
      <table>
        <caption id="problems-title">{t('import.problemsTitle', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.line')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            (row.problems ?? []).map((problem, index) => (
              <tr key={`${row.line}-${index}`}>
                <th scope="row">{row.line}</th>
                <td>
                  <code>{problem.column}</code>
                </td>
                <td>{t(`import.problems.${problem.code}`, { defaultValue: problem.message })}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** What is (or would be) created or changed; a long file shows its first 200 here. */
const SHOWN = 200;

function ChangeTable({ run, rows }: { run: ImportRun; rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <details className="panel">
      <summary>{t(run.isDryRun ? 'import.wouldChange' : 'import.changed', { count: rows.length })}</summary>
      {rows.length > SHOWN && <p>{t('import.firstShown', { shown: SHOWN })}</p>}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('import.line')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('import.line')}</th>
              <th scope="col">{t('assign.name')}</th>
              <th scope="col">{t('import.what')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((row) => (
              <tr key={row.line}>
                <th scope="row">{row.line}</th>
                <td>
                  {!run.isDryRun && row.youngPersonId ? (
                    <Link to={`/young-people/${row.youngPersonId}`}>{row.name}</Link>
                  ) : (
                    row.name
                  )}
                </td>
                <td>
                  {row.outcome === 'created'
                    ? t('import.created', { events: row.eventsAdded ?? 0 })
                    : t('import.updated', {
                        fields:
                          (row.fields ?? [])
                            .map((field) => t(`import.fields.${field}`, { defaultValue: field }))
                            .join(', ') || '—',
                        events: row.eventsAdded ?? 0,
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
