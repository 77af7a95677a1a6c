import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useReview, type Review } from '../../api/review-queries.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { localToday } from '../../lib/calendar-days.ts';
import { formatDay, formatDayLong } from '../../lib/format.ts';

const PROFILE = ['importantToMe', 'workingWell', 'notWorking', 'wantToTalkAbout'] as const;

/** The review report as a page to print: the meeting, who came, the young person's words, the advice, what was agreed, the decision. */
export default function ReviewPrintPage() {
  const { id = '' } = useParams();
  const review = useReview(id);
  return <QueryState query={review}>{(data) => <Report review={data} />}</QueryState>;
}

function Report({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string) => formatDay(iso, i18n.language);
  const came = review.invitations.filter((invitation) => invitation.attended);
  return (
    <article className="print-report">
      <p className="no-print actions">
        <Link to={`/reviews/${review.id}`}>{t('common.back')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('reviews.print.printNow')}
        </button>
      </p>
      <h1>
        {t('reviews.print.title')}: {review.kindTitle}
      </h1>
      <dl className="summary-list">
        <>
          <dt>{t('reviews.print.person')}</dt>
          <dd>{review.youngPersonName}</dd>
        </>
        <>
          <dt>{t('reviews.print.meeting')}</dt>
          <dd>
            {t('reviews.page.when', {
              date: formatDayLong(review.heldOn ?? review.meetingDate, i18n.language),
              time: review.startTime,
              minutes: review.durationMinutes,
              place: review.place,
            })}
          </dd>
        </>
        <>
          <dt>{t('reviews.record.attended')}</dt>
          <dd>{came.length > 0 ? came.map((invitation) => invitation.name).join(', ') : '—'}</dd>
        </>
        {review.youngPersonTookPart && (
          <>
            <dt>{t('reviews.record.tookPart', { name: review.youngPersonName })}</dt>
            <dd>{t(`reviews.record.tookPartOptions.${review.youngPersonTookPart}`)}</dd>
          </>
        )}
      </dl>
      {review.profile && (
        <section className="pack-section">
          <h2>{t('reviews.profile.title')}</h2>
          {PROFILE.map((field) => (
            <div key={field}>
              <h3>{t(`reviews.profile.${field}`)}</h3>
              <p className="pre-wrap">{review.profile?.[field] || '—'}</p>
            </div>
          ))}
        </section>
      )}
      {review.outcomesDiscussed.length > 0 && (
        <section className="pack-section">
          <h2>{t('reviews.record.outcomes')}</h2>
          <ul>
            {review.outcomesDiscussed.map((outcome) => (
              <li key={outcome}>{t(`reviews.record.outcomeOptions.${outcome}`)}</li>
            ))}
          </ul>
        </section>
      )}
      {review.meetingNotes && (
        <section className="pack-section">
          <h2>{t('reviews.record.notes')}</h2>
          <p className="pre-wrap">{review.meetingNotes}</p>
        </section>
      )}
      <section className="pack-section">
        <h2>{t('reviews.advice.title')}</h2>
        {review.invitations
          .filter((invitation) => invitation.advice?.text)
          .map((invitation) => (
            <div key={invitation.id}>
              <h3>{t('reviews.advice.from', { name: invitation.name })}</h3>
              <p className="pre-wrap">{invitation.advice?.text}</p>
            </div>
          ))}
      </section>
      <section className="pack-section">
        <h2>{t('reviews.actions.title')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('reviews.actions.what')}</th>
              <th scope="col">{t('reviews.actions.owner')}</th>
              <th scope="col">{t('reviews.actions.due')}</th>
              <th scope="col">{t('reviews.actions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {review.actions.map((action) => (
              <tr key={action.id}>
                <td>{action.description}</td>
                <td>{action.ownerName}</td>
                <td>{day(action.dueOn)}</td>
                <td>{t(`reviews.actions.statuses.${action.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="pack-section">
        <h2>{t('reviews.page.clock')}</h2>
        <ul>
          {review.steps
            .filter((step) => step.status !== 'not_needed')
            .map((step) => (
              <li key={step.id}>
                {t(`reviews.page.steps.${step.id}`)}:{' '}
                {step.doneOn
                  ? t('reviews.page.doneOn', { date: day(step.doneOn) })
                  : step.due
                    ? t('reviews.page.due', { date: day(step.due) })
                    : t(`reviews.page.stepStatus.${step.status}`)}
                {review.decision && step.id === 'decision'
                  ? ` (${t(`reviews.after.decisions.${review.decision}`)})`
                  : ''}
              </li>
            ))}
        </ul>
      </section>
      <p className="muted">{t('reviews.print.generated', { date: day(localToday()) })}</p>
    </article>
  );
}
