import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHandover, useHandoverStep, type Handover, type SessionUser } from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, QueryState } from '../components/QueryState.tsx';
import { formatDay, formatMoment } from '../lib/format.ts';
import { AskForInformation } from './HandoverInboxPage.tsx';

const SECTIONS = ['summary', 'whatMatters', 'needs', 'currentSupport', 'contacts', 'pendingDecisions'] as const;

/** One handover pack: readable on screen, printable, downloadable as FHIR; moved on by whoever's turn it is. */
export function HandoverPage({ user }: { user: SessionUser }) {
  const { id = '' } = useParams();
  const handover = useHandover(id);
  return <QueryState query={handover}>{(data) => <HandoverPack handover={data} user={user} />}</QueryState>;
}

function HandoverPack({ handover, user }: { handover: Handover; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const step = useHandoverStep();
  const isStaff = user.role === 'transition_worker' || user.role === 'team_manager';
  const canSend = isStaff && (handover.status === 'draft' || handover.status === 'info_requested');
  const canAcknowledge =
    user.role === 'adult_services' && (handover.status === 'sent' || handover.status === 'info_requested');

  return (
    <article className="handover-pack">
      <PageHeading title={t('handover.title', { agency: handover.toAgencyName })} />
      <dl className="facts">
        <dt>{t('handover.youngPerson')}</dt>
        <dd>
          <Link to={`/young-people/${handover.youngPersonId}`}>{handover.youngPersonName}</Link>
        </dd>
        <dt>{t('handover.status')}</dt>
        <dd>{t(`handoverStatus.${handover.status}`)}</dd>
        <dt>{t('handover.dueBy')}</dt>
        <dd>{formatDay(handover.dueBy, i18n.language)}</dd>
        {handover.expectedTransfer && (
          <>
            <dt>{t('handover.expectedTransfer')}</dt>
            <dd>{formatDay(handover.expectedTransfer, i18n.language)}</dd>
          </>
        )}
        <dt>{t('handover.leadTime')}</dt>
        <dd>
          {handover.daysToTransfer >= 0
            ? t('handover.daysLeft', { count: handover.daysToTransfer })
            : t('handover.daysPast', { count: -handover.daysToTransfer })}
        </dd>
        {handover.sentAt && (
          <>
            <dt>{t('handoverStatus.sent')}</dt>
            <dd>{formatMoment(handover.sentAt, i18n.language)}</dd>
          </>
        )}
        <dt>{t('handoverStatus.acknowledged')}</dt>
        <dd>
          {handover.acknowledgedAt
            ? formatMoment(handover.acknowledgedAt, i18n.language)
            : t('handover.notAcknowledged')}
        </dd>
      </dl>
      {handover.infoRequest && (
        <p className="notice notice-warning">{t('handover.infoRequest', { text: handover.infoRequest })}</p>
      )}
      {SECTIONS.map(
        (section) =>
          handover[section] && (
            <section key={section} className="pack-section">
              <h2>{t(`handover.${section}`)}</h2>
              <p className="preserve-lines">{handover[section]}</p>
            </section>
          ),
      )}
      <p className="actions no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('handover.print')}
        </button>
        <a href={`/api/handovers/${handover.id}/fhir`} download={`handover-${handover.id}.fhir.json`}>
          {t('handover.fhir')}
        </a>
        {canSend && (
          <button
            type="button"
            disabled={step.isPending}
            onClick={() => step.mutate({ handover, step: { action: 'send' } })}
          >
            {t('handover.send')}
          </button>
        )}
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
      {user.role === 'adult_services' && handover.status === 'sent' && <AskForInformation handover={handover} />}
      {step.isError && <ErrorNotice error={step.error} onReload={() => step.reset()} />}
    </article>
  );
}
