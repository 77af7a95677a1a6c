import { useTranslation } from 'react-i18next';
import { useAnswerByLink, useInvitationLink } from '../../api/review-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/QueryState.tsx';
import { formatDay, formatDayLong } from '../../lib/format.ts';
import { InviteeAnswers } from './YourPart.tsx';

/**
 * Where an invitation's private link leads, with no account: the meeting, whom it is about,
 * a reply and the advice asked for — nothing else of the record. The token stays in the
 * address's fragment, which browsers never send to a server or in a Referer.
 */
export default function ReplyPage() {
  const { t, i18n } = useTranslation();
  const token = window.location.hash.replace(/^#/, '');
  const invitation = useInvitationLink(token);
  const answer = useAnswerByLink(token);
  if (token && invitation.isPending) return <Loading />;
  if (!token || invitation.isError || !invitation.data)
    return (
      <>
        <PageHeading title={t('reviews.link.title')} />
        <p>{t('reviews.link.gone')}</p>
      </>
    );
  const data = invitation.data;
  return (
    <article className="reply-page">
      <PageHeading title={t('reviews.link.title')} />
      <p>{t('reviews.link.intro', { name: data.name, person: data.youngPersonName })}</p>
      <p>
        <strong>{data.kindTitle}</strong>
        <br />
        {t('reviews.page.when', {
          date: formatDayLong(data.meetingDate, i18n.language),
          time: data.startTime,
          minutes: data.durationMinutes,
          place: data.place,
        })}
      </p>
      {data.advice?.submittedOn && (
        <p>
          {t('reviews.invitations.adviceStatus.received', { date: formatDay(data.advice.submittedOn, i18n.language) })}
        </p>
      )}
      {data.circulatedAdvice.length > 0 && (
        <section aria-labelledby="advice-heading" className="panel">
          <h2 id="advice-heading">{t('reviews.advice.title')}</h2>
          {data.circulatedAdvice.map((advice) => (
            <figure key={advice.from} className="advice">
              <figcaption>{t('reviews.advice.from', { name: advice.from })}</figcaption>
              <blockquote className="pre-wrap">{advice.text}</blockquote>
            </figure>
          ))}
        </section>
      )}
      <InviteeAnswers
        reply={data.reply}
        advice={data.advice}
        canReply={data.canReply}
        isSaving={answer.reply.isPending || answer.advise.isPending}
        error={answer.reply.error ?? answer.advise.error}
        onReply={(reply, done) => answer.reply.mutate(reply, { onSuccess: done })}
        onAdvise={(advice, done) => answer.advise.mutate(advice, { onSuccess: done })}
      />
    </article>
  );
}
