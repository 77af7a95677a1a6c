import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOpenReviews } from '../api/review-queries.ts';
import { formatDay } from '../lib/format.ts';
import { QueryState } from './QueryState.tsx';

/** On the caseload: every review or meeting under way, with the step it waits for next and by when (late ones marked). */
export function ReviewsUnderWay({ ownOnly }: { ownOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const reviews = useOpenReviews(ownOnly);
  const day = (iso: string) => formatDay(iso, i18n.language);
  return (
    <section aria-labelledby="under-way-heading" className="panel">
      <h2 id="under-way-heading">{t('reviews.underWay.title')}</h2>
      <QueryState query={reviews}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('reviews.underWay.none')}</p>
          ) : (
            <ul className="review-list">
              {data.items.map((review) => (
                <li key={review.id}>
                  <Link to={`/reviews/${review.id}`}>
                    {t('reviews.underWay.row', {
                      name: review.youngPersonName,
                      title: review.kindTitle,
                      date: day(review.meetingDate),
                    })}
                  </Link>
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
    </section>
  );
}
