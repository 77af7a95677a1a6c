import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import { useReviewChanges, type AfterMeeting, type Review } from '../../api/review-queries.ts';
import { Radios } from '../../components/Choices.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { localToday } from '../../lib/calendar-days.ts';
import { isoOfParts, NO_DATE, type DateParts } from '../../lib/date-parts.ts';
import { formatDay } from '../../lib/format.ts';

const DECISIONS = ['keep', 'amend', 'cease'] as const;

/**
 * After the meeting: the report sent, the council's decision and the final amended plan,
 * each recorded once (a recorded one shows as a fact, not a field).
 */
export function AfterMeetingForm({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const changes = useReviewChanges(review.id);
  const [reportSentOn, setReportSentOn] = useState(NO_DATE);
  const [decision, setDecision] = useState('');
  const [decisionOn, setDecisionOn] = useState(NO_DATE);
  const [finalPlanOn, setFinalPlanOn] = useState(NO_DATE);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState('');
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const day = (iso: string) => formatDay(iso, i18n.language);
  const today = localToday();
  const asksDecision = review.hasDecision && !review.decision;
  const asksFinalPlan = review.hasDecision && review.decision === 'amend' && !review.finalPlanOn;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    const answer: AfterMeeting = { version: review.version };
    const dated = (field: 'reportSentOn' | 'decisionOn' | 'finalPlanOn', parts: DateParts, required: boolean) => {
      const typed = isoOfParts(parts);
      if ('iso' in typed && typed.iso <= today) answer[field] = typed.iso;
      else if (required || !('problem' in typed) || typed.problem !== 'missing')
        found.push({ field: `${field}-day`, message: t(`reviews.after.problems.${field}`) });
    };
    if (!review.reportSentOn) dated('reportSentOn', reportSentOn, false);
    if (asksDecision) {
      if (decision) {
        answer.decision = decision as AfterMeeting['decision'];
        dated('decisionOn', decisionOn, true);
      } else if (isoOfParts(decisionOn) && !('problem' in isoOfParts(decisionOn)))
        found.push({ field: 'decision-keep', message: t('reviews.after.problems.decision') });
    }
    if (asksFinalPlan || (decision === 'amend' && isoOfParts(finalPlanOn) && 'iso' in isoOfParts(finalPlanOn)))
      dated('finalPlanOn', finalPlanOn, false);
    if (found.length === 0 && Object.keys(answer).length === 1)
      found.push({
        field: review.reportSentOn ? 'decision-keep' : 'reportSentOn-day',
        message: t('reviews.after.problems.nothing'),
      });
    setProblems(found);
    if (found.length > 0) return;
    changes.after.mutate(answer, {
      onSuccess: () => {
        setMessage(t('reviews.after.saved'));
        setReportSentOn(NO_DATE);
        setDecisionOn(NO_DATE);
        setFinalPlanOn(NO_DATE);
      },
      onError: (error) => {
        if (
          error instanceof ApiError &&
          error.field &&
          ['reportSentOn', 'decisionOn', 'finalPlanOn'].includes(error.field)
        )
          setProblems([{ field: `${error.field}-day`, message: t(`reviews.after.problems.${error.field}`) }]);
      },
    });
  };

  const facts = [
    review.reportSentOn &&
      t('reviews.after.recorded', { what: t('reviews.page.steps.report'), date: day(review.reportSentOn) }),
    review.decision &&
      review.decisionOn &&
      t('reviews.after.recorded', {
        what: t(`reviews.after.decisions.${review.decision}`),
        date: day(review.decisionOn),
      }),
    review.finalPlanOn &&
      t('reviews.after.recorded', { what: t('reviews.page.steps.final_plan'), date: day(review.finalPlanOn) }),
  ].filter(Boolean);
  const stillToAsk = !review.reportSentOn || asksDecision || asksFinalPlan;

  return (
    <section aria-labelledby="after-heading" className="panel">
      <h2 id="after-heading">{t('reviews.after.title')}</h2>
      {facts.length > 0 && (
        <ul>
          {facts.map((fact) => (
            <li key={String(fact)}>{fact}</li>
          ))}
        </ul>
      )}
      <div role="status" className="saved">
        {message}
      </div>
      {review.canChange && stillToAsk && (
        <>
          <ErrorSummary problems={problems} />
          {changes.after.isError && !problems.length && <ErrorNotice error={changes.after.error} />}
          <form noValidate onSubmit={submit} className="stack">
            {!review.reportSentOn && (
              <DateInput
                id="reportSentOn"
                legend={t('reviews.after.reportSentOn')}
                error={problemFor('reportSentOn-day')}
                value={reportSentOn}
                onChange={setReportSentOn}
              />
            )}
            {asksDecision && (
              <>
                <Radios
                  id="decision"
                  legend={t('reviews.after.decision')}
                  error={problemFor('decision-keep')}
                  options={DECISIONS.map((value) => ({ value, label: t(`reviews.after.decisions.${value}`) }))}
                  value={decision}
                  onChange={setDecision}
                />
                <DateInput
                  id="decisionOn"
                  legend={t('reviews.after.decisionOn')}
                  error={problemFor('decisionOn-day')}
                  value={decisionOn}
                  onChange={setDecisionOn}
                />
              </>
            )}
            {(asksFinalPlan || decision === 'amend') && (
              <DateInput
                id="finalPlanOn"
                legend={t('reviews.after.finalPlanOn')}
                error={problemFor('finalPlanOn-day')}
                value={finalPlanOn}
                onChange={setFinalPlanOn}
              />
            )}
            <button type="submit" disabled={changes.after.isPending}>
              {t('reviews.after.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
