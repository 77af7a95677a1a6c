import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReviews } from '../api/review-queries.ts';
import { formatDay } from '../lib/format.ts';
import { QueryState } from './QueryState.tsx';

/** A young person's reviews and meetings on their plan: each with what it waits for next; staff arrange new ones. */
export function ReviewsPanel({ youngPersonId, canArrange }: { youngPersonId: string; canArrange: boolean }) {
  const { t, i18n } = useTranslation();
  const reviews = useReviews(youngPersonId);
  const day = (iso: string) => formatDay(iso, i18n.language);
  return (
    <section aria-labelledby="reviews-heading" className="panel">
      <h2 id="reviews-heading">{t('reviews.panelTitle')}</h2>
      <QueryState query={reviews}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('reviews.none')}</p>
          ) : (
            <ul className="review-list">
              {data.items.map((review) => (
                <li key={review.id}>
                  <Link to={`/reviews/${review.id}`}>
                    {t('reviews.open', { title: review.kindTitle, date: day(review.meetingDate) })}
                  </Link>{' '}
                  <span className="tag">{t(`reviews.status.${review.status}`)}</span>
                  {review.nextStep?.due && (
                    <span className={review.nextStep.status === 'late' ? 'status status-overdue' : 'muted'}>
                      {t(review.nextStep.status === 'late' ? 'reviews.nextLate' : 'reviews.next', {
                        step: t(`reviews.page.steps.${review.nextStep.id}`),
                        date: day(review.nextStep.due),
                      })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {canArrange && (
        <p>
          <Link className="button secondary" to={`/young-people/${youngPersonId}/reviews/new`}>
            {t('reviews.arrange')}
          </Link>
        </p>
      )}
    </section>
  );
}
