import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewChanges, type Review } from '../../api/review-queries.ts';
import { Radios } from '../../components/Choices.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { TextAreaField } from '../../components/TextField.tsx';
import { formatDay } from '../../lib/format.ts';

type Reply = 'accepted' | 'declined' | 'tentative';

/**
 * What the meeting asks of someone: whether they will come, and the advice they were asked
 * for. The same form for a signed-in invitee and for someone with a private link.
 */
export function InviteeAnswers({
  reply,
  advice,
  canReply,
  isSaving,
  error,
  onReply,
  onAdvise,
}: {
  reply: Reply | 'no_reply';
  advice: { question: string; dueOn: string; submittedOn: string | null } | null;
  canReply: boolean;
  isSaving: boolean;
  error: unknown;
  onReply: (reply: Reply, done: () => void) => void;
  onAdvise: (advice: string, done: () => void) => void;
}) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string>(reply === 'no_reply' ? '' : reply);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState('');
  const sendReply = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setProblems([{ field: 'reply-accepted', message: t('reviews.reply.problem') }]);
    setProblems([]);
    onReply(chosen as Reply, () => setMessage(t('reviews.reply.saved')));
  };
  const sendAdvice = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setProblems([{ field: 'advice-text', message: t('reviews.advice.problem') }]);
    setProblems([]);
    onAdvise(text.trim(), () => setMessage(t('reviews.advice.sent')));
  };
  if (!canReply) return <p>{t('reviews.link.meetingOver')}</p>;
  return (
    <>
      <ErrorSummary problems={problems} />
      {error ? <ErrorNotice error={error} /> : null}
      <div role="status" className="saved">
        {message}
      </div>
      <form noValidate onSubmit={sendReply} className="stack">
        <Radios
          id="reply"
          legend={t('reviews.reply.title')}
          error={problems.find((problem) => problem.field === 'reply-accepted')?.message}
          options={(['accepted', 'declined', 'tentative'] as const).map((value) => ({
            value,
            label: t(`reviews.reply.${value}`),
          }))}
          value={chosen}
          onChange={setChosen}
        />
        <button type="submit" disabled={isSaving}>
          {t('reviews.reply.send')}
        </button>
      </form>
      {advice && (
        <section aria-labelledby="your-advice" className="stack">
          <h2 id="your-advice">{t('reviews.advice.yours')}</h2>
          <p>{t('reviews.advice.asked', { question: advice.question })}</p>
          {advice.submittedOn ? (
            <p>{t('reviews.advice.sent')}</p>
          ) : (
            <form noValidate onSubmit={sendAdvice} className="stack">
              <p>{t('reviews.advice.dueBy', { date: formatDay(advice.dueOn, i18n.language) })}</p>
              <TextAreaField
                id="advice-text"
                label={t('reviews.advice.write')}
                error={problems.find((problem) => problem.field === 'advice-text')?.message}
                rows={8}
                maxLength={20000}
                value={text}
                onChange={(event) => setText(event.target.value)}
              />
              <button type="submit" disabled={isSaving}>
                {t('reviews.advice.send')}
              </button>
            </form>
          )}
        </section>
      )}
    </>
  );
}

/** A signed-in invitee's own part of a review. */
export function YourPart({ review }: { review: Review }) {
  const changes = useReviewChanges(review.id);
  const mine = review.invitations.find((invitation) => invitation.isYou);
  if (!mine) return null;
  return (
    <section className="panel" aria-label={mine.name}>
      <InviteeAnswers
        reply={mine.reply}
        advice={mine.advice}
        canReply={review.status === 'planned'}
        isSaving={changes.reply.isPending || changes.advise.isPending}
        error={changes.reply.error ?? changes.advise.error}
        onReply={(reply, done) => changes.reply.mutate(reply, { onSuccess: done })}
        onAdvise={(advice, done) => changes.advise.mutate(advice, { onSuccess: done })}
      />
    </section>
  );
}
