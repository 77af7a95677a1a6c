import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useReview, useReviewChanges, type Review, type ReviewProfile } from '../../api/review-queries.ts';
import { Radios } from '../../components/Choices.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { Icon } from '../../components/Icon.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorNotice, QueryState } from '../../components/QueryState.tsx';
import { TextAreaField } from '../../components/TextField.tsx';
import { formatDayLong } from '../../lib/format.ts';

const WRITTEN = [
  ['importantToMe', 'good_health'],
  ['workingWell', 'done'],
  ['notWorking', 'not_working'],
  ['wantToTalkAbout', 'about'],
] as const;
const TAKE_PART = ['in_room', 'video', 'in_writing', 'through_advocate', 'not_sure'] as const;
const HELPED_BY = ['on_my_own', 'with_family', 'with_advocate', 'with_worker'] as const;
const EMPTY: ReviewProfile = {
  importantToMe: '',
  workingWell: '',
  notWorking: '',
  wantToTalkAbout: '',
  takePart: '' as ReviewProfile['takePart'],
  helpedBy: '' as ReviewProfile['helpedBy'],
};

/**
 * The young person's one-page profile for their meeting, in Easy Read: short questions, a
 * picture beside each, big text. They fill it in, or a parent, advocate or worker with them.
 */
export default function ReviewProfilePage() {
  const { id = '' } = useParams();
  const review = useReview(id);
  return <QueryState query={review}>{(data) => <ProfileForm review={data} />}</QueryState>;
}

function ProfileForm({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const changes = useReviewChanges(review.id);
  const [profile, setProfile] = useState<ReviewProfile>(review.profile ?? EMPTY);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const set = (field: keyof ReviewProfile) => (value: string) => {
    setSaved(false);
    setProfile((now) => ({ ...now, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    for (const [field] of WRITTEN)
      if (profile[field].length > 2000) found.push({ field, message: t('reviews.profile.tooLong') });
    if (!profile.takePart) found.push({ field: 'takePart-in_room', message: t('reviews.profile.problems.takePart') });
    if (!profile.helpedBy) found.push({ field: 'helpedBy-on_my_own', message: t('reviews.profile.problems.helpedBy') });
    setProblems(found);
    if (found.length === 0) changes.saveProfile.mutate(profile, { onSuccess: () => setSaved(true) });
  };

  return (
    <article className="easy-read profile-page">
      <PageHeading title={t('reviews.profile.title')} />
      <p className="lead">
        {review.kindTitle} · {formatDayLong(review.meetingDate, i18n.language)}
      </p>
      <p>{t('reviews.profile.intro')}</p>
      <ErrorSummary problems={problems} />
      {changes.saveProfile.isError && <ErrorNotice error={changes.saveProfile.error} />}
      {saved && (
        <div className="notice" role="status">
          <p>{t('reviews.profile.saved')}</p>
          <p>
            <Link to={`/reviews/${review.id}`}>{t('common.back')}</Link>
          </p>
        </div>
      )}
      <form noValidate onSubmit={submit} className="stack">
        {WRITTEN.map(([field, picture]) => (
          <div key={field} className="profile-question">
            <Icon name={picture} />
            <TextAreaField
              id={field}
              label={t(`reviews.profile.${field}`)}
              hint={field === 'importantToMe' ? t('reviews.profile.importantToMeHint') : undefined}
              error={problemFor(field)}
              rows={4}
              value={profile[field]}
              onChange={(event) => set(field)(event.target.value)}
            />
          </div>
        ))}
        <Radios
          id="takePart"
          legend={t('reviews.profile.takePart')}
          error={problemFor('takePart-in_room')}
          options={TAKE_PART.map((value) => ({ value, label: t(`reviews.profile.takePartOptions.${value}`) }))}
          value={profile.takePart}
          onChange={set('takePart')}
        />
        <Radios
          id="helpedBy"
          legend={t('reviews.profile.helpedBy')}
          error={problemFor('helpedBy-on_my_own')}
          options={HELPED_BY.map((value) => ({ value, label: t(`reviews.profile.helpedByOptions.${value}`) }))}
          value={profile.helpedBy}
          onChange={set('helpedBy')}
        />
        <button type="submit" disabled={changes.saveProfile.isPending}>
          {t('reviews.profile.save')}
        </button>
      </form>
    </article>
  );
}
