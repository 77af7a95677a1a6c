import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../api/http.ts';
import { useFetchOffer, useForgetOfferFeed, useOfferFeed, type OfferImportReport } from '../../api/offer-queries.ts';
import { useAreas, useSession } from '../../api/queries.ts';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatMoment } from '../../lib/format.ts';

/**
 * Administrators load their area's local offer: from the council's Open Referral UK API (now,
 * and every day if saved) or from a file, and read what happened to each record.
 */
export function OfferImport() {
  const { t } = useTranslation();
  const areas = useAreas();
  const session = useSession();
  const ownArea = session.data?.areaId ?? null;
  const [chosenArea, setChosenArea] = useState('');
  const areaId = ownArea ?? chosenArea;
  const [report, setReport] = useState<OfferImportReport | null>(null);
  return (
    <section className="panel" aria-labelledby="offer-import-heading">
      <h2 id="offer-import-heading">{t('offer.import.title')}</h2>
      <p>{t('offer.import.intro')}</p>
      {!ownArea && (
        <div className="field">
          <label htmlFor="offer-area">{t('offer.import.area')}</label>
          <select id="offer-area" value={chosenArea} onChange={(event) => setChosenArea(event.target.value)}>
            <option value="">{t('events.choose')}</option>
            {(areas.data?.items ?? []).map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <FromApi areaId={areaId} onReport={setReport} />
      <FromFile areaId={areaId} onReport={setReport} />
      <div role="status">{report && <Report report={report} />}</div>
    </section>
  );
}

function FromApi({ areaId, onReport }: { areaId: string; onReport: (report: OfferImportReport) => void }) {
  const { t, i18n } = useTranslation();
  const feed = useOfferFeed(areaId);
  const fetchNow = useFetchOffer();
  const forget = useForgetOfferFeed();
  const [url, setUrl] = useState('');
  const [daily, setDaily] = useState(true);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const saved = feed.data?.url ? feed.data : null;
  const last = saved?.lastResult as { ok?: boolean; message?: string; servicesRead?: number } | null | undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!areaId) found.push({ field: 'offer-area', message: t('offer.import.problemsArea') });
    if (!/^https?:\/\/\S+$/.test(url.trim()))
      found.push({ field: 'offer-url', message: t('offer.import.problemsUrl') });
    setProblems(found);
    if (found.length === 0) fetchNow.mutate({ areaId, url: url.trim(), daily }, { onSuccess: onReport });
  };
  return (
    <form noValidate onSubmit={submit} className="stack">
      <h3>{t('offer.import.fromUrl')}</h3>
      {saved && (
        <div className="notice">
          <p>{t('offer.import.saved', { url: saved.url })}</p>
          {saved.lastFetchedAt && last && (
            <p>
              {last.ok
                ? t('offer.import.lastFetched', {
                    when: formatMoment(saved.lastFetchedAt, i18n.language),
                    outcome: t('offer.search.found', { count: last.servicesRead ?? 0 }),
                  })
                : t('offer.import.lastFailed', {
                    when: formatMoment(saved.lastFetchedAt, i18n.language),
                    message: last.message ?? '',
                  })}
            </p>
          )}
          <button
            type="button"
            className="link-button"
            disabled={forget.isPending}
            onClick={() => forget.mutate(areaId)}
          >
            {t('offer.import.forget')}
          </button>
        </div>
      )}
      <ErrorSummary problems={problems} />
      {fetchNow.isError && <ErrorNotice error={fetchNow.error} />}
      <TextField
        id="offer-url"
        type="url"
        label={t('offer.import.url')}
        hint={t('offer.import.urlHint')}
        error={problems.find((problem) => problem.field === 'offer-url')?.message}
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      <div className="choice">
        <input id="offer-daily" type="checkbox" checked={daily} onChange={(event) => setDaily(event.target.checked)} />
        <label htmlFor="offer-daily">{t('offer.import.daily')}</label>
      </div>
      <button type="submit" disabled={fetchNow.isPending}>
        {fetchNow.isPending ? t('common.saving') : t('offer.import.fetch')}
      </button>
    </form>
  );
}

function FromFile({ areaId, onReport }: { areaId: string; onReport: (report: OfferImportReport) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isSending, setIsSending] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!areaId) found.push({ field: 'offer-area', message: t('offer.import.problemsArea') });
    if (!file) found.push({ field: 'offer-file', message: t('offer.import.problemsFile') });
    setProblems(found);
    if (!file || found.length > 0) return;
    setIsSending(true);
    setError(null);
    try {
      onReport(
        await uploadFile<OfferImportReport>(
          `/api/agencies/import?areaId=${encodeURIComponent(areaId)}`,
          file.name.endsWith('.ndjson') || file.name.endsWith('.jsonl') ? 'application/x-ndjson' : 'application/json',
          file,
        ),
      );
      void client.invalidateQueries();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSending(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="stack">
      <h3>{t('offer.import.fromFile')}</h3>
      <ErrorSummary problems={problems} />
      <div className={problems.some((p) => p.field === 'offer-file') ? 'field field-with-error' : 'field'}>
        <label htmlFor="offer-file">{t('offer.import.file')}</label>
        {problems.some((p) => p.field === 'offer-file') && (
          <p className="field-error" id="offer-file-error">
            {t('offer.import.problemsFile')}
          </p>
        )}
        <input
          id="offer-file"
          type="file"
          accept=".ndjson,.json,.jsonl,application/json,application/x-ndjson"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" disabled={isSending}>
        {isSending ? t('common.saving') : t('offer.import.upload')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}

/** What a load did: counts, then the records skipped, changed on the way in, and refused. */
function Report({ report }: { report: OfferImportReport }) {
  const { t } = useTranslation();
  const lists: [string, { key: string; text: string }[]][] = [
    [
      t('offer.import.skipped', { count: report.skipped.length }),
      report.skipped.map((skip) => ({
        key: `s${skip.line}`,
        text: `${t('offer.import.line', { line: skip.line })}: ${skip.name ?? skip.id} — ${skip.reason}`,
      })),
    ],
    [
      t('offer.import.warnings', { count: report.warnings.length }),
      report.warnings.map((warning, index) => ({
        key: `w${index}`,
        text: `${t('offer.import.line', { line: warning.line })}: ${warning.field} — ${warning.message}`,
      })),
    ],
    [
      t('offer.import.problems', { count: report.problems.length }),
      report.problems.map((problem, index) => ({
        key: `p${index}`,
        text: `${t('offer.import.line', { line: problem.line })}: ${problem.field} — ${problem.message}`,
      })),
    ],
  ];
  return (
    <div className="import-report">
      <p>
        {t('offer.import.report', {
          count: report.servicesRead,
          created: report.servicesCreated,
          updated: report.servicesUpdated,
          unchanged: report.servicesUnchanged,
          withdrawn: report.servicesWithdrawn,
        })}
      </p>
      {lists
        .filter(([, items]) => items.length > 0)
        .map(([title, items]) => (
          <details key={title}>
            <summary>{title}</summary>
            <ul>
              {items.map((item) => (
                <li key={item.key}>{item.text}</li>
              ))}
            </ul>
          </details>
        ))}
    </div>
  );
}
