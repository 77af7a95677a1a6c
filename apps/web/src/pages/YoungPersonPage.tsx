import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  useAuditTrail,
  useEventTypes,
  useHandovers,
  useInvalidatePerson,
  usePlan,
  useRecordEvent,
  useYoungPerson,
  type PlannedMilestone,
  type SessionUser,
  type YoungPerson,
} from '../api/queries.ts';
import { GoalsPanel } from '../components/GoalsPanel.tsx';
import { SharingPanel } from '../components/SharingPanel.tsx';
import { YourInformation } from '../components/YourInformation.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, Loading, QueryState } from '../components/QueryState.tsx';
import { RecordEventForm } from '../components/RecordEventForm.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { localToday } from '../lib/calendar-days.ts';
import { displayName, formatDay, formatMoment } from '../lib/format.ts';

const STAFF = ['transition_worker', 'team_manager'];

/** A young person's whole plan, for the people who work on it. */
export function YoungPersonPage({ user }: { user: SessionUser }) {
  const { id = '' } = useParams();
  const person = useYoungPerson(id);
  return (
    <QueryState query={person}>
      {(data) => (
        <PlanWorkspace person={data} canChange={STAFF.includes(user.role)} canSeeAudit={STAFF.includes(user.role)} />
      )}
    </QueryState>
  );
}

function PlanWorkspace({
  person,
  canChange,
  canSeeAudit,
}: {
  person: YoungPerson;
  canChange: boolean;
  canSeeAudit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const plan = usePlan(person.id);
  const eventTypes = useEventTypes();
  const record = useRecordEvent(person.id);
  const reloadPerson = useInvalidatePerson(person.id);
  const [lastPathway, setLastPathway] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const today = localToday();
  const name = displayName(person);

  /** `where` is the pathway card (or "milestones") whose button was used: its errors show there. */
  const recordEvent = (where: string, event: { type: string; date: string } & Record<string, unknown>) => {
    setLastPathway(where);
    setMessage('');
    record.mutate({ version: person.version, event }, { onSuccess: () => setMessage(t('plan.recorded')) });
  };
  /**
   * How to complete a milestone from where it is shown: "mark as done" where that is enough;
   * otherwise its own event, in one click when the pathway can take it now and it needs no
   * details; otherwise a pointer to the pathway's form.
   */
  const completeActions = (milestone: PlannedMilestone) => {
    if (!canChange || milestone.status === 'done' || milestone.status === 'not_applicable') return null;
    const complete = (type: string) =>
      recordEvent('milestones', {
        type,
        date: today,
        ...(type === 'milestone.recorded' ? { milestoneId: milestone.id } : {}),
      });
    if (milestone.completedBy.includes('milestone.recorded')) {
      return (
        <button type="button" disabled={record.isPending} onClick={() => complete('milestone.recorded')}>
          {t('plan.markDone')}
        </button>
      );
    }
    const nextEvents: readonly string[] =
      plan.data?.pathways.find((p) => p.pathway === milestone.pathway)?.nextEvents ?? [];
    const own = (eventTypes.data?.items ?? []).filter((e) => milestone.completedBy.includes(e.type));
    const oneClick = own.filter(
      (e) => nextEvents.includes(e.type) && !(e.fields as { required?: string[] }).required?.length,
    );
    if (oneClick.length > 0) {
      return oneClick.map((e) => (
        <button key={e.type} type="button" disabled={record.isPending} onClick={() => complete(e.type)}>
          {t('plan.recordNamed', { label: e.label })}
        </button>
      ));
    }
    return own.length > 0 ? (
      <span className="muted">
        {t('plan.recordWith', {
          label: own.map((e) => e.label).join(' / '),
          pathway: t(`pathways.${milestone.pathway}`),
        })}
      </span>
    ) : null;
  };
  const errorFor = (pathway: string) => (lastPathway === pathway ? record.error : null);

  return (
    <article className="plan-page">
      <PageHeading title={t('plan.title', { name })} />
      <p className="muted">
        {t('plan.born', {
          date: formatDay(person.dateOfBirth, i18n.language),
          nhs: person.nhsNumber ?? t('plan.noNhs'),
        })}{' '}
        · {person.namedWorkerName ? t('plan.worker', { name: person.namedWorkerName }) : t('plan.noWorker')}
      </p>
      <p className="actions">
        <a href={`/api/young-people/${person.id}/fhir`} download={`plan-${person.id}.fhir.json`}>
          {t('plan.fhir')}
        </a>
        {canChange && <Link to={`/young-people/${person.id}/handovers/new`}>{t('plan.newHandover')}</Link>}
      </p>
      <p role="status" className="saved">
        {message}
      </p>
      {record.isError && lastPathway === 'milestones' && (
        <ErrorNotice
          error={record.error}
          onReload={() => {
            record.reset();
            void reloadPerson();
          }}
        />
      )}

      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <ErrorNotice error={plan.error} onReload={() => void plan.refetch()} />
      ) : (
        <>
          <Timeline
            milestones={plan.data.milestones}
            dateOfBirth={person.dateOfBirth}
            today={today}
            actions={completeActions}
          />

          <section aria-labelledby="pathways-heading" className="panel">
            <h2 id="pathways-heading">{t('plan.pathways')}</h2>
            <div className="pathway-cards">
              {plan.data.pathways.map((pathway) => (
                <div key={pathway.pathway} className="pathway-card">
                  <h3>{t(`pathways.${pathway.pathway}`)}</h3>
                  <p>{pathway.description}</p>
                  {pathway.isEnded && pathway.endReason && (
                    <p className="muted">{t('plan.ended', { reason: pathway.endReason })}</p>
                  )}
                  {canChange && eventTypes.data && (
                    <RecordEventForm
                      pathway={pathway.pathway}
                      nextEvents={pathway.nextEvents}
                      eventTypes={eventTypes.data.items}
                      today={today}
                      isSaving={record.isPending && lastPathway === pathway.pathway}
                      error={errorFor(pathway.pathway)}
                      onRecord={(event) => recordEvent(pathway.pathway, event)}
                      onReload={() => {
                        record.reset();
                        void reloadPerson();
                      }}
                    />
                  )}
                </div>
              ))}
            </div>
          </section>

          <section aria-labelledby="milestones-heading" className="panel">
            <h2 id="milestones-heading">{t('plan.milestones')}</h2>
            <table className="milestones">
              <caption className="visually-hidden">{t('plan.showList')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('caseload.columns.milestone')}</th>
                  <th scope="col">{t('caseload.pathway')}</th>
                  <th scope="col">{t('caseload.columns.due')}</th>
                  <th scope="col">{t('caseload.columns.lead')}</th>
                  <th scope="col">{t('caseload.columns.status')}</th>
                  {canChange && (
                    <th scope="col">
                      <span className="visually-hidden">{t('plan.complete')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {plan.data.milestones
                  .filter((m) => m.status !== 'not_applicable')
                  .map((milestone) => (
                    <tr key={milestone.id} data-milestone={milestone.id}>
                      <th scope="row">
                        {milestone.title}
                        <span className="muted">{milestone.explanation}</span>
                      </th>
                      <td>{t(`pathways.${milestone.pathway}`)}</td>
                      <td>
                        {milestone.completedOn
                          ? formatDay(milestone.completedOn, i18n.language)
                          : milestone.dueDate
                            ? formatDay(milestone.dueDate, i18n.language)
                            : '—'}
                        {milestone.lastDoneOn && (
                          <span className="muted">
                            {t('plan.lastDone', { date: formatDay(milestone.lastDoneOn, i18n.language) })}
                          </span>
                        )}
                      </td>
                      <td>{t(`agencies.${milestone.leadAgency}`, { defaultValue: milestone.leadAgency })}</td>
                      <td>
                        <StatusBadge status={milestone.status} />
                      </td>
                      {canChange && <td>{completeActions(milestone)}</td>}
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        </>
      )}

      <GoalsPanel youngPersonId={person.id} isOwn={false} />
      {canChange && <SharingPanel youngPersonId={person.id} areaId={person.areaId} voice="staff" />}
      {canChange && <YourInformation youngPersonId={person.id} voice="staff" />}
      {canChange && <PersonHandovers youngPersonId={person.id} />}
      {canSeeAudit && <AuditTrail youngPersonId={person.id} />}
    </article>
  );
}

function PersonHandovers({ youngPersonId }: { youngPersonId: string }) {
  const { t, i18n } = useTranslation();
  const handovers = useHandovers();
  return (
    <section aria-labelledby="handovers-heading" className="panel">
      <h2 id="handovers-heading">{t('plan.handovers')}</h2>
      <QueryState query={handovers}>
        {(data) => {
          const own = data.items.filter((handover) => handover.youngPersonId === youngPersonId);
          return own.length === 0 ? (
            <p>{t('plan.noHandovers')}</p>
          ) : (
            <ul>
              {own.map((handover) => (
                <li key={handover.id}>
                  <Link to={`/handovers/${handover.id}`}>{t('handover.title', { agency: handover.toAgencyName })}</Link>{' '}
                  — {t(`handoverStatus.${handover.status}`)}
                  {handover.acknowledgedAt &&
                    ` · ${t('handover.acknowledged', { date: formatMoment(handover.acknowledgedAt, i18n.language) })}`}
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}

/** Loaded only when opened: reading the trail is itself audited. */
function AuditTrail({ youngPersonId }: { youngPersonId: string }) {
  const { t, i18n } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const trail = useAuditTrail(youngPersonId, isOpen);
  return (
    <section className="panel">
      <details onToggle={(event) => setIsOpen((event.target as HTMLDetailsElement).open)}>
        <summary>
          <h2>{t('plan.audit')}</h2>
        </summary>
        {isOpen && (
          <QueryState query={trail}>
            {(data) =>
              data.items.length === 0 ? (
                <p>{t('plan.auditEmpty')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('plan.auditWhen')}</th>
                      <th scope="col">{t('plan.auditWho')}</th>
                      <th scope="col">{t('plan.auditWhat')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((entry, index) => (
                      <tr key={`${entry.at}-${index}`}>
                        <td>{formatMoment(entry.at, i18n.language)}</td>
                        <td>
                          {entry.actorName ?? '—'}{' '}
                          {entry.actorRole && (
                            <span className="muted">
                              {t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}
                            </span>
                          )}
                        </td>
                        <td>
                          {t(`actions.${entry.action}`, { defaultValue: entry.action })}{' '}
                          {t(`entities.${entry.entityType}`, { defaultValue: entry.entityType })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </QueryState>
        )}
      </details>
    </section>
  );
}
