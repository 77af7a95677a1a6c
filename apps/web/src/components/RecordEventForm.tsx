import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.ts';
import type { EventType } from '../api/queries.ts';
import { ErrorNotice } from './QueryState.tsx';

type Property = { type?: string; enum?: string[]; pattern?: string; default?: unknown; maxLength?: number };
type FieldSchema = { properties?: Record<string, Property>; required?: string[] };

/** A field's default as the text its input starts with (defaults are strings, numbers or booleans). */
function defaultText(property: Property): string {
  const value = property.default;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** "likelyEligible" → "Likely eligible"; "left_education" → "left education". */
const words = (name: string) => {
  const spaced = name
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/**
 * "Record what happened" for one pathway: only the events its current state accepts, a date
 * no later than today, and the event's own fields, built from the JSON Schema the API gives.
 * A refusal comes back in the machine's words (422) and is shown as it is.
 */
export function RecordEventForm(props: {
  pathway: string;
  nextEvents: string[];
  eventTypes: EventType[];
  today: string;
  isSaving: boolean;
  error: unknown;
  onRecord: (event: { type: string; date: string } & Record<string, unknown>) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const offered = props.eventTypes.filter(
    (eventType) => props.nextEvents.includes(eventType.type) && eventType.type !== 'milestone.recorded',
  );
  const [type, setType] = useState('');
  const [date, setDate] = useState(props.today);
  const [values, setValues] = useState<Record<string, string>>({});
  const chosen = offered.find((eventType) => eventType.type === type);
  const schema = (chosen?.fields ?? {}) as FieldSchema;
  const idPrefix = `event-${props.pathway}`;
  const fieldError = props.error instanceof ApiError && props.error.status === 400 ? props.error : null;

  if (offered.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const payload: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const value = values[name] ?? defaultText(property);
      if (value === '') continue;
      payload[name] = property.type === 'boolean' ? value === 'true' : value;
    }
    props.onRecord({ ...payload, type: chosen.type, date });
  };

  return (
    <form className="record-event" onSubmit={submit}>
      <fieldset>
        <legend>{t('plan.recordIn', { pathway: t(`pathways.${props.pathway}`) })}</legend>
        <label htmlFor={`${idPrefix}-type`}>{t('plan.event')}</label>
        <select
          id={`${idPrefix}-type`}
          value={type}
          required
          onChange={(event) => {
            setType(event.target.value);
            setValues({});
          }}
        >
          <option value="">{t('events.choose')}</option>
          {offered.map((eventType) => (
            <option key={eventType.type} value={eventType.type}>
              {eventType.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${idPrefix}-date`}>{t('plan.date')}</label>
        <input
          id={`${idPrefix}-date`}
          type="date"
          value={date}
          max={props.today}
          required
          onChange={(event) => setDate(event.target.value)}
          aria-invalid={fieldError?.field === 'date' || undefined}
        />
        {Object.entries(schema.properties ?? {}).map(([name, property]) => (
          <EventField
            key={name}
            id={`${idPrefix}-${name}`}
            name={name}
            property={property}
            isRequired={schema.required?.includes(name) ?? false}
            value={values[name] ?? defaultText(property)}
            error={fieldError?.field === name ? fieldError.message : undefined}
            onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
          />
        ))}
        {props.error !== null && props.error !== undefined && !fieldError && (
          <ErrorNotice error={props.error} onReload={props.onReload} />
        )}
        {fieldError && !Object.keys(schema.properties ?? {}).includes(fieldError.field ?? '') && (
          <ErrorNotice error={fieldError} />
        )}
        <button type="submit" disabled={!chosen || props.isSaving}>
          {props.isSaving ? t('common.saving') : t('plan.record')}
        </button>
      </fieldset>
    </form>
  );
}

function EventField(props: {
  id: string;
  name: string;
  property: Property;
  isRequired: boolean;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { id, property } = props;
  const label = `${words(props.name)}${props.isRequired ? '' : ` ${t('common.optional')}`}`;
  const described = props.error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': true } : {};
  const error = props.error && (
    <p id={`${id}-error`} className="field-error">
      {props.error}
    </p>
  );
  if (property.type === 'boolean') {
    return (
      <fieldset className="inline-choice">
        <legend>{label}</legend>
        {(['true', 'false'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={id}
              value={value}
              required={props.isRequired}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
            />{' '}
            {value === 'true' ? t('common.yes') : t('common.no')}
          </label>
        ))}
        {error}
      </fieldset>
    );
  }
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {property.enum ? (
        <select
          id={id}
          value={props.value}
          required={props.isRequired}
          onChange={(event) => props.onChange(event.target.value)}
          {...described}
        >
          <option value="">{t('events.choose')}</option>
          {property.enum.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
      ) : property.pattern === DATE_PATTERN ? (
        <input
          id={id}
          type="date"
          value={props.value}
          required={props.isRequired}
          onChange={(event) => props.onChange(event.target.value)}
          {...described}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={props.value}
          required={props.isRequired}
          maxLength={property.maxLength}
          onChange={(event) => props.onChange(event.target.value)}
          {...described}
        />
      )}
      {error}
    </>
  );
}
