import { useHelpfulServices } from '../../api/offer-queries.ts';
import { HelpfulServices } from '../../components/HelpfulServices.tsx';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import {
  useChangeAction,
  useReviewChanges,
  useReviewPeople,
  type NewAction,
  type Review,
  type ReviewAction,
} from '../../api/review-queries.ts';
import { Radios } from '../../components/Choices.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { ErrorNotice } from '../../components/QueryState.tsx';
import { TextAreaField, TextField } from '../../components/TextField.tsx';
import { localToday } from '../../lib/calendar-days.ts';
import { isoOfParts, NO_DATE } from '../../lib/date-parts.ts';
import { formatDay } from '../../lib/format.ts';

/** An action's progress, and (for its owner or staff) the next step to move it on. */
export function ActionProgress({ action, canMove }: { action: ReviewAction; canMove: boolean }) {
  const { t, i18n } = useTranslation();
  const change = useChangeAction();
  const move = (status: 'in_progress' | 'done') => change.mutate({ id: action.id, version: action.version, status });
  return (
    <>
      <span
        className={
          action.isLate
            ? 'status status-overdue'
            : action.status === 'done'
              ? 'status status-done'
              : 'status status-due'
        }
      >
        {action.isLate ? `${t('reviews.actions.late')}: ` : ''}
        {t(`reviews.actions.statuses.${action.status}`)}
      </span>
      {action.doneOn && (
        <span className="muted">{t('reviews.actions.doneOn', { date: formatDay(action.doneOn, i18n.language) })}</span>
      )}
      {canMove && action.status !== 'done' && (
        <span className="actions">
          {action.status === 'not_started' && (
            <button type="button" className="secondary" disabled={change.isPending} onClick={() => move('in_progress')}>
              {t('reviews.actions.markStarted')}
              <span className="visually-hidden">: {action.description}</span>
            </button>
          )}
          <button type="button" disabled={change.isPending} onClick={() => move('done')}>
            {t('reviews.actions.markDone')}
            <span className="visually-hidden">: {action.description}</span>
          </button>
        </span>
      )}
      {change.isError && <ErrorNotice error={change.error} />}
    </>
  );
}

/** The actions agreed at the meeting; staff add them once it is recorded. */
export function ActionsSection({ review }: { review: Review }) {
  const { t, i18n } = useTranslation();
  const helpful = useHelpfulServices(review.youngPersonId, review.actions.length > 0);
  const canAdd = review.canChange && (review.status === 'held' || review.status === 'completed');
  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">{t('reviews.actions.title')}</h2>
      {review.actions.length === 0 ? (
        <p>{review.status === 'planned' ? t('reviews.actions.afterMeeting') : t('reviews.actions.none')}</p>
      ) : (
        <table className="actions-table">
          <thead>
            <tr>
              <th scope="col">{t('reviews.actions.what')}</th>
              <th scope="col">{t('reviews.actions.owner')}</th>
              <th scope="col">{t('reviews.actions.due')}</th>
              <th scope="col">{t('reviews.actions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {review.actions.map((action) => (
              <tr key={action.id}>
                <th scope="row">
                  {action.description}
                  {action.status !== 'done' && (
                    <HelpfulServices
                      services={helpful.data?.byAction[action.id]}
                      heading="forAction"
                      referFrom={review.canChange ? { personId: review.youngPersonId, actionId: action.id } : undefined}
                    />
                  )}
                </th>
                <td>{action.ownerName}</td>
                <td>{formatDay(action.dueOn, i18n.language)}</td>
                <td>
                  <ActionProgress action={action} canMove={review.canChange || action.isYours} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAdd && <AddActionForm review={review} />}
    </section>
  );
}

function AddActionForm({ review }: { review: Review }) {
  const { t } = useTranslation();
  const changes = useReviewChanges(review.id);
  const people = useReviewPeople(review.id, true);
  const [what, setWhat] = useState('');
  const [ownerKind, setOwnerKind] = useState('');
  const [ownerAccount, setOwnerAccount] = useState('');
  const [ownerAgency, setOwnerAgency] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [due, setDue] = useState(NO_DATE);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState('');
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!what.trim()) found.push({ field: 'action-what', message: t('reviews.actions.problems.what') });
    const owner: NewAction['owner'] | null =
      ownerKind === 'account' && ownerAccount
        ? { userId: ownerAccount }
        : ownerKind === 'agency' && ownerAgency
          ? { agencyId: ownerAgency }
          : ownerKind === 'name' && ownerName.trim()
            ? { name: ownerName.trim() }
            : null;
    if (!owner) found.push({ field: 'action-owner-account', message: t('reviews.actions.problems.owner') });
    const typed = isoOfParts(due);
    if ('problem' in typed)
      found.push({ field: 'action-due-day', message: t(`reviews.actions.problems.due_${typed.problem}`) });
    else if (typed.iso < localToday())
      found.push({ field: 'action-due-day', message: t('reviews.actions.problems.due_past') });
    setProblems(found);
    if (found.length > 0 || !owner || !('iso' in typed)) return;
    changes.addAction.mutate(
      { description: what.trim(), owner, dueOn: typed.iso },
      {
        onSuccess: () => {
          setMessage(t('reviews.actions.added'));
          setWhat('');
          setOwnerKind('');
          setOwnerAccount('');
          setOwnerAgency('');
          setOwnerName('');
          setDue(NO_DATE);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.field?.startsWith('owner'))
            setProblems([{ field: 'action-owner-account', message: t('reviews.actions.problems.owner') }]);
        },
      },
    );
  };

  return (
    <details className="inline-form" open={review.actions.length === 0}>
      <summary>{t('reviews.actions.add')}</summary>
      <div role="status" className="saved">
        {message}
      </div>
      <ErrorSummary problems={problems} />
      {changes.addAction.isError && !problems.length && <ErrorNotice error={changes.addAction.error} />}
      <form noValidate onSubmit={submit} className="stack">
        <TextAreaField
          id="action-what"
          label={t('reviews.actions.what')}
          error={problemFor('action-what')}
          rows={2}
          maxLength={2000}
          value={what}
          onChange={(event) => setWhat(event.target.value)}
        />
        <Radios
          id="action-owner"
          legend={t('reviews.actions.ownerKind')}
          error={problemFor('action-owner-account')}
          options={[
            { value: 'account', label: t('reviews.actions.ownerAccount') },
            { value: 'agency', label: t('reviews.actions.ownerAgency') },
            { value: 'name', label: t('reviews.actions.ownerName') },
          ]}
          value={ownerKind}
          onChange={setOwnerKind}
        />
        {ownerKind === 'account' && (
          <div className="conditional field">
            <label htmlFor="action-owner-person">{t('reviews.invitations.account')}</label>
            <select
              id="action-owner-person"
              value={ownerAccount}
              onChange={(event) => setOwnerAccount(event.target.value)}
            >
              <option value="">{t('reviews.invitations.chooseAccount')}</option>
              {(people.data?.accounts ?? []).map((account) => (
                <option key={account.id} value={account.id}>
                  {account.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {ownerKind === 'agency' && (
          <div className="conditional field">
            <label htmlFor="action-owner-organisation">{t('reviews.actions.ownerAgency')}</label>
            <select
              id="action-owner-organisation"
              value={ownerAgency}
              onChange={(event) => setOwnerAgency(event.target.value)}
            >
              <option value="">{t('reviews.actions.chooseAgency')}</option>
              {(people.data?.agencies ?? []).map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {ownerKind === 'name' && (
          <div className="conditional">
            <TextField
              id="action-owner-name"
              label={t('reviews.invitations.personName')}
              value={ownerName}
              onChange={(event) => setOwnerName(event.target.value)}
            />
          </div>
        )}
        <DateInput
          id="action-due"
          legend={t('reviews.actions.due')}
          error={problemFor('action-due-day')}
          value={due}
          onChange={setDue}
        />
        <button type="submit" disabled={changes.addAction.isPending}>
          {t('reviews.actions.addSubmit')}
        </button>
      </form>
    </details>
  );
}
