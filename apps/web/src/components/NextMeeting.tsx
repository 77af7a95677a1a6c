import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReview, useReviews, type Review } from '../api/review-queries.ts';
import { formatDay, formatDayLong } from '../lib/format.ts';
import { ActionProgress } from '../pages/reviews/ActionsSection.tsx';

/**
 * On the young person's own plan: their next meeting (and the way to get ready for it), and
 * what people agreed to do at the last one, in plain words.
 */
export function NextMeeting({ youngPersonId, childName }: { youngPersonId: string; childName: string | undefined }) {
  const { t, i18n } = useTranslation();
  const reviews = useReviews(youngPersonId);
  const items = reviews.data?.items ?? [];
  // Newest first: the soonest still to come is the last planned one.
  const next = items.filter((review) => review.status === 'planned').at(-1);
  const last = items.find((review) => review.status === 'held' || review.status === 'completed');
  const nextDue = reviews.data?.nextDue[0];
  if (!next && !last && !nextDue) return null;
  const heading = childName ? t('reviews.yours.familyTitle', { name: childName }) : t('reviews.yours.title');
  return (
    <>
      {next && (
        <section aria-labelledby="next-meeting-heading" className="panel">
          <h2 id="next-meeting-heading">{heading}</h2>
          <p>
            {t('reviews.yours.when', {
              kind: next.kindTitle,
              date: formatDayLong(next.meetingDate, i18n.language),
              time: next.startTime,
              place: next.place,
            })}
          </p>
          <p className="actions">
            <Link className="button" to={`/reviews/${next.id}/profile`}>
              {t('reviews.profile.open')}
            </Link>
            <Link to={`/reviews/${next.id}`}>
              {childName ? t('reviews.yours.familyPrepare', { name: childName }) : t('reviews.yours.prepare')}
            </Link>
          </p>
        </section>
      )}
      {!next && nextDue && (
        <section aria-labelledby="next-meeting-heading" className="panel">
          <h2 id="next-meeting-heading">{heading}</h2>
          <p>
            {t(childName ? 'reviews.yours.familyNextDue' : 'reviews.yours.nextDue', {
              kind: nextDue.kindTitle,
              date: formatDayLong(nextDue.dueDate, i18n.language),
              name: childName,
            })}
          </p>
        </section>
      )}
      {last && <AgreedActions reviewId={last.id} />}
    </>
  );
}

function AgreedActions({ reviewId }: { reviewId: string }) {
  const review = useReview(reviewId);
  return review.data ? <AgreedList review={review.data} /> : null;
}

function AgreedList({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  if (review.actions.length === 0) return null;
  return (
    <section aria-labelledby="agreed-heading" className="panel">
      <h2 id="agreed-heading">{t('reviews.actions.ourTitle')}</h2>
      <ul className="my-actions">
        {review.actions.map((action) => (
          <li key={action.id}>
            <strong>{action.description}</strong>
            <span className="muted">
              {action.ownerName} · {t('reviews.page.due', { date: formatDay(action.dueOn, i18n.language) })}
            </span>
            <ActionProgress action={action} canMove={action.isYours} />
          </li>
        ))}
      </ul>
    </section>
  );
}
