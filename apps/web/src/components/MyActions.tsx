import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyActions } from '../api/review-queries.ts';
import { ActionProgress } from '../pages/reviews/ActionsSection.tsx';
import { formatDay } from '../lib/format.ts';
import { QueryState } from './QueryState.tsx';

/** The actions someone owns (or their agency does), soonest first, each with its young person and a way to complete it. */
export function MyActions({ title, linkToReview }: { title?: string; linkToReview: boolean }) {
  const { t, i18n } = useTranslation();
  const actions = useMyActions();
  return (
    <section aria-labelledby="my-actions-heading" className="panel">
      <h2 id="my-actions-heading">{title ?? t('reviews.actions.mineTitle')}</h2>
      <QueryState query={actions}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('reviews.actions.mineNone')}</p>
          ) : (
            <ul className="my-actions">
              {data.items.map((action) => (
                <li key={action.id} data-action={action.description}>
                  <strong>{action.description}</strong>
                  <span className="muted">
                    {linkToReview ? (
                      <Link to={`/reviews/${action.reviewId}`}>
                        {t('reviews.actions.mineFor', {
                          name: action.youngPersonName,
                          date: formatDay(action.meetingDate, i18n.language),
                        })}
                      </Link>
                    ) : (
                      t('reviews.actions.mineFor', {
                        name: action.youngPersonName,
                        date: formatDay(action.meetingDate, i18n.language),
                      })
                    )}
                    {' · '}
                    {t('reviews.page.due', { date: formatDay(action.dueOn, i18n.language) })}
                  </span>
                  <ActionProgress action={action} canMove={action.isYours} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
