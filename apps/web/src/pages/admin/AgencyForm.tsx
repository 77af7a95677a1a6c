import { AGENCY_TYPES } from '@pathways/engine';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.ts';
import { useSaveAgency } from '../../api/people-queries.ts';
import type { Agency } from '../../api/queries.ts';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { looksLikeEmailAddress } from '../../lib/email-address.ts';

const TYPES = [...AGENCY_TYPES.filter((type) => type !== 'young_person' && type !== 'family'), 'other'] as const;
const WEB = /^https?:\/\/\S+$/;

type Fields = Record<
  'name' | 'type' | 'email' | 'phone' | 'website' | 'services' | 'minAge' | 'maxAge' | 'areaId',
  string
>;

const fieldsOf = (agency: Agency | null, areaId: string): Fields => ({
  name: agency?.name ?? '',
  type: agency?.type ?? '',
  email: agency?.email ?? '',
  phone: agency?.phone ?? '',
  website: agency?.website ?? '',
  services: agency?.services.join('\n') ?? '',
  minAge: agency?.minAge?.toString() ?? '',
  maxAge: agency?.maxAge?.toString() ?? '',
  areaId: agency?.areaId ?? areaId,
});

/** Administrators: add an agency to the directory by hand, or correct one (imported or not). */
export function AgencyForm({
  agency,
  areas,
  ownAreaId,
  onDone,
}: {
  agency: Agency | null;
  areas: { id: string; name: string }[];
  ownAreaId: string | null;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAgency();
  const [fields, setFields] = useState(() => fieldsOf(agency, ownAreaId ?? ''));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const set = (field: keyof Fields) => (value: string) => setFields((now) => ({ ...now, [field]: value }));
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const age = (value: string) => (value.trim() === '' ? null : Number(value));
  const prefix = agency ? `agency-${agency.id}` : 'agency-new';
  const id = (field: string) => `${prefix}-${field}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    const add = (field: string, words: string) =>
      found.push({ field: id(field), message: t(`directoryEdit.${words}`) });
    if (!fields.name.trim()) add('name', 'nameMissing');
    if (!fields.type) add('type', 'typeMissing');
    if (!agency && !ownAreaId && !fields.areaId) add('areaId', 'areaMissing');
    if (fields.email.trim() && !looksLikeEmailAddress(fields.email.trim())) add('email', 'emailWrong');
    if (fields.phone.trim() && (fields.phone.trim().length < 3 || fields.phone.trim().length > 40))
      add('phone', 'phoneWrong');
    if (fields.website.trim() && !WEB.test(fields.website.trim())) add('website', 'websiteWrong');
    for (const field of ['minAge', 'maxAge'] as const) {
      const value = age(fields[field]);
      if (value !== null && !(Number.isInteger(value) && value >= 0 && value <= 120)) add(field, 'ageWrong');
    }
    const [min, max] = [age(fields.minAge), age(fields.maxAge)];
    if (found.length === 0 && min !== null && max !== null && min > max) add('minAge', 'agesOrder');
    setProblems(found);
    if (found.length > 0) return;
    const details = {
      name: fields.name.trim(),
      type: fields.type as (typeof TYPES)[number],
      email: fields.email.trim() || null,
      phone: fields.phone.trim() || null,
      website: fields.website.trim() || null,
      services: fields.services
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      minAge: min,
      maxAge: max,
    };
    save.mutate(
      agency
        ? { id: agency.id, changes: details }
        : { id: null, details: { ...details, ...(ownAreaId ? {} : { areaId: fields.areaId }) } },
      {
        onSuccess: (saved) => onDone(saved.name),
        onError: (error) => {
          if (error instanceof ApiError && error.field)
            setProblems([{ field: id(error.field), message: error.message.replace(/^\w+: /, '') }]);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="panel">
      <h2>{agency ? t('directoryEdit.changeTitle', { name: agency.name }) : t('directoryEdit.add')}</h2>
      <ErrorSummary problems={problems} />
      <TextField
        id={id('name')}
        label={t('directoryEdit.name')}
        error={problemFor(id('name'))}
        value={fields.name}
        onChange={(event) => set('name')(event.target.value)}
      />
      <div className={problemFor(id('type')) ? 'field field-with-error' : 'field'}>
        <label htmlFor={id('type')}>{t('directoryEdit.type')}</label>
        {problemFor(id('type')) && <p className="field-error">{problemFor(id('type'))}</p>}
        <select id={id('type')} value={fields.type} onChange={(event) => set('type')(event.target.value)}>
          <option value="">{t('events.choose')}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`agencies.${type}`)}
            </option>
          ))}
        </select>
      </div>
      {!agency && !ownAreaId && (
        <div className={problemFor(id('areaId')) ? 'field field-with-error' : 'field'}>
          <label htmlFor={id('areaId')}>{t('directoryEdit.area')}</label>
          {problemFor(id('areaId')) && <p className="field-error">{problemFor(id('areaId'))}</p>}
          <select id={id('areaId')} value={fields.areaId} onChange={(event) => set('areaId')(event.target.value)}>
            <option value="">{t('events.choose')}</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextField
        id={id('email')}
        type="email"
        spellCheck={false}
        label={t('directoryEdit.email')}
        error={problemFor(id('email'))}
        value={fields.email}
        onChange={(event) => set('email')(event.target.value)}
      />
      <TextField
        id={id('phone')}
        type="tel"
        label={t('directoryEdit.phone')}
        error={problemFor(id('phone'))}
        value={fields.phone}
        onChange={(event) => set('phone')(event.target.value)}
      />
      <TextField
        id={id('website')}
        type="url"
        spellCheck={false}
        label={t('directoryEdit.website')}
        error={problemFor(id('website'))}
        value={fields.website}
        onChange={(event) => set('website')(event.target.value)}
      />
      <div className="field">
        <label htmlFor={id('services')}>{t('directoryEdit.services')}</label>
        <p className="hint" id={id('services-hint')}>
          {t('directoryEdit.servicesHint')}
        </p>
        <textarea
          id={id('services')}
          rows={3}
          aria-describedby={id('services-hint')}
          value={fields.services}
          onChange={(event) => set('services')(event.target.value)}
        />
      </div>
      <TextField
        id={id('minAge')}
        inputMode="numeric"
        className="width-2"
        label={t('directoryEdit.minAge')}
        error={problemFor(id('minAge'))}
        value={fields.minAge}
        onChange={(event) => set('minAge')(event.target.value)}
      />
      <TextField
        id={id('maxAge')}
        inputMode="numeric"
        className="width-2"
        label={t('directoryEdit.maxAge')}
        error={problemFor(id('maxAge'))}
        value={fields.maxAge}
        onChange={(event) => set('maxAge')(event.target.value)}
      />
      <button type="submit" disabled={save.isPending}>
        {t('directoryEdit.save')}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => onDone('')}>
        {t('directoryEdit.cancel')}
      </button>
    </form>
  );
}
