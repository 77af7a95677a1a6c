import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHandovers, useHandoverStep, type Handover } from '../api/queries.ts';
import { MyActions } from '../components/MyActions.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, errorFor, QueryState } from '../components/QueryState.tsx';
import { formatDay, formatMoment } from '../lib/format.ts';

/** Adult services: who is coming, soonest move first, with the lead time left. */
export function HandoverInboxPage() {
  const { t } = useTranslation();
  const handovers = useHandovers();
  return (
    <section>
      <PageHeading title={t('inbox.title')} />
      <p className="lead">{t('inbox.intro')}</p>
      <MyActions linkToReview />
      <QueryState query={handovers}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('inbox.empty')}</p>
          ) : (
            <ol className="inbox">
              {[...data.items]
                .sort((a, b) => a.daysToTransfer - b.daysToTransfer)
                .map((handover) => (
                  <InboxItem key={handover.id} handover={handover} />
                ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

function InboxItem({ handover }: { handover: Handover }) {
  const { t, i18n } = useTranslation();
  const step = useHandoverStep();
  const canAcknowledge = handover.status === 'sent' || handover.status === 'info_requested';
  const headingId = `handover-${handover.id}`;
  return (
    <li className="inbox-item" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/handovers/${handover.id}`}>{handover.youngPersonName}</Link>
      </h2>
      <dl className="facts">
        <dt>{t('handover.expectedTransfer')}</dt>
        <dd>{handover.expectedTransfer ? formatDay(handover.expectedTransfer, i18n.language) : '—'}</dd>
        <dt>{t('handover.leadTime')}</dt>
        <dd className={handover.daysToTransfer < 90 ? 'late' : undefined}>
          {handover.daysToTransfer >= 0
            ? t('handover.daysLeft', { count: handover.daysToTransfer })
            : t('handover.daysPast', { count: -handover.daysToTransfer })}
        </dd>
        <dt>{t('handover.status')}</dt>
        <dd>
          {t(`handoverStatus.${handover.status}`)}
          {handover.acknowledgedAt && ` · ${formatMoment(handover.acknowledgedAt, i18n.language)}`}
        </dd>
      </dl>
      <p className="preserve-lines clamp">{handover.summary}</p>
      <p className="actions">
        <Link to={`/handovers/${handover.id}`}>{t('inbox.open')}</Link>
        <Link to={`/young-people/${handover.youngPersonId}`}>{t('inbox.openPlan')}</Link>
        {canAcknowledge && (
          <button
            type="button"
            disabled={step.isPending}
            onClick={() => step.mutate({ handover, step: { action: 'acknowledge' } })}
          >
            {t('inbox.acknowledge')}
          </button>
        )}
      </p>
      {step.isError && <ErrorNotice error={step.error} onReload={() => step.reset()} />}
      {handover.status === 'sent' && <AskForInformation handover={handover} />}
    </li>
  );
}

export function AskForInformation({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  const step = useHandoverStep();
  const [message, setMessage] = useState('');
  const id = `ask-${handover.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({ handover, step: { action: 'request-info', message } }, { onSuccess: () => setMessage('') });
  };
  const fieldError = errorFor(step.error, 'message');
  return (
    <details className="ask">
      <summary>{t('inbox.ask')}</summary>
      <form onSubmit={submit}>
        <label htmlFor={id}>{t('inbox.askLabel')}</label>
        <textarea
          id={id}
          rows={3}
          required
          maxLength={5000}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          aria-invalid={Boolean(fieldError) || undefined}
        />
        <button type="submit" disabled={step.isPending || message.trim() === ''}>
          {t('inbox.askSend')}
        </button>
        {step.isError && <ErrorNotice error={step.error} onReload={() => step.reset()} />}
      </form>
    </details>
  );
}
