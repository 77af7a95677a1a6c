import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Review } from '../../api/review-queries.ts';

const FIELDS = ['importantToMe', 'workingWell', 'notWorking', 'wantToTalkAbout'] as const;

/** The young person's one-page profile as the meeting reads it, and the way to write it. */
export function ProfileSummary({ review, mayWrite }: { review: Review; mayWrite: boolean }) {
  const { t } = useTranslation();
  const profile = review.profile;
  return (
    <section aria-labelledby="profile-heading" className="panel easy-read-summary">
      <h2 id="profile-heading">{t('reviews.profile.title')}</h2>
      {profile ? (
        <dl className="summary-list">
          {FIELDS.map((field) => (
            <Fragment key={field}>
              <dt>{t(`reviews.profile.${field}`)}</dt>
              <dd className="pre-wrap">{profile[field] || '—'}</dd>
            </Fragment>
          ))}
          <>
            <dt>{t('reviews.profile.takePart')}</dt>
            <dd>{t(`reviews.profile.takePartOptions.${profile.takePart}`)}</dd>
          </>
          <>
            <dt>{t('reviews.profile.helpedBy')}</dt>
            <dd>{t(`reviews.profile.helpedByOptions.${profile.helpedBy}`)}</dd>
          </>
        </dl>
      ) : (
        <p>{t('reviews.profile.notYet', { name: review.youngPersonName })}</p>
      )}
      {mayWrite && (
        <p>
          <Link className="button secondary" to={`/reviews/${review.id}/profile`}>
            {review.canChange
              ? t('reviews.profile.openStaff', { name: review.youngPersonName })
              : t('reviews.profile.open')}
          </Link>
        </p>
      )}
    </section>
  );
}
