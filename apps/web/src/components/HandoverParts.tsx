import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverWithDocuments } from '../api/queries.ts';
import { useChangeHandover, useHandoverVersions, type PackWords } from '../api/together-queries.ts';
import { formatMoment } from '../lib/format.ts';
import { ErrorSummary, type FieldProblem } from './ErrorSummary.tsx';
import { ErrorNotice } from './QueryState.tsx';
import { TextAreaField } from './TextField.tsx';

const PACK_FIELDS = ['summary', 'whatMatters', 'needs', 'currentSupport', 'contacts', 'pendingDecisions'] as const;

/**
 * The pack's words, to change: a draft is saved as it is; a sent pack is published as its next
 * version, with a note for the conversation about it.
 */
export function PackForm({ handover, onDone }: { handover: HandoverWithDocuments; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeHandover(handover.id);
  const mode = handover.status === 'draft' ? 'draft' : 'publish';
  // A pack sent before versions were kept counts as version 1 (as the server numbers it).
  const nextVersion = Math.max(handover.packVersion, 1) + 1;
  const [words, setWords] = useState<Record<(typeof PACK_FIELDS)[number], string>>(() => ({
    summary: handover.summary,
    whatMatters: handover.whatMatters ?? '',
    needs: handover.needs ?? '',
    currentSupport: handover.currentSupport ?? '',
    contacts: handover.contacts ?? '',
    pendingDecisions: handover.pendingDecisions ?? '',
  }));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!words.summary.trim()) {
      setProblems([{ field: 'pack-summary', message: t('together.handover.summaryMissing') }]);
      return;
    }
    setProblems([]);
    const pack: PackWords = { summary: words.summary.trim() };
    for (const field of PACK_FIELDS.slice(1)) if (words[field].trim()) pack[field] = words[field].trim();
    change.mutate({ mode, version: handover.version, pack, note: note.trim() || undefined }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate className="panel">
      <h2>
        {mode === 'draft'
          ? t('together.handover.editTitle', { agency: handover.toAgencyName })
          : t('together.handover.publishTitle', { version: nextVersion })}
      </h2>
      {mode === 'publish' && <p>{t('together.handover.publishHint', { agency: handover.toAgencyName })}</p>}
      <ErrorSummary problems={problems} />
      {PACK_FIELDS.map((field) => (
        <TextAreaField
          key={field}
          id={`pack-${field}`}
          label={t(`together.handover.fields.${field}`)}
          rows={field === 'summary' ? 5 : 3}
          value={words[field]}
          error={field === 'summary' ? problems[0]?.message : undefined}
          onChange={(event) => setWords((current) => ({ ...current, [field]: event.target.value }))}
        />
      ))}
      {mode === 'publish' && (
        <TextAreaField
          id="pack-note"
          label={t('together.handover.note')}
          hint={t('together.handover.noteHint')}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      )}
      {change.isError && <ErrorNotice error={change.error} onReload={() => change.reset()} />}
      <p className="actions">
        <button type="submit" disabled={change.isPending}>
          {mode === 'draft'
            ? t('together.handover.save')
            : t('together.handover.publishSubmit', { version: nextVersion })}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          {t('together.handover.cancel')}
        </button>
      </p>
    </form>
  );
}

/** Each published version, newest first, with what it changed: how the agency sees what is new. */
export function HandoverVersions({ handoverId }: { handoverId: string }) {
  const { t, i18n } = useTranslation();
  const versions = useHandoverVersions(handoverId, true);
  const items = versions.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('together.handover.versions')}</h2>
      <ol className="plain-list">
        {items.map((item) => (
          <li key={item.version}>
            <strong>{t('together.handover.version', { version: item.version })}</strong>,{' '}
            {formatMoment(item.publishedAt, i18n.language)}:{' '}
            {item.changed.length > 0
              ? t('together.handover.changedFields', {
                  fields: item.changed.map((field) => t(`together.handover.fields.${field}`)).join(', '),
                })
              : t('together.handover.firstVersion')}
            {item.note && <p className="muted">{t('together.handover.noteLabel', { note: item.note })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The documents the receiving agency may open, each a download. */
export function SharedDocuments({ handover }: { handover: HandoverWithDocuments }) {
  const { t } = useTranslation();
  const documents = handover.documents ?? [];
  return (
    <section className="panel" aria-labelledby="shared-documents-heading">
      <h2 id="shared-documents-heading">{t('together.handover.documents', { agency: handover.toAgencyName })}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t('together.handover.noDocuments')}</p>
      ) : (
        <ul className="plain-list">
          {documents.map((document) => (
            <li key={document.id}>
              <a href={`/api/documents/${document.id}/content`} download={document.fileName}>
                {t('together.documents.download', { title: document.title })}
              </a>{' '}
              <span className="muted">({t(`together.documents.types.${document.type}`)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
