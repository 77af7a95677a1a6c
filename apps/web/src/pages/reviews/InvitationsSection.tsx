import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import {
  useInvitationByHand,
  useReviewChanges,
  useReviewPeople,
  type Review,
  type ReviewInvitation,
} from '../../api/review-queries.ts';
import { Radios } from '../../components/Choices.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { TextAreaField, TextField } from '../../components/TextField.tsx';
import { addDaysIso } from '../../lib/calendar-days.ts';
import { isoOfParts, NO_DATE } from '../../lib/date-parts.ts';
import { looksLikeEmailAddress } from '../../lib/email-address.ts';
import { formatDay } from '../../lib/format.ts';

const ROLES = [
  'young_person',
  'family',
  'school',
  'college',
  'council',
  'health',
  'social_care',
  'advocate',
  'other',
] as const;
type InviteeRole = (typeof ROLES)[number];

/** Who is invited, their replies and advice; for staff, inviting, sending, withdrawing and sending advice round. */
export function InvitationsSection({ review, name }: { review: Review; name: string }) {
  const { t, i18n } = useTranslation();
  const changes = useReviewChanges(review.id);
  const byHand = useInvitationByHand(review.id);
  const [message, setMessage] = useState('');
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const day = (iso: string) => formatDay(iso, i18n.language);
  const isPlanned = review.status === 'planned';
  const staff = review.canChange && isPlanned;
  const failed = [changes.send, changes.withdraw, changes.circulate, byHand].find((mutation) => mutation.isError);

  return (
    <section aria-labelledby="invitations-heading" className="panel">
      <h2 id="invitations-heading">{t('reviews.invitations.title')}</h2>
      <div role="status" className="saved">
        {message}
      </div>
      {failed && <ErrorNotice error={failed.error} />}
      {link && (
        <div className="notice">
          <p>{t('reviews.invitations.link', { name: link.name })}</p>
          <p>
            <code className="private-link">{link.url}</code>
          </p>
        </div>
      )}
      {review.invitations.length === 0 ? (
        <p>{t('reviews.invitations.none')}</p>
      ) : (
        <table className="invitations">
          <thead>
            <tr>
              <th scope="col">{t('reviews.invitations.name')}</th>
              <th scope="col">{t('reviews.invitations.reply')}</th>
              <th scope="col">{t('reviews.invitations.sent')}</th>
              <th scope="col">{t('reviews.invitations.advice')}</th>
              {staff && (
                <th scope="col">
                  <span className="visually-hidden">{t('reviews.change')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {review.invitations.map((invitation) => (
              <tr key={invitation.id} data-invitation={invitation.name}>
                <th scope="row">
                  {invitation.name}
                  <span className="muted">
                    {t(`reviews.invitations.roles.${invitation.role}`)}
                    {invitation.email ? ` · ${invitation.email}` : ''}
                  </span>
                </th>
                <td>{t(`reviews.invitations.replies.${invitation.reply}`)}</td>
                <td>
                  {t(`reviews.invitations.sentStates.${invitation.sent}`)}
                  {invitation.sent === 'sent' && invitation.sentBy && (
                    <> {t(`reviews.invitations.sentBy.${invitation.sentBy}`)}</>
                  )}
                  {invitation.emailWaiting && <span className="muted">{t('reviews.invitations.emailWaiting')}</span>}
                </td>
                <td>{invitation.advice ? <AdviceState invitation={invitation} day={day} /> : '—'}</td>
                {staff && (
                  <td>
                    {review.invitationsSent && !invitation.hasAccount && (
                      <button
                        type="button"
                        className="link-button"
                        disabled={byHand.isPending}
                        onClick={() =>
                          byHand.mutate(invitation.id, {
                            onSuccess: (answer) => setLink({ name: invitation.name, url: answer.link }),
                          })
                        }
                      >
                        {t('reviews.invitations.byHand', { name: invitation.name })}
                      </button>
                    )}
                    <button
                      type="button"
                      className="link-button"
                      disabled={changes.withdraw.isPending}
                      onClick={() => changes.withdraw.mutate(invitation.id, { onSuccess: () => setMessage('') })}
                    >
                      {t('reviews.invitations.withdraw', { name: invitation.name })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {staff && review.invitations.length > 0 && !review.invitationsSent && (
        <div className="stack">
          <p className="hint">{t('reviews.invitations.sendHint')}</p>
          <button
            type="button"
            disabled={changes.send.isPending}
            onClick={() =>
              changes.send.mutate(review.version, { onSuccess: () => setMessage(t('reviews.invitations.sentAll')) })
            }
          >
            {t('reviews.invitations.sendAll')}
          </button>
        </div>
      )}
      {staff && review.invitationsSent && !review.adviceCirculatedOn && (
        <div className="stack">
          <p className="hint">{t('reviews.invitations.circulateHint')}</p>
          <button
            type="button"
            className="secondary"
            disabled={changes.circulate.isPending}
            onClick={() => changes.circulate.mutate(review.version)}
          >
            {t('reviews.invitations.circulate')}
          </button>
        </div>
      )}
      {review.adviceCirculatedOn && (
        <p>{t('reviews.invitations.circulated', { date: day(review.adviceCirculatedOn) })}</p>
      )}
      {staff && <InviteForm review={review} name={name} onInvited={(who) => setMessage(who)} />}
    </section>
  );
}

function AdviceState({ invitation, day }: { invitation: ReviewInvitation; day: (iso: string) => string }) {
  const { t } = useTranslation();
  const advice = invitation.advice;
  if (!advice) return null;
  const date = advice.submittedOn ?? advice.dueOn;
  return (
    <>
      <span className={advice.status === 'late' ? 'status status-overdue' : undefined}>
        {t(`reviews.invitations.adviceStatus.${advice.status}`, { date: day(date) })}
      </span>
      {advice.chasedOn && !advice.submittedOn && (
        <span className="muted">{t('reviews.invitations.chased', { date: day(advice.chasedOn) })}</span>
      )}
    </>
  );
}

/** Invite someone: an account that can see the record, or anyone by name; optionally asking for advice. */
function InviteForm({
  review,
  name,
  onInvited,
}: {
  review: Review;
  name: string;
  onInvited: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const changes = useReviewChanges(review.id);
  const people = useReviewPeople(review.id, true);
  const [who, setWho] = useState<'account' | 'other'>('account');
  const [accountId, setAccountId] = useState('');
  const [personName, setPersonName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [askAdvice, setAskAdvice] = useState(false);
  const [question, setQuestion] = useState('');
  const [adviceDue, setAdviceDue] = useState(NO_DATE);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const invited = new Set(review.invitations.map((invitation) => invitation.name));
  const defaultDue = addDaysIso(review.meetingDate, -21);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (who === 'account' && !accountId)
      found.push({ field: 'invitee-account', message: t('reviews.invitations.problems.account') });
    if (who === 'other' && !personName.trim())
      found.push({ field: 'invitee-name', message: t('reviews.invitations.problems.personName') });
    if (who === 'other' && email.trim() && !looksLikeEmailAddress(email.trim()))
      found.push({ field: 'invitee-email', message: t('reviews.invitations.problems.email') });
    if (!role) found.push({ field: 'invitee-role', message: t('reviews.invitations.problems.role') });
    if (askAdvice && !question.trim())
      found.push({ field: 'advice-question', message: t('reviews.invitations.problems.question') });
    const due = isoOfParts(adviceDue);
    const dueGiven = 'iso' in due;
    if (askAdvice && !dueGiven && due.problem !== 'missing')
      found.push({ field: 'advice-due-day', message: t('reviews.invitations.problems.adviceDue') });
    setProblems(found);
    if (found.length > 0) return;
    const invitee =
      who === 'account'
        ? { userId: accountId }
        : { name: personName.trim(), ...(email.trim() ? { email: email.trim() } : {}) };
    changes.invite.mutate(
      {
        ...invitee,
        role: role as InviteeRole,
        ...(askAdvice ? { advice: { question: question.trim(), ...(dueGiven ? { dueOn: due.iso } : {}) } } : {}),
      },
      {
        onSuccess: () => {
          const shown = who === 'account' ? people.data?.accounts.find((a) => a.id === accountId)?.name : personName;
          onInvited(t('reviews.invitations.invited', { name: shown ?? '' }));
          setAccountId('');
          setPersonName('');
          setEmail('');
          setRole('');
          setAskAdvice(false);
          setQuestion('');
          setAdviceDue(NO_DATE);
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.field === 'email' || error.field === 'userId')
            setProblems([
              {
                field: who === 'account' ? 'invitee-account' : 'invitee-email',
                message: t(
                  error.status === 409
                    ? 'reviews.invitations.problems.emailTaken'
                    : 'reviews.invitations.problems.account',
                ),
              },
            ]);
          else if (error.field === 'advice.dueOn')
            setProblems([{ field: 'advice-due-day', message: t('reviews.invitations.problems.adviceDue') }]);
        },
      },
    );
  };

  return (
    <details className="inline-form">
      <summary>{t('reviews.invitations.add')}</summary>
      <ErrorSummary problems={problems} />
      {changes.invite.isError && !problems.length && <ErrorNotice error={changes.invite.error} />}
      <form noValidate onSubmit={submit} className="stack">
        <Radios
          id="invitee-kind"
          legend={t('reviews.invitations.who')}
          options={[
            {
              value: 'account',
              label: t('reviews.invitations.whoAccount'),
              hint: t('reviews.invitations.whoAccountHint', { name }),
            },
            { value: 'other', label: t('reviews.invitations.whoOther') },
          ]}
          value={who}
          onChange={(value) => setWho(value as 'account' | 'other')}
        />
        {who === 'account' ? (
          <div className={problemFor('invitee-account') ? 'field field-with-error' : 'field'}>
            <label htmlFor="invitee-account">{t('reviews.invitations.account')}</label>
            {problemFor('invitee-account') && <p className="field-error">{problemFor('invitee-account')}</p>}
            <select id="invitee-account" value={accountId} onChange={(event) => setAccountId(event.target.value)}>
              <option value="">{t('reviews.invitations.chooseAccount')}</option>
              {(people.data?.accounts ?? [])
                .filter((account) => !invited.has(account.name))
                .map((account) => (
                  <option key={account.id} value={account.id}>
                    {account.name} ({t(`roles.${account.role}`, { defaultValue: account.role })})
                  </option>
                ))}
            </select>
          </div>
        ) : (
          <>
            <TextField
              id="invitee-name"
              label={t('reviews.invitations.personName')}
              error={problemFor('invitee-name')}
              value={personName}
              onChange={(event) => setPersonName(event.target.value)}
            />
            <TextField
              id="invitee-email"
              type="email"
              autoComplete="off"
              spellCheck={false}
              label={t('reviews.invitations.email')}
              hint={t('reviews.invitations.emailHint')}
              error={problemFor('invitee-email')}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </>
        )}
        <div className={problemFor('invitee-role') ? 'field field-with-error' : 'field'}>
          <label htmlFor="invitee-role">{t('reviews.invitations.roleLabel', { name })}</label>
          {problemFor('invitee-role') && <p className="field-error">{problemFor('invitee-role')}</p>}
          <select id="invitee-role" value={role} onChange={(event) => setRole(event.target.value)}>
            <option value="">{t('reviews.invitations.chooseAccount')}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`reviews.invitations.roles.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="choice">
          <input
            id="advice-ask"
            type="checkbox"
            checked={askAdvice}
            onChange={(event) => setAskAdvice(event.target.checked)}
          />
          <label htmlFor="advice-ask">{t('reviews.invitations.askAdvice')}</label>
        </div>
        {askAdvice && (
          <div className="conditional">
            <TextAreaField
              id="advice-question"
              label={t('reviews.invitations.question')}
              error={problemFor('advice-question')}
              rows={3}
              maxLength={2000}
              value={question}
              onChange={(event) => setQuestion(event.target.value)}
            />
            <DateInput
              id="advice-due"
              legend={t('reviews.invitations.adviceDue')}
              hint={t('reviews.invitations.adviceDueHint', { date: formatDay(defaultDue, i18n.language) })}
              error={problemFor('advice-due-day')}
              value={adviceDue}
              onChange={setAdviceDue}
            />
          </div>
        )}
        <button type="submit" disabled={changes.invite.isPending}>
          {t('reviews.invitations.inviteSubmit')}
        </button>
      </form>
    </details>
  );
}
