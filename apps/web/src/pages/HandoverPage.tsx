import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useHandover, useHandoverStep, type HandoverWithDocuments, type SessionUser } from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { DocumentsPanel } from '../components/DocumentsPanel.tsx';
import { HandoverVersions, PackForm, SharedDocuments } from '../components/HandoverParts.tsx';
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

function HandoverPack({ handover, user }: { handover: HandoverWithDocuments; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const step = useHandoverStep();
  const [changing, setChanging] = useState(false);
  const isStaff = user.role === 'transition_worker' || user.role === 'team_manager';
  const canSend = isStaff && handover.status === 'draft';
  // Once sent, the pack changes only by a new version the agency can compare.
  const canPublish = isStaff && handover.status !== 'draft';
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
        <dd>
          {t(`handoverStatus.${handover.status}`)}
          {handover.packVersion > 0 && ` · ${t('together.handover.version', { version: handover.packVersion })}`}
        </dd>
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
      {changing ? (
        <PackForm handover={handover} onDone={() => setChanging(false)} />
      ) : (
        SECTIONS.map(
          (section) =>
            handover[section] && (
              <section key={section} className="pack-section">
                <h2>{t(`handover.${section}`)}</h2>
                <p className="preserve-lines">{handover[section]}</p>
              </section>
            ),
        )
      )}
      <SharedDocuments handover={handover} />
      {/* Staff add the pack's own papers here; the agency sees them as far as the young person agreed. */}
      {isStaff && (
        <DocumentsPanel
          youngPersonId={handover.youngPersonId}
          name={handover.youngPersonName}
          only={{ handoverId: handover.id }}
          canAdd
        />
      )}
      {handover.packVersion > 0 && <HandoverVersions handoverId={handover.id} />}
      {(isStaff || handover.status !== 'draft') && (
        <p className="no-print">
          <Link to={`/messages/handover/${handover.id}`}>{t('together.messages.handoverLink')}</Link>
        </p>
      )}
      <p className="actions no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('handover.print')}
        </button>
        <a href={`/api/handovers/${handover.id}/fhir`} download={`handover-${handover.id}.fhir.json`}>
          {t('handover.fhir')}
        </a>
        {canSend && !changing && (
          <>
            <button type="button" className="secondary" onClick={() => setChanging(true)}>
              {t('together.handover.edit')}
            </button>
            <Link className="button" to={`/handovers/${handover.id}/send`}>
              {t('handover.send')}
            </Link>
          </>
        )}
        {canPublish && !changing && (
          <button type="button" className="secondary" onClick={() => setChanging(true)}>
            {t('together.handover.publish')}
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

/** Sending a draft: a page of its own that says what happens, then sends (GOV.UK confirmation). */
export function SendHandoverPage() {
  const { id = '' } = useParams();
  const handover = useHandover(id);
  return <QueryState query={handover}>{(data) => <ConfirmSend handover={data} />}</QueryState>;
}

function ConfirmSend({ handover }: { handover: HandoverWithDocuments }) {
  const { t } = useTranslation();
  const step = useHandoverStep();
  const navigate = useNavigate();
  const agency = handover.toAgencyName;
  return (
    <article>
      <PageHeading title={t('together.handover.confirmTitle', { agency })} />
      <p>{t('together.handover.confirmIntro', { agency })}</p>
      <dl className="facts">
        <dt>{t('handover.youngPerson')}</dt>
        <dd>{handover.youngPersonName}</dd>
        <dt>{t('handover.summary')}</dt>
        <dd className="preserve-lines">{handover.summary}</dd>
      </dl>
      {step.isError && <ErrorNotice error={step.error} onReload={() => step.reset()} />}
      <p className="actions">
        <button
          type="button"
          disabled={step.isPending || handover.status !== 'draft'}
          onClick={() =>
            step.mutate(
              { handover, step: { action: 'send' } },
              { onSuccess: () => void navigate(`/handovers/${handover.id}`) },
            )
          }
        >
          {t('together.handover.confirmSend')}
        </button>
        <Link to={`/handovers/${handover.id}`}>{t('together.handover.confirmBack')}</Link>
      </p>
    </article>
  );
}
