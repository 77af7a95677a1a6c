import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Mark as done" for a milestone that needs no event of its own: asks when it happened
 * (today unless changed; never a day still to come), so the plan records the true date.
 */
export function MarkDone(props: { title: string; today: string; isSaving: boolean; onMark: (date: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [date, setDate] = useState(props.today);
  const isValid = /^\d{4}-\d{2}-\d{2}$/.test(date) && date <= props.today;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isValid) props.onMark(date);
  };
  return (
    <form className="mark-done" onSubmit={submit} aria-label={t('plan.markDoneOf', { title: props.title })}>
      <label htmlFor={id}>{t('plan.doneOn')}</label>
      <input
        id={id}
        type="date"
        value={date}
        max={props.today}
        required
        aria-invalid={!isValid || undefined}
        aria-describedby={isValid ? undefined : `${id}-error`}
        onChange={(event) => setDate(event.target.value)}
      />
      {!isValid && (
        <p id={`${id}-error`} className="field-error">
          {t('plan.doneOnError')}
        </p>
      )}
      <button type="submit" disabled={props.isSaving || !isValid}>
        {t('plan.markDone')}
      </button>
    </form>
  );
}
