import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useYoungPerson } from '../../api/queries.ts';
import { useArrangeReview, useReviews } from '../../api/review-queries.ts';
import { Radios } from '../../components/Choices.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { CheckAnswers, type CheckedAnswer } from '../../components/CheckAnswers.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorNotice, QueryState } from '../../components/QueryState.tsx';
import { TextField } from '../../components/TextField.tsx';
import { addDaysIso, localToday } from '../../lib/calendar-days.ts';
import { NO_DATE, isoOfParts } from '../../lib/date-parts.ts';
import { displayName, formatDayLong } from '../../lib/format.ts';

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

/** Arrange a review or meeting: what kind (from the rule pack), when and where; then check, then arrange. */
export default function ArrangeReviewPage() {
  const { id = '' } = useParams();
  const person = useYoungPerson(id);
  const reviews = useReviews(id);
  return (
    <QueryState query={person}>
      {(record) => (
        <QueryState query={reviews}>
          {(list) => <ArrangeForm personId={id} name={displayName(record)} kinds={list.kinds} />}
        </QueryState>
      )}
    </QueryState>
  );
}

function ArrangeForm({
  personId,
  name,
  kinds,
}: {
  personId: string;
  name: string;
  kinds: { id: string; title: string; applies: boolean }[];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const arrange = useArrangeReview(personId);
  const [kind, setKind] = useState('');
  const [date, setDate] = useState(NO_DATE);
  const [startTime, setStartTime] = useState('');
  const [duration, setDuration] = useState('90');
  const [place, setPlace] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const today = localToday();
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const typed = isoOfParts(date);
  const meetingDate = 'iso' in typed ? typed.iso : '';
  const available = kinds.filter((choice) => choice.applies);

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!kind) found.push({ field: `kind-${available[0]?.id ?? ''}`, message: t('reviews.problems.kind') });
    if ('problem' in typed)
      found.push({ field: 'meetingDate-day', message: t(`reviews.problems.meetingDate_${typed.problem}`) });
    else if (typed.iso < today)
      found.push({ field: 'meetingDate-day', message: t('reviews.problems.meetingDate_past') });
    if (!TIME.test(startTime.trim())) found.push({ field: 'startTime', message: t('reviews.problems.startTime') });
    const minutes = Number(duration);
    if (!Number.isInteger(minutes) || minutes < 15 || minutes > 480)
      found.push({ field: 'duration', message: t('reviews.problems.duration') });
    if (!place.trim()) found.push({ field: 'place', message: t('reviews.problems.place') });
    setProblems(found);
    if (found.length === 0) {
      setChecking(true);
      window.scrollTo(0, 0);
    }
  };
  const submit = () =>
    arrange.mutate(
      {
        kind,
        meetingDate,
        startTime: startTime.trim().padStart(5, '0'),
        durationMinutes: Number(duration),
        place: place.trim(),
      },
      {
        onSuccess: (review) => void navigate(`/reviews/${review.id}`),
      },
    );
  const changeAnswer = (field: string) => {
    setChecking(false);
    requestAnimationFrame(() => document.getElementById(field)?.focus());
  };

  if (checking) {
    const rows: CheckedAnswer[] = [
      [t('reviews.kind'), kinds.find((choice) => choice.id === kind)?.title ?? '', `kind-${kind}`],
      [t('reviews.meetingDate'), meetingDate ? formatDayLong(meetingDate, i18n.language) : '', 'meetingDate-day'],
      [t('reviews.startTime'), startTime, 'startTime'],
      [t('reviews.duration'), duration, 'duration'],
      [t('reviews.place'), place, 'place'],
    ];
    return (
      <>
        <PageHeading title={t('reviews.checkTitle')} />
        {arrange.isError && <ErrorNotice error={arrange.error} />}
        {meetingDate < addDaysIso(today, 14) && (
          <div className="notice notice-warning">
            <p>{t('reviews.noticeWarning')}</p>
          </div>
        )}
        <CheckAnswers answers={rows} changeLabel={t('reviews.change')} onChange={changeAnswer} />
        <button type="button" disabled={arrange.isPending} onClick={submit}>
          {t('reviews.arrangeSubmit')}
        </button>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('reviews.arrangeTitle', { name })} />
      <p>
        <Link to={`/young-people/${personId}`}>{t('reviews.page.backToPlan', { name })}</Link>
      </p>
      <ErrorSummary problems={problems} />
      <form noValidate onSubmit={check} className="stack">
        <Radios
          id="kind"
          legend={t('reviews.kind')}
          error={problemFor(`kind-${available[0]?.id ?? ''}`)}
          options={available.map((choice) => ({ value: choice.id, label: choice.title }))}
          value={kind}
          onChange={setKind}
        />
        <DateInput
          id="meetingDate"
          legend={t('reviews.meetingDate')}
          hint={t('reviews.meetingDateHint')}
          error={problemFor('meetingDate-day')}
          value={date}
          onChange={setDate}
        />
        <TextField
          id="startTime"
          label={t('reviews.startTime')}
          hint={t('reviews.startTimeHint')}
          error={problemFor('startTime')}
          className="width-4"
          inputMode="numeric"
          value={startTime}
          onChange={(event) => setStartTime(event.target.value)}
        />
        <TextField
          id="duration"
          label={t('reviews.duration')}
          error={problemFor('duration')}
          className="width-4"
          inputMode="numeric"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
        />
        <TextField
          id="place"
          label={t('reviews.place')}
          hint={t('reviews.placeHint')}
          error={problemFor('place')}
          value={place}
          onChange={(event) => setPlace(event.target.value)}
        />
        <button type="submit">{t('reviews.continue')}</button>
      </form>
    </>
  );
}
