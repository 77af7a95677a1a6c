import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../api/http.ts';
import {
  useConsents,
  useInvalidatePerson,
  useMarkReminderRead,
  useMyYoungPeople,
  useReminders,
  usePlan,
  useSaveAboutMe,
  useYoungPerson,
  type PlannedMilestone,
  type SessionUser,
  type YoungPerson,
} from '../api/queries.ts';
import { HelpfulServices } from '../components/HelpfulServices.tsx';
import { ReferralsPanel } from '../components/ReferralsPanel.tsx';
import {
  useHelpfulServices,
  type HelpfulServices as HelpfulServicesAnswer,
  type ServiceSummary,
} from '../api/offer-queries.ts';
import { GoalsPanel } from '../components/GoalsPanel.tsx';
import { NextMeeting } from '../components/NextMeeting.tsx';
import { DocumentsPanel } from '../components/DocumentsPanel.tsx';
import { SharingPanel } from '../components/SharingPanel.tsx';
import { YourInformation } from '../components/YourInformation.tsx';
import { Icon } from '../components/Icon.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, errorFor, QueryState } from '../components/QueryState.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { displayName, formatDayLong } from '../lib/format.ts';

const EASY_READ_KEY = 'pathways.easyRead';
/**
 * Who reads the page and how: Easy Read (each point beside a picture), and for a parent or
 * carer their child's name, so the plan speaks about them ("Leo’s plan") instead of to them.
 */
type Reader = { easyRead: boolean; childName?: string };
const ReaderContext = createContext<Reader>({ easyRead: false });

/** A milestone's words for this reader: the young person's own, or their family's with the name in. */
function wordsFor(milestone: PlannedMilestone, reader: Reader) {
  const { childName } = reader;
  const named = (text: string) => (childName ? text.replaceAll('{name}', childName) : text);
  const easy = milestone.easyRead;
  if (reader.easyRead)
    return childName
      ? { title: named(easy.familyTitle), lines: easy.familySentences.map(named) }
      : { title: easy.title, lines: easy.sentences };
  return childName
    ? { title: named(milestone.familyTitle), lines: [named(milestone.familyDescription)] }
    : { title: milestone.title, lines: [milestone.description] };
}

const OPEN = ['overdue', 'due', 'upcoming'];

/** The young person's (or their family's) own plan: plain words, what happens next and who helps. */
export function MyPlanPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const mine = useMyYoungPeople(!id);
  if (id) return <OwnPlan id={id} user={user} />;
  return (
    <QueryState query={mine}>
      {(data) => {
        if (data.items.length === 1)
          return <Navigate to={`/my-plan/${(data.items[0] as { id: string }).id}`} replace />;
        return (
          <section>
            <PageHeading title={t('myPlan.chooser')} />
            {data.items.length === 0 ? (
              <p>{t('common.notFound')}</p>
            ) : (
              <ul className="people">
                {data.items.map((person) => (
                  <li key={person.id}>
                    <Link to={`/my-plan/${person.id}`}>{person.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      }}
    </QueryState>
  );
}

function OwnPlan({ id, user }: { id: string; user: SessionUser }) {
  const { t } = useTranslation();
  const person = useYoungPerson(id);
  const plan = usePlan(id);
  const helpful = useHelpfulServices(id);
  const [easyRead, setEasyRead] = useState(() => localStorage.getItem(EASY_READ_KEY) === 'true');
  const toggle = (value: boolean) => {
    localStorage.setItem(EASY_READ_KEY, String(value));
    setEasyRead(value);
  };
  const isOwn = user.role === 'young_person';
  /** A parent's or carer's page speaks about their child by name; the young person's, to them. */
  const childName = (record: YoungPerson) => (isOwn ? undefined : (record.preferredName ?? record.givenName));

  return (
    <QueryState query={person}>
      {(record) => (
        <ReaderContext.Provider value={{ easyRead, childName: childName(record) }}>
          <article className={easyRead ? 'my-plan easy-read' : 'my-plan'}>
            <PageHeading title={isOwn ? t('myPlan.title') : t('myPlan.family.title', { name: childName(record) })}>
              {isOwn
                ? t('myPlan.hello', { name: record.preferredName ?? record.givenName })
                : t('myPlan.family.title', { name: displayName(record) })}
            </PageHeading>
            <p>
              <Link className="button secondary" to={`/messages/family/${id}`}>
                {t('together.messages.messageWorker')}
              </Link>
            </p>
            <label className="switch">
              <input type="checkbox" checked={easyRead} onChange={(event) => toggle(event.target.checked)} />{' '}
              {t('myPlan.easyRead')} <span className="muted">({t('myPlan.easyReadHelp')})</span>
            </label>
            <QueryState query={plan}>
              {(data) => (
                <>
                  <NextMeeting youngPersonId={id} childName={childName(record)} />
                  <WhatHappensNext milestones={data.milestones} helpful={helpful.data} />
                  <WhoHelps person={record} milestones={data.milestones} childName={childName(record)} />
                  <RightsToKnow milestones={data.milestones} />
                </>
              )}
            </QueryState>
            <QueryState query={plan}>
              {(data) => (
                <ReferralsPanel youngPersonId={id} voice="own" mayRefer={false} milestones={data.milestones} />
              )}
            </QueryState>
            <GoalsPanel youngPersonId={id} isOwn={isOwn} />
            <AboutMe person={record} />
            <DocumentsPanel youngPersonId={record.id} name={childName(record) ?? displayName(record)} canAdd />
            <QueryState query={plan}>
              {(data) => <AlreadyDone milestones={data.milestones} childName={childName(record)} />}
            </QueryState>
            <YourRecord youngPersonId={id} user={user} />
          </article>
        </ReaderContext.Provider>
      )}
    </QueryState>
  );
}

function PlainMilestone({ milestone, services }: { milestone: PlannedMilestone; services?: ServiceSummary[] }) {
  const { t, i18n } = useTranslation();
  const reader = useContext(ReaderContext);
  const words = wordsFor(milestone, reader);
  const lead = t(`agencies.${milestone.leadAgency}`, { defaultValue: milestone.leadAgency });
  const when = milestone.dueDate && t('myPlan.by', { date: formatDayLong(milestone.dueDate, i18n.language) });
  const isLate = milestone.status === 'overdue';
  // What is the young person's own to do is said to them (or, on a parent's page, about them).
  const who =
    milestone.leadAgency !== 'young_person'
      ? t(isLate ? 'myPlan.late' : 'myPlan.leads', { lead })
      : reader.childName
        ? t(isLate ? 'myPlan.family.childLate' : 'myPlan.family.childLeads', { name: reader.childName })
        : t(isLate ? 'myPlan.youLate' : 'myPlan.youLead');
  if (reader.easyRead)
    return (
      <li className={`plain-milestone status-edge-${milestone.status}`}>
        <h3>
          <Icon name={milestone.pathway} /> {words.title}
        </h3>
        <EasyPoints
          points={[
            ...words.lines.map((sentence) => ({ picture: 'about', text: sentence })),
            {
              picture: 'when',
              text: (
                <>
                  <StatusBadge status={milestone.status} /> {when}
                </>
              ),
            },
            { picture: 'helper', text: who },
          ]}
        />
        <HelpfulServices services={services} />
      </li>
    );
  return (
    <li className={`plain-milestone status-edge-${milestone.status}`}>
      <h3>
        <Icon name={milestone.pathway} /> {words.title}
      </h3>
      <p>{words.lines[0]}</p>
      <p>
        <StatusBadge status={milestone.status} /> {when}
      </p>
      <p>{who}</p>
      <HelpfulServices services={services} />
    </li>
  );
}

/**
 * Easy Read's layout: one point to a line, a picture on the left of each (the pictures are
 * decoration beside the words, never instead of them).
 */
function EasyPoints({ points }: { points: { picture: string; text: ReactNode }[] }) {
  return (
    <ul className="easy-points">
      {points.map((point, index) => (
        <li key={index}>
          <Icon name={point.picture} />
          <span>{point.text}</span>
        </li>
      ))}
    </ul>
  );
}

function WhatHappensNext({ milestones, helpful }: { milestones: PlannedMilestone[]; helpful?: HelpfulServicesAnswer }) {
  const { t } = useTranslation();
  const next = milestones
    .filter((m) => OPEN.includes(m.status) && m.dueDate)
    .sort((a, b) => (a.dueDate as string).localeCompare(b.dueDate as string))
    .slice(0, 6);
  return (
    <section aria-labelledby="next-heading" className="panel">
      <h2 id="next-heading">{t('myPlan.next')}</h2>
      {next.length === 0 ? (
        <p>{t('myPlan.nextEmpty')}</p>
      ) : (
        <ul className="plain-list">
          {next.map((m) => (
            <PlainMilestone key={m.id} milestone={m} services={helpful?.byMilestone[m.id]} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Legal facts and entitlements: dated information, never work that is late. */
function RightsToKnow({ milestones }: { milestones: PlannedMilestone[] }) {
  const { t, i18n } = useTranslation();
  const reader = useContext(ReaderContext);
  const rights = milestones.filter(
    (m) => m.nature === 'legal_fact' && (m.status === 'starts_later' || m.status === 'in_effect') && m.dueDate,
  );
  if (rights.length === 0) return null;
  const day = (date: string) => formatDayLong(date, i18n.language);
  return (
    <section aria-labelledby="rights-heading" className="panel">
      <h2 id="rights-heading">{t('myPlan.rights')}</h2>
      <ul className="plain-list">
        {rights.map((m) => {
          const words = wordsFor(m, reader);
          const period = (
            <>
              <StatusBadge status={m.status} />{' '}
              {t(m.status === 'in_effect' ? 'myPlan.rightSince' : 'myPlan.rightFrom', {
                date: day(m.dueDate as string),
              })}
              {m.closesOn && <> · {t('myPlan.rightUntil', { date: day(m.closesOn) })}</>}
            </>
          );
          return (
            <li key={m.id} className="plain-milestone">
              <h3>
                <Icon name={m.pathway} /> {words.title}
              </h3>
              {reader.easyRead ? (
                <EasyPoints
                  points={[
                    ...words.lines.map((sentence) => ({ picture: 'about', text: sentence })),
                    { picture: 'when', text: period },
                  ]}
                />
              ) : (
                <>
                  <p>{words.lines[0]}</p>
                  <p>{period}</p>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function WhoHelps({
  person,
  milestones,
  childName,
}: {
  person: YoungPerson;
  milestones: PlannedMilestone[];
  childName: string | undefined;
}) {
  const { t } = useTranslation();
  const leads = [...new Set(milestones.filter((m) => OPEN.includes(m.status)).map((m) => m.leadAgency))].filter(
    (lead) => lead !== 'young_person' && lead !== 'family',
  );
  return (
    <section aria-labelledby="helpers-heading" className="panel">
      <h2 id="helpers-heading">{childName ? t('myPlan.family.helpers', { name: childName }) : t('myPlan.helpers')}</h2>
      <p>
        {childName
          ? person.namedWorkerName
            ? t('myPlan.family.worker', { worker: person.namedWorkerName, name: childName })
            : t('myPlan.family.noWorker', { name: childName })
          : person.namedWorkerName
            ? t('myPlan.worker', { name: person.namedWorkerName })
            : t('myPlan.noWorker')}
      </p>
      <NewWorkerNotice youngPersonId={person.id} childName={childName} />
      <ul>
        {leads.map((lead) => (
          <li key={lead}>{t(`agencies.${lead}`, { defaultValue: lead })}</li>
        ))}
      </ul>
    </section>
  );
}

/** When the named worker changed: the young person (or their family) is told, until they say they have seen it. */
function NewWorkerNotice({ youngPersonId, childName }: { youngPersonId: string; childName: string | undefined }) {
  const { t, i18n } = useTranslation();
  const reminders = useReminders();
  const markRead = useMarkReminderRead();
  const news = reminders.data?.items.find(
    (item) => item.kind === 'named_worker' && item.youngPersonId === youngPersonId && !item.readAt,
  );
  if (!news?.workerName) return null;
  const date = formatDayLong(news.onDate, i18n.language);
  return (
    <div className="notice" role="status">
      <p>
        {childName
          ? t('myPlan.family.newWorker', { worker: news.workerName, name: childName, date })
          : t('myPlan.newWorker', { worker: news.workerName, date })}
      </p>
      <button
        type="button"
        className="secondary"
        disabled={markRead.isPending}
        onClick={() => markRead.mutate(news.id)}
      >
        {t('myPlan.gotIt')}
      </button>
    </div>
  );
}

function AlreadyDone({ milestones, childName }: { milestones: PlannedMilestone[]; childName: string | undefined }) {
  const { t, i18n } = useTranslation();
  const reader = useContext(ReaderContext);
  const done = milestones.filter((m) => m.status === 'done' && m.completedOn);
  if (done.length === 0) return null;
  return (
    <section aria-labelledby="done-heading" className="panel">
      <h2 id="done-heading">{childName ? t('myPlan.family.done', { name: childName }) : t('myPlan.done')}</h2>
      <ul>
        {done.map((m) => (
          <li key={m.id}>
            {reader.easyRead ? <Icon name="done" /> : <span aria-hidden="true">✓ </span>}
            {wordsFor(m, reader).title} — {formatDayLong(m.completedOn as string, i18n.language)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AboutMe({ person }: { person: YoungPerson }) {
  const { t } = useTranslation();
  const save = useSaveAboutMe(person.id);
  const reload = useInvalidatePerson(person.id);
  const [text, setText] = useState(person.aboutMe ?? '');
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ version: person.version, aboutMe: text }, { onSuccess: () => setSaved(true) });
  };
  const fieldError = errorFor(save.error, 'aboutMe');
  return (
    <section aria-labelledby="about-heading" className="panel">
      <h2 id="about-heading">{t('aboutMe.title')}</h2>
      <p className="muted">{t('aboutMe.intro')}</p>
      <form onSubmit={submit}>
        <label htmlFor="about-me">{t('aboutMe.label')}</label>
        <textarea
          id="about-me"
          rows={6}
          maxLength={10_000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={Boolean(fieldError) || undefined}
        />
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
        {save.isError && (
          <ErrorNotice
            error={save.error}
            onReload={
              save.error instanceof ApiError && save.error.isConflict
                ? () => {
                    save.reset();
                    void reload();
                  }
                : undefined
            }
          />
        )}
        <p role="status" className="saved">
          {saved ? t('aboutMe.saved') : ''}
        </p>
      </form>
    </section>
  );
}

/**
 * Sharing and a copy of everything held, for whoever decides for this young person now: the
 * young person from 16, their parent or carer before (the other one sees neither).
 */
function YourRecord({ youngPersonId, user }: { youngPersonId: string; user: SessionUser }) {
  const consents = useConsents(youngPersonId);
  if (!consents.data || consents.data.decidedBy !== user.role) return null;
  return (
    <>
      <SharingPanel youngPersonId={youngPersonId} voice="own" />
      <YourInformation youngPersonId={youngPersonId} voice="own" />
    </>
  );
}
