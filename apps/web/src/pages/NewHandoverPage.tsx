import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  useAgencies,
  useCreateHandover,
  usePlan,
  useYoungPerson,
  type HandoverDraft,
  type Plan,
  type YoungPerson,
} from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, errorFor, QueryState } from '../components/QueryState.tsx';
import { ADULT_AGENCY_TYPES } from '../lib/adult-agencies.ts';
import { displayName, formatDay } from '../lib/format.ts';

const TEXT_FIELDS = ['summary', 'whatMatters', 'needs', 'currentSupport', 'contacts', 'pendingDecisions'] as const;

export function NewHandoverPage() {
  const { id = '' } = useParams();
  const person = useYoungPerson(id);
  const plan = usePlan(id);
  return (
    <QueryState query={person}>
      {(record) => <QueryState query={plan}>{(data) => <HandoverForm person={record} plan={data} />}</QueryState>}
    </QueryState>
  );
}

/** Starts from what the planner already knows: "about me", the named worker, and the decisions still open. */
function initialDraft(person: YoungPerson, plan: Plan, language: string): Record<(typeof TEXT_FIELDS)[number], string> {
  const open = plan.milestones.filter((m) => m.status === 'overdue' || m.status === 'due');
  return {
    summary: '',
    whatMatters: person.aboutMe ?? '',
    needs: '',
    currentSupport: '',
    contacts: person.namedWorkerName ?? '',
    pendingDecisions: open
      .map((m) => `${m.staffTitle}${m.dueDate ? ` (${formatDay(m.dueDate, language)})` : ''}`)
      .join('\n'),
  };
}

function HandoverForm({ person, plan }: { person: YoungPerson; plan: Plan }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const create = useCreateHandover(person.id);
  const [agencyId, setAgencyId] = useState('');
  const [expectedTransfer, setExpectedTransfer] = useState('');
  const [texts, setTexts] = useState(() => initialDraft(person, plan, i18n.language));
  const name = displayName(person);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const draft: HandoverDraft = { toAgencyId: agencyId, summary: texts.summary };
    if (expectedTransfer) draft.expectedTransfer = expectedTransfer;
    for (const field of TEXT_FIELDS) if (field !== 'summary' && texts[field].trim()) draft[field] = texts[field];
    create.mutate(draft, { onSuccess: (handover) => void navigate(`/handovers/${handover.id}`) });
  };
  const describedError = (field: string) => {
    const message = errorFor(create.error, field);
    return message ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {};
  };
  const fieldMessage = (field: string) => {
    const message = errorFor(create.error, field);
    return (
      message && (
        <p id={`${field}-error`} className="field-error">
          {message}
        </p>
      )
    );
  };

  return (
    <section className="narrow-wide">
      <PageHeading title={t('handover.newTitle', { name })} />
      <form onSubmit={submit} className="handover-form">
        <label htmlFor="toAgencyId">{t('handover.agency')}</label>
        <select
          id="toAgencyId"
          required
          value={agencyId}
          onChange={(event) => setAgencyId(event.target.value)}
          {...describedError('toAgencyId')}
        >
          <option value="">{t('events.choose')}</option>
          {(agencies.data?.items ?? [])
            .filter((agency) => ADULT_AGENCY_TYPES.has(agency.type) && agency.areaId === person.areaId)
            .map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
        </select>
        {fieldMessage('toAgencyId')}
        <label htmlFor="expectedTransfer">
          {t('handover.expectedTransfer')} {t('common.optional')}
        </label>
        <input
          id="expectedTransfer"
          type="date"
          value={expectedTransfer}
          onChange={(event) => setExpectedTransfer(event.target.value)}
          {...describedError('expectedTransfer')}
        />
        {fieldMessage('expectedTransfer')}
        {TEXT_FIELDS.map((field) => (
          <div key={field}>
            <label htmlFor={field}>
              {t(`handover.${field}`)} {field !== 'summary' && t('common.optional')}
            </label>
            {field === 'whatMatters' && person.aboutMe && (
              <p className="hint" id="whatMatters-hint">
                {t('handover.fromAboutMe')}
              </p>
            )}
            <textarea
              id={field}
              rows={field === 'summary' ? 5 : 3}
              required={field === 'summary'}
              maxLength={10_000}
              value={texts[field]}
              onChange={(event) => setTexts((current) => ({ ...current, [field]: event.target.value }))}
              {...describedError(field)}
            />
            {fieldMessage(field)}
          </div>
        ))}
        {create.isError && !(create.error as { field?: string }).field && <ErrorNotice error={create.error} />}
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('handover.create')}
        </button>
      </form>
    </section>
  );
}
