import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  useAuditTrail,
  useEventTypes,
  useHandovers,
  useInvalidatePerson,
  usePlan,
  useRecordEvent,
  useWithdrawEvent,
  useYoungPerson,
  type PlannedMilestone,
  type SessionUser,
  type YoungPerson,
} from '../api/queries.ts';
import { ContributorsPanel } from '../components/ContributorsPanel.tsx';
import { DocumentsPanel } from '../components/DocumentsPanel.tsx';
import { FamilyPanel } from '../components/FamilyPanel.tsx';
import { GoalsPanel } from '../components/GoalsPanel.tsx';
import { HelpfulServices } from '../components/HelpfulServices.tsx';
import { ReferralsPanel } from '../components/ReferralsPanel.tsx';
import { useHelpfulServices } from '../api/offer-queries.ts';
import { ReviewsPanel } from '../components/ReviewsPanel.tsx';
import { MarkDone } from '../components/MarkDone.tsx';
import { SharingPanel } from '../components/SharingPanel.tsx';
import { YourInformation } from '../components/YourInformation.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, Loading, QueryState } from '../components/QueryState.tsx';
import { RecordEventForm } from '../components/RecordEventForm.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { localToday } from '../lib/calendar-days.ts';
import { daysBetween, displayName, formatDay, formatMoment } from '../lib/format.ts';

const STAFF = ['transition_worker', 'team_manager'];
/** Other agencies' staff linked to the young person: they add documents and talk with the team. */
const OTHER_AGENCIES = ['sen_coordinator', 'health_professional', 'social_worker', 'contributor'];

/** A young person's whole plan, for the people who work on it. */
export function YoungPersonPage({ user }: { user: SessionUser }) {
  const { id = '' } = useParams();
  const person = useYoungPerson(id);
  return (
    <QueryState query={person}>
      {(data) => (
        <PlanWorkspace
          person={data}
          canChange={STAFF.includes(user.role)}
          canSeeAudit={STAFF.includes(user.role)}
          canAddDocuments={STAFF.includes(user.role) || OTHER_AGENCIES.includes(user.role)}
        />
      )}
    </QueryState>
  );
}

function PlanWorkspace({
  person,
  canChange,
  canSeeAudit,
  canAddDocuments,
}: {
  person: YoungPerson;
  canChange: boolean;
  canSeeAudit: boolean;
  canAddDocuments: boolean;
}) {
  const { t, i18n } = useTranslation();
  const plan = usePlan(person.id);
  const eventTypes = useEventTypes();
  const record = useRecordEvent(person.id);
  const withdraw = useWithdrawEvent(person.id);
  const reloadPerson = useInvalidatePerson(person.id);
  const helpful = useHelpfulServices(person.id);
  const [lastPathway, setLastPathway] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  /** The last milestone marked as done here, which can be undone until something else is recorded. */
  const [undoable, setUndoable] = useState<{ eventId: string; title: string; date: string } | null>(null);
  const today = localToday();
  const name = displayName(person);

  /** `where` is the pathway card (or "milestones") whose button was used: its errors show there. */
  const recordEvent = (where: string, event: { type: string; date: string } & Record<string, unknown>) => {
    setLastPathway(where);
    setMessage('');
    setUndoable(null);
    record.mutate({ version: person.version, event }, { onSuccess: () => setMessage(t('plan.recorded')) });
  };
  const markDone = (milestone: PlannedMilestone, date: string) => {
    setLastPathway('milestones');
    setMessage('');
    setUndoable(null);
    record.mutate(
      { version: person.version, event: { type: 'milestone.recorded', date, milestoneId: milestone.id } },
      {
        onSuccess: (result) => {
          setMessage(t('plan.markedDone', { title: milestone.staffTitle, date: formatDay(date, i18n.language) }));
          setUndoable({ eventId: result.eventId, title: milestone.staffTitle, date });
        },
      },
    );
  };
  const undo = () => {
    if (!undoable) return;
    withdraw.mutate(
      { version: person.version, eventId: undoable.eventId },
      {
        onSuccess: () => {
          setMessage(t('plan.undone', { title: undoable.title }));
          setUndoable(null);
        },
      },
    );
  };
  /**
   * How to complete a milestone from where it is shown: "mark as done" where that is enough;
   * otherwise its own event, in one click when the pathway can take it now and it needs no
   * details; otherwise a pointer to the pathway's form.
   */
  const completeActions = (milestone: PlannedMilestone) => {
    // A legal fact or duty is never done; a date not known is fixed on the record, not here.
    const isOpenTask =
      milestone.nature === 'task' && !['done', 'not_applicable', 'not_known'].includes(milestone.status);
    if (!canChange || !isOpenTask) return null;
    const complete = (type: string) => recordEvent('milestones', { type, date: today });
    if (milestone.completedBy.includes('milestone.recorded')) {
      return (
        <MarkDone
          title={milestone.staffTitle}
          today={today}
          isSaving={record.isPending}
          onMark={(date) => markDone(milestone, date)}
        />
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
  /** Services of the local offer that can help with an open step, each with a way to refer to it. */
  const servicesFor = (milestone: PlannedMilestone) =>
    ['upcoming', 'due', 'overdue'].includes(milestone.status) && milestone.nature === 'task' ? (
      <HelpfulServices
        services={helpful.data?.byMilestone[milestone.id]}
        referFrom={canAddDocuments ? { personId: person.id, milestoneId: milestone.id } : undefined}
      />
    ) : null;
  const milestoneActions = (milestone: PlannedMilestone) => (
    <>
      {completeActions(milestone)}
      {servicesFor(milestone)}
    </>
  );
  const errorFor = (pathway: string) => (lastPathway === pathway ? record.error : null);

  return (
    <article className="plan-page">
      <PageHeading title={t('plan.title', { name })} />
      <p className="muted">
        {/* An NHS number belongs to England's records only. */}
        {person.jurisdiction === 'england'
          ? t('plan.born', {
              date: formatDay(person.dateOfBirth, i18n.language),
              nhs: person.nhsNumber ?? t('plan.noNhs'),
            })
          : t('people.born', { date: formatDay(person.dateOfBirth, i18n.language) })}{' '}
        · {person.namedWorkerName ? t('plan.worker', { name: person.namedWorkerName }) : t('plan.noWorker')}
      </p>
      <p className="actions">
        <a href={`/api/young-people/${person.id}/fhir`} download={`plan-${person.id}.fhir.json`}>
          {t('plan.fhir')}
        </a>
        {canChange && <Link to={`/young-people/${person.id}/handovers/new`}>{t('plan.newHandover')}</Link>}
        {canChange && <Link to={`/young-people/${person.id}/edit`}>{t('record.edit')}</Link>}
      </p>
      <div role="status" className="saved">
        {message}{' '}
        {undoable && (
          <button type="button" className="link-button" disabled={withdraw.isPending} onClick={undo}>
            {t('plan.undo')}
          </button>
        )}
      </div>
      {withdraw.isError && (
        <ErrorNotice
          error={withdraw.error}
          onReload={() => {
            withdraw.reset();
            void reloadPerson();
          }}
        />
      )}
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
          <WhatNext milestones={plan.data.milestones} today={today} actions={milestoneActions} />
          <Timeline
            milestones={plan.data.milestones}
            dateOfBirth={person.dateOfBirth}
            today={today}
            actions={milestoneActions}
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
                  {/* Staff record on every pathway; another agency on those it leads. */}
                  {person.mayRecordOn?.includes(pathway.pathway) && eventTypes.data && (
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
                        {milestone.staffTitle}
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

      <ReviewsPanel youngPersonId={person.id} canArrange={canChange} />
      {canAddDocuments && (
        <ReferralsPanel youngPersonId={person.id} voice="staff" mayRefer milestones={plan.data?.milestones} />
      )}
      <DocumentsPanel youngPersonId={person.id} name={name} canAdd={canAddDocuments} />
      {canChange && <ContributorsPanel youngPersonId={person.id} name={name} />}
      {canChange && (
        <p>
          <Link to={`/messages/family/${person.id}`}>{t('together.messages.familyLink', { name })}</Link>
        </p>
      )}
      {!canChange && canAddDocuments && (
        <p>
          <Link to={`/messages/team/${person.id}`}>{t('together.messages.teamLink')}</Link>
        </p>
      )}
      <GoalsPanel youngPersonId={person.id} isOwn={false} canChange={canChange} />
      {canChange && <SharingPanel youngPersonId={person.id} areaId={person.areaId} voice="staff" />}
      {canChange && <FamilyPanel youngPersonId={person.id} name={name} />}
      {canChange && <YourInformation youngPersonId={person.id} voice="staff" />}
      {canChange && <PersonHandovers youngPersonId={person.id} />}
      {canSeeAudit && <AuditTrail youngPersonId={person.id} />}
    </article>
  );
}

/** How many live actions the plan opens with: the rest are in the timeline and the list. */
const NEXT_ACTIONS = 6;

/**
 * The plan opens with what needs doing: late and due work first, then what comes up soonest
 * (a few at most), each with who leads it, by when, and the way to complete it.
 */
function WhatNext({
  milestones,
  today,
  actions,
}: {
  milestones: PlannedMilestone[];
  today: string;
  actions: (milestone: PlannedMilestone) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const next = milestones
    .filter((m) => (m.status === 'overdue' || m.status === 'due' || m.status === 'upcoming') && m.dueDate)
    .sort(
      (a, b) =>
        Number(b.status !== 'upcoming') - Number(a.status !== 'upcoming') ||
        (a.dueDate as string).localeCompare(b.dueDate as string),
    )
    .slice(0, NEXT_ACTIONS);
  const needsDate = milestones.filter((m) => m.status === 'not_known');
  return (
    <section aria-labelledby="next-heading" className="panel what-next">
      <h2 id="next-heading">{t('plan.whatNext')}</h2>
      {next.length === 0 ? (
        <p>{t('plan.nothingNext')}</p>
      ) : (
        <ul className="next-list">
          {next.map((m) => (
            <li key={m.id} className={`next-item status-edge-${m.status}`} data-next={m.id}>
              <h3>
                {m.staffTitle} <StatusBadge status={m.status} />
              </h3>
              <p>
                {t('plan.nextBy', {
                  date: formatDay(m.dueDate as string, i18n.language),
                  lead: t(`agencies.${m.leadAgency}`, { defaultValue: m.leadAgency }),
                })}
                {m.dueDate && m.dueDate < today && (
                  <span className="late">
                    {t('caseload.lateBy', { days: t('common.days', { count: daysBetween(m.dueDate, today) }) })}
                  </span>
                )}
              </p>
              {actions(m)}
            </li>
          ))}
        </ul>
      )}
      {needsDate.map((m) => (
        <p key={m.id} className="needs-date">
          <StatusBadge status={m.status} /> {m.staffTitle}: {t('plan.recordFact', { fact: m.dateNeeds ?? '' })}
        </p>
      ))}
    </section>
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
