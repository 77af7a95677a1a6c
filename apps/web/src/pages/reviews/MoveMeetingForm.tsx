import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewChanges, type Review } from '../../api/review-queries.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { TextField } from '../../components/TextField.tsx';
import { localToday } from '../../lib/calendar-days.ts';
import { isoOfParts, partsOfIso } from '../../lib/date-parts.ts';

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

/** Move the meeting (everyone invited is sent an update), or cancel it after a second click. */
export function MoveMeetingForm({ review }: { review: Review }) {
  const { t } = useTranslation();
  const changes = useReviewChanges(review.id);
  const [date, setDate] = useState(partsOfIso(review.meetingDate));
  const [startTime, setStartTime] = useState(review.startTime);
  const [place, setPlace] = useState(review.place);
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState('');
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    const typed = isoOfParts(date);
    if ('problem' in typed)
      found.push({ field: 'move-date-day', message: t(`reviews.problems.meetingDate_${typed.problem}`) });
    else if (typed.iso < localToday())
      found.push({ field: 'move-date-day', message: t('reviews.problems.meetingDate_past') });
    if (!TIME.test(startTime.trim())) found.push({ field: 'move-time', message: t('reviews.problems.startTime') });
    if (!place.trim()) found.push({ field: 'move-place', message: t('reviews.problems.place') });
    setProblems(found);
    if (found.length > 0 || !('iso' in typed)) return;
    changes.move.mutate(
      {
        version: review.version,
        meetingDate: typed.iso,
        startTime: startTime.trim().padStart(5, '0'),
        place: place.trim(),
      },
      { onSuccess: () => setMessage(t('reviews.move.moved')) },
    );
  };

  return (
    <details className="inline-form panel">
      <summary>{t('reviews.move.title')}</summary>
      <div role="status" className="saved">
        {message}
      </div>
      <ErrorSummary problems={problems} />
      {changes.move.isError && <ErrorNotice error={changes.move.error} />}
      {changes.cancel.isError && <ErrorNotice error={changes.cancel.error} />}
      <form noValidate onSubmit={submit} className="stack">
        <DateInput
          id="move-date"
          legend={t('reviews.meetingDate')}
          error={problemFor('move-date-day')}
          value={date}
          onChange={setDate}
        />
        <TextField
          id="move-time"
          label={t('reviews.startTime')}
          hint={t('reviews.startTimeHint')}
          error={problemFor('move-time')}
          className="width-4"
          value={startTime}
          onChange={(event) => setStartTime(event.target.value)}
        />
        <TextField
          id="move-place"
          label={t('reviews.place')}
          error={problemFor('move-place')}
          value={place}
          onChange={(event) => setPlace(event.target.value)}
        />
        <button type="submit" disabled={changes.move.isPending}>
          {t('reviews.move.submit')}
        </button>
      </form>
      <p className="hint">{t('reviews.move.cancelHint')}</p>
      {confirming ? (
        <button
          type="button"
          className="warning"
          disabled={changes.cancel.isPending}
          onClick={() =>
            changes.cancel.mutate(review.version, { onSuccess: () => setMessage(t('reviews.move.cancelled')) })
          }
        >
          {t('reviews.move.cancelConfirm')}
        </button>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          {t('reviews.move.cancel')}
        </button>
      )}
    </details>
  );
}
