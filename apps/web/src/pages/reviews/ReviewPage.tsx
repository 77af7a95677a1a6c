import { useTranslation } from 'react-i18next';
import { DocumentsPanel } from '../../components/DocumentsPanel.tsx';
import { Link, useParams } from 'react-router';
import type { SessionUser } from '../../api/queries.ts';
import { useReview, type Review } from '../../api/review-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDayLong } from '../../lib/format.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { AdviceSection } from './AdviceSection.tsx';
import { AfterMeetingForm } from './AfterMeetingForm.tsx';
import { InvitationsSection } from './InvitationsSection.tsx';
import { MeetingRecordForm, MeetingSummary } from './MeetingRecordForm.tsx';
import { MoveMeetingForm } from './MoveMeetingForm.tsx';
import { ProfileSummary } from './ProfileSummary.tsx';
import { ReviewClock } from './ReviewClock.tsx';
import { YourPart } from './YourPart.tsx';

/** A review from invitation to final plan: its clock, the people, the advice, the young person's page, the record and what follows. */
export default function ReviewPage({ user }: { user: SessionUser }) {
  const { id = '' } = useParams();
  const review = useReview(id);
  return <QueryState query={review}>{(data) => <ReviewWorkspace review={data} user={user} />}</QueryState>;
}

/** Where "back to the plan" goes for each reader. */
function planPathOf(user: SessionUser, review: Review): string {
  if (user.role === 'young_person') return '/my-plan';
  if (user.role === 'parent_carer') return `/my-plan/${review.youngPersonId}`;
  return `/young-people/${review.youngPersonId}`;
}

function ReviewWorkspace({ review, user }: { review: Review; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const name = review.youngPersonName;
  const mayWriteProfile = review.canChange || user.role === 'young_person' || user.role === 'parent_carer';
  return (
    <article className="review-page">
      <PageHeading title={t('reviews.page.title', { kind: review.kindTitle, name })} />
      <p>
        {t('reviews.page.when', {
          date: formatDayLong(review.meetingDate, i18n.language),
          time: review.startTime,
          minutes: review.durationMinutes,
          place: review.place,
        })}{' '}
        <span className="tag">{t(`reviews.status.${review.status}`)}</span>
      </p>
      <p className="actions no-print">
        <Link to={planPathOf(user, review)}>{t('reviews.page.backToPlan', { name })}</Link>
        <Link to={`/reviews/${review.id}/print`}>{t('reviews.page.print')}</Link>
        <Link to={`/messages/review/${review.id}`}>{t('together.messages.reviewLink')}</Link>
      </p>
      <YourPart review={review} />
      <ReviewClock steps={review.steps} />
      <ProfileSummary
        review={review}
        mayWrite={mayWriteProfile && review.status !== 'completed' && review.status !== 'cancelled'}
      />
      <InvitationsSection review={review} name={name} />
      <AdviceSection review={review} />
      {/* Written advice, a report, the draft plan: the meeting's own papers. */}
      <DocumentsPanel
        youngPersonId={review.youngPersonId}
        name={name}
        only={{ reviewId: review.id }}
        canAdd={user.role !== 'adult_services' && review.status !== 'cancelled'}
      />
      {review.status === 'planned' && review.canChange && <MeetingRecordForm review={review} name={name} />}
      <MeetingSummary review={review} name={name} />
      <ActionsSection review={review} />
      {(review.status === 'held' || review.status === 'completed') && <AfterMeetingForm review={review} />}
      {review.status === 'planned' && review.canChange && <MoveMeetingForm review={review} />}
    </article>
  );
}
