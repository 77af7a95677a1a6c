import { useTranslation } from 'react-i18next';
import type { Review } from '../../api/review-queries.ts';

/** The advice that came in, each with whom it is from; before it is sent round, only staff and its author see it. */
export function AdviceSection({ review }: { review: Review }) {
  const { t } = useTranslation();
  const asked = review.invitations.filter((invitation) => invitation.advice);
  const written = asked.filter((invitation) => invitation.advice?.text);
  return (
    <section aria-labelledby="advice-heading" className="panel">
      <h2 id="advice-heading">{t('reviews.advice.title')}</h2>
      {asked.length === 0 && <p>{t('reviews.advice.none')}</p>}
      {written.map((invitation) => (
        <figure key={invitation.id} className="advice">
          <figcaption>{t('reviews.advice.from', { name: invitation.name })}</figcaption>
          <blockquote className="pre-wrap">{invitation.advice?.text}</blockquote>
        </figure>
      ))}
      {asked.length > written.length && !review.adviceCirculatedOn && !review.canChange && (
        <p className="hint">{t('reviews.advice.notShared')}</p>
      )}
    </section>
  );
}
