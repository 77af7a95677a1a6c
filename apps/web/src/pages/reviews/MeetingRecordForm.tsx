import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewChanges, type MeetingRecord, type Review } from '../../api/review-queries.ts';
import { Checkboxes, Radios } from '../../components/Choices.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { TextAreaField } from '../../components/TextField.tsx';
import { localToday } from '../../lib/calendar-days.ts';
import { isoOfParts, partsOfIso } from '../../lib/date-parts.ts';
import { formatDay } from '../../lib/format.ts';

const TOOK_PART = ['in_room', 'video', 'in_writing', 'through_advocate', 'did_not_take_part'] as const;
const OUTCOMES = ['employment', 'independent_living', 'community_inclusion', 'good_health'] as const;

/** Record the meeting: when, who came, how the young person took part, the outcomes talked about. */
export function MeetingRecordForm({ review, name }: { review: Review; name: string }) {
  const { t } = useTranslation();
  const changes = useReviewChanges(review.id);
  const today = localToday();
  const [heldOn, setHeldOn] = useState(partsOfIso(review.meetingDate <= today ? review.meetingDate : ''));
  const [attended, setAttended] = useState<string[]>(
    review.invitations.filter((invitation) => invitation.reply === 'accepted').map((invitation) => invitation.id),
  );
  const [tookPart, setTookPart] = useState('');
  const [outcomes, setOutcomes] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    const day = isoOfParts(heldOn);
    if ('problem' in day)
      found.push({ field: 'heldOn-day', message: t(`reviews.record.problems.heldOn_${day.problem}`) });
    else if (day.iso > today) found.push({ field: 'heldOn-day', message: t('reviews.record.problems.heldOn_future') });
    if (!tookPart)
      found.push({ field: `tookPart-${TOOK_PART[0]}`, message: t('reviews.record.problems.tookPart', { name }) });
    setProblems(found);
    if (found.length > 0 || !('iso' in day)) return;
    changes.record.mutate({
      version: review.version,
      heldOn: day.iso,
      youngPersonTookPart: tookPart as MeetingRecord['youngPersonTookPart'],
      outcomesDiscussed: outcomes as MeetingRecord['outcomesDiscussed'],
      attended,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
  };

  return (
    <section aria-labelledby="record-heading" className="panel">
      <h2 id="record-heading">{t('reviews.record.title')}</h2>
      <ErrorSummary problems={problems} />
      {changes.record.isError && <ErrorNotice error={changes.record.error} />}
      <form noValidate onSubmit={submit} className="stack">
        <DateInput
          id="heldOn"
          legend={t('reviews.record.heldOn')}
          error={problemFor('heldOn-day')}
          value={heldOn}
          onChange={setHeldOn}
        />
        <Checkboxes
          id="attended"
          legend={t('reviews.record.attended')}
          options={review.invitations.map((invitation) => ({ value: invitation.id, label: invitation.name }))}
          values={attended}
          onChange={setAttended}
        />
        <Radios
          id="tookPart"
          legend={t('reviews.record.tookPart', { name })}
          error={problemFor(`tookPart-${TOOK_PART[0]}`)}
          options={TOOK_PART.map((value) => ({ value, label: t(`reviews.record.tookPartOptions.${value}`) }))}
          value={tookPart}
          onChange={setTookPart}
        />
        <Checkboxes
          id="outcomes"
          legend={t('reviews.record.outcomes')}
          options={OUTCOMES.map((value) => ({ value, label: t(`reviews.record.outcomeOptions.${value}`) }))}
          values={outcomes}
          onChange={setOutcomes}
        />
        <TextAreaField
          id="notes"
          label={t('reviews.record.notes')}
          rows={6}
          maxLength={10000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
        <button type="submit" disabled={changes.record.isPending}>
          {t('reviews.record.submit')}
        </button>
      </form>
    </section>
  );
}

/** What the meeting record says, once it is written. */
export function MeetingSummary({ review, name }: { review: Review; name: string }) {
  const { t, i18n } = useTranslation();
  if (!review.heldOn) return null;
  const came = review.invitations.filter((invitation) => invitation.attended).map((invitation) => invitation.name);
  return (
    <section aria-labelledby="summary-heading" className="panel">
      <h2 id="summary-heading">{t('reviews.status.held')}</h2>
      <p>
        {t('reviews.record.summary', {
          date: formatDay(review.heldOn, i18n.language),
          name,
          how: review.youngPersonTookPart ? t(`reviews.record.tookPartOptions.${review.youngPersonTookPart}`) : '—',
        })}
      </p>
      <p>
        {came.length > 0 ? t('reviews.record.cameList', { names: came.join(', ') }) : t('reviews.record.nobodyCame')}
      </p>
      {review.outcomesDiscussed.length > 0 && (
        <p>
          {t('reviews.record.outcomes')}:{' '}
          {review.outcomesDiscussed.map((outcome) => t(`reviews.record.outcomeOptions.${outcome}`)).join(', ')}
        </p>
      )}
      {review.meetingNotes && <p className="pre-wrap">{review.meetingNotes}</p>}
    </section>
  );
}
