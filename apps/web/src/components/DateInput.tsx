import { useTranslation } from 'react-i18next';
import type { DateParts } from '../lib/date-parts.ts';
import { describedByOf, HintAndError } from './TextField.tsx';

/**
 * The GOV.UK date input: a fieldset with its question as the legend, a hint, and day, month
 * and year boxes. The error sits between the hint and the boxes; the error summary links to
 * the day box (`{id}-day`).
 */
export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
}) {
  const { t } = useTranslation();
  const part = (name: keyof DateParts, width: string) => (
    <div className="date-input-item">
      <label htmlFor={`${id}-${name}`}>{t(`dateInput.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        name={`${id}-${name}`}
        className={width}
        inputMode="numeric"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        value={value[name]}
        onChange={(event) => onChange({ ...value, [name]: event.target.value })}
      />
    </div>
  );
  return (
    <div className={error ? 'field field-with-error' : 'field'}>
      <fieldset role="group" aria-describedby={describedByOf(id, hint, error)}>
        <legend>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="date-input">
          {part('day', 'width-2')}
          {part('month', 'width-2')}
          {part('year', 'width-4')}
        </div>
      </fieldset>
    </div>
  );
}
