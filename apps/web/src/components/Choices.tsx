import { describedByOf, HintAndError } from './TextField.tsx';

type Option = { value: string; label: string; hint?: string };

/**
 * GOV.UK radios: the question as the legend, a hint and the error under it, one option per
 * line. The first option's id is `{id}-{first value}`, which the error summary links to.
 */
export function Radios({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className={error ? 'field field-with-error' : 'field'}>
      <fieldset aria-describedby={describedByOf(id, hint, error)}>
        <legend>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((option) => (
          <div key={option.value} className="choice">
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={id}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
            {option.hint && <p className="hint">{option.hint}</p>}
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** GOV.UK checkboxes: several answers to one question. */
export function Checkboxes({
  id,
  legend,
  hint,
  options,
  values,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: Option[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  return (
    <div className="field">
      <fieldset aria-describedby={describedByOf(id, hint)}>
        <legend>{legend}</legend>
        <HintAndError id={id} hint={hint} />
        {options.map((option) => (
          <div key={option.value} className="choice">
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              checked={values.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...values, option.value]
                    : values.filter((candidate) => candidate !== option.value),
                )
              }
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
