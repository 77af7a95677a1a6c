import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddGoal, useAddProgressNote, useGoals, useUpdateGoal, type Goal } from '../api/queries.ts';
import { formatMoment } from '../lib/format.ts';
import { Icon } from './Icon.tsx';
import { ErrorNotice, errorFor, QueryState } from './QueryState.tsx';

const AREAS = ['employment', 'independent_living', 'community_inclusion', 'good_health'] as const;
const STATUSES = ['active', 'achieved', 'paused', 'dropped'] as const;

/** Goals in the young person's own words, with progress anyone on their side can add. */
export function GoalsPanel({
  youngPersonId,
  isOwn,
  headingLevel = 2,
  canChange = true,
}: {
  youngPersonId: string;
  isOwn: boolean;
  headingLevel?: 2 | 3;
  /** False for another agency, who may read the goals but not set or move them. */
  canChange?: boolean;
}) {
  const { t } = useTranslation();
  const goals = useGoals(youngPersonId);
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section aria-labelledby="goals-heading" className="panel">
      <Heading id="goals-heading">{isOwn ? t('nav.goals') : t('goals.title')}</Heading>
      <p className="muted">{isOwn ? t('goals.myIntro') : t('goals.intro')}</p>
      <QueryState query={goals}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <p>{t('goals.empty')}</p>
            ) : (
              <ul className="goals">
                {data.items.map((goal) => (
                  <GoalItem key={goal.id} goal={goal} youngPersonId={youngPersonId} canChange={canChange} />
                ))}
              </ul>
            )}
            {canChange && <AddGoal youngPersonId={youngPersonId} />}
          </>
        )}
      </QueryState>
    </section>
  );
}

function GoalItem({ goal, youngPersonId, canChange }: { goal: Goal; youngPersonId: string; canChange: boolean }) {
  const { t, i18n } = useTranslation();
  const addNote = useAddProgressNote(youngPersonId);
  const update = useUpdateGoal(youngPersonId);
  const [note, setNote] = useState('');
  const noteId = `note-${goal.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    addNote.mutate({ goalId: goal.id, note }, { onSuccess: () => setNote('') });
  };
  return (
    <li className="goal">
      <p className="goal-text">
        <Icon name={goal.outcomeArea} /> “{goal.text}”
      </p>
      <p className="muted">{t(`outcomeAreas.${goal.outcomeArea}`)}</p>
      {canChange ? (
        <>
          <label htmlFor={`status-${goal.id}`}>{t('goals.status')}</label>
          <select
            id={`status-${goal.id}`}
            value={goal.status}
            disabled={update.isPending}
            onChange={(event) =>
              update.mutate({ goalId: goal.id, version: goal.version, status: event.target.value as Goal['status'] })
            }
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`goalStatus.${status}`)}
              </option>
            ))}
          </select>
        </>
      ) : (
        <p>
          {t('goals.status')}: {t(`goalStatus.${goal.status}`)}
        </p>
      )}
      {update.isError && <ErrorNotice error={update.error} onReload={() => update.reset()} />}
      {goal.notes.length > 0 && (
        <>
          <h4>{t('goals.notes')}</h4>
          <ul className="notes">
            {goal.notes.map((n) => (
              <li key={n.id}>
                {n.note}{' '}
                <span className="muted">
                  {n.id.startsWith('pending-') ? t('common.saving') : formatMoment(n.createdAt, i18n.language)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {canChange && (
        <form onSubmit={submit} className="inline-form">
          <label htmlFor={noteId}>{t('goals.progressLabel')}</label>
          <textarea
            id={noteId}
            rows={2}
            value={note}
            required
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={Boolean(errorFor(addNote.error, 'note')) || undefined}
          />
          <button type="submit" disabled={addNote.isPending || note.trim() === ''}>
            {t('goals.progress')}
          </button>
          {addNote.isError && <ErrorNotice error={addNote.error} />}
        </form>
      )}
    </li>
  );
}

function AddGoal({ youngPersonId }: { youngPersonId: string }) {
  const { t } = useTranslation();
  const add = useAddGoal(youngPersonId);
  const [text, setText] = useState('');
  const [area, setArea] = useState<(typeof AREAS)[number]>('employment');
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    add.mutate(
      { text, outcomeArea: area },
      {
        onSuccess: () => {
          setText('');
          setSaved(true);
        },
      },
    );
  };
  const textError = errorFor(add.error, 'text');
  return (
    <form onSubmit={submit} className="add-goal">
      <h3>{t('goals.add')}</h3>
      <label htmlFor={`goal-text-${youngPersonId}`}>{t('goals.text')}</label>
      <textarea
        id={`goal-text-${youngPersonId}`}
        rows={2}
        value={text}
        required
        maxLength={2000}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={Boolean(textError) || undefined}
        aria-describedby={textError ? 'goal-text-error' : undefined}
      />
      {textError && (
        <p id="goal-text-error" className="field-error">
          {textError}
        </p>
      )}
      <fieldset className="area-choice">
        <legend>{t('goals.area')}</legend>
        {AREAS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`goal-area-${youngPersonId}`}
              value={value}
              checked={area === value}
              onChange={() => setArea(value)}
            />{' '}
            <Icon name={value} /> {t(`outcomeAreas.${value}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={add.isPending || text.trim() === ''}>
        {add.isPending ? t('common.saving') : t('goals.add')}
      </button>
      {add.isError && !textError && <ErrorNotice error={add.error} />}
      <p role="status" className="saved">
        {saved ? t('goals.saved') : ''}
      </p>
    </form>
  );
}
