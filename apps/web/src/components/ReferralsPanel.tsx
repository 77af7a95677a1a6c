import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlannedMilestone } from '../api/queries.ts';
import { useReferrals, useUpdateReferral, type Referral } from '../api/offer-queries.ts';
import { localToday } from '../lib/calendar-days.ts';
import { isoOfParts, partsOfIso, type DateParts } from '../lib/date-parts.ts';
import { formatDay } from '../lib/format.ts';
import { Radios } from './Choices.tsx';
import { DateInput } from './DateInput.tsx';
import { ErrorSummary, type FieldProblem } from './ErrorSummary.tsx';
import { ErrorNotice, QueryState } from './QueryState.tsx';
import { TextAreaField } from './TextField.tsx';

/**
 * A young person's referrals to services: to whom, for what, with whose agreement, where the
 * letter went, and how it is going. Staff (and whoever referred) record the service's answers;
 * the young person and their family read how each is going, in their words.
 */
export function ReferralsPanel({
  youngPersonId,
  voice,
  mayRefer,
  milestones = [],
}: {
  youngPersonId: string;
  voice: 'staff' | 'own';
  mayRefer: boolean;
  milestones?: readonly PlannedMilestone[];
}) {
  const { t } = useTranslation();
  const referrals = useReferrals(youngPersonId);
  /** The step a referral is for: its plain title for the young person and family, its own for staff. */
  const stepTitle = (milestoneId: string | null) => {
    const step = milestones.find((m) => m.id === milestoneId);
    return voice === 'own' ? step?.title : step?.staffTitle;
  };
  return (
    <section aria-labelledby="referrals-heading" className="panel">
      <h2 id="referrals-heading">{t('offer.referrals.title')}</h2>
      <QueryState query={referrals}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('offer.referrals.none')}</p>
          ) : (
            <ul className="referral-list">
              {data.items.map((referral) => (
                <ReferralItem
                  key={referral.id}
                  referral={referral}
                  voice={voice}
                  personId={youngPersonId}
                  step={stepTitle(referral.milestoneId)}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
      <p className="actions">
        {mayRefer && (
          <Link className="button" to={`/young-people/${youngPersonId}/refer`}>
            {t('offer.referrals.refer')}
          </Link>
        )}
        <Link to="/services">{t('offer.referrals.find')}</Link>
      </p>
    </section>
  );
}

function ReferralItem({
  referral,
  voice,
  personId,
  step,
}: {
  referral: Referral;
  voice: 'staff' | 'own';
  personId: string;
  step: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  // Held here, not in the form: the form is replaced once the referral moves on (or goes).
  const update = useUpdateReferral(personId);
  const saved = update.data
    ? [
        t('offer.referrals.saved', { status: t(`offer.referrals.status.${update.data.status}`) }),
        update.data.completedMilestone ? t('offer.referrals.completed') : '',
      ].join(' ')
    : '';
  return (
    <li className="referral" data-referral={referral.id}>
      <h3>
        <Link to={`/services/${referral.serviceId}`}>{referral.serviceName}</Link>{' '}
        <span className={`tag referral-${referral.status}`}>{t(`offer.referrals.status.${referral.status}`)}</span>
      </h3>
      {voice === 'own' ? (
        <p>{t(`offer.referrals.statusOwn.${referral.status}`)}</p>
      ) : (
        <p className="muted">{referral.agencyName}</p>
      )}
      <p>{referral.reason}</p>
      {step && <p>{t('offer.referrals.forStep', { step })}</p>}
      <p className="muted">
        {t('offer.referrals.sentOn', { date: formatDay(referral.sentOn, i18n.language) })} ·{' '}
        {t(`offer.referrals.agreedBy.${referral.agreedBy}`)}
        {voice === 'staff' &&
          ` · ${
            referral.sentTo === null
              ? t('offer.referrals.notEmailed')
              : referral.emailed
                ? t('offer.referrals.emailed', { address: referral.sentTo })
                : t('offer.referrals.waitingEmail', { address: referral.sentTo })
          }`}
      </p>
      {referral.outcome && <p>{t('offer.referrals.outcome', { outcome: referral.outcome })}</p>}
      {referral.updates.length > 1 && (
        <ol className="referral-history">
          {referral.updates.map((update, index) => (
            <li key={index}>
              {formatDay(update.on, i18n.language)}: {t(`offer.referrals.status.${update.status}`)}
              {voice === 'staff' && ` (${update.byName})`}
              {update.note && ` — ${update.note}`}
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={`/api/referrals/${referral.id}/letter`} target="_blank" rel="noopener">
          {t('offer.referrals.letter')}
        </a>
      </p>
      <div role="status">{saved && <p className="notice">{saved}</p>}</div>
      {referral.nextStatuses.length > 0 && <UpdateForm key={referral.version} referral={referral} update={update} />}
    </li>
  );
}

function UpdateForm({ referral, update }: { referral: Referral; update: ReturnType<typeof useUpdateReferral> }) {
  const { t } = useTranslation();
  const today = localToday();
  const [status, setStatus] = useState('');
  const [on, setOn] = useState<DateParts>(partsOfIso(today));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const id = `referral-${referral.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!status)
      found.push({ field: `${id}-status-${referral.nextStatuses[0]}`, message: t('offer.referrals.chooseStatus') });
    const typed = isoOfParts(on);
    if ('problem' in typed)
      found.push({ field: `${id}-on-day`, message: t(`offer.referrals.onProblems.${typed.problem}`) });
    else if (typed.iso > today) found.push({ field: `${id}-on-day`, message: t('offer.referrals.onProblems.future') });
    else if (typed.iso < referral.sentOn)
      found.push({ field: `${id}-on-day`, message: t('offer.referrals.onProblems.beforeSent') });
    setProblems(found);
    if (found.length > 0 || 'problem' in typed) return;
    update.mutate({
      referralId: referral.id,
      version: referral.version,
      status: status as 'accepted',
      on: typed.iso,
      note: note.trim() || null,
    });
  };
  return (
    <details className="inline-form">
      <summary>{t('offer.referrals.update')}</summary>
      <ErrorSummary problems={problems} />
      {update.isError && <ErrorNotice error={update.error} />}
      <form noValidate onSubmit={submit} className="stack">
        <Radios
          id={`${id}-status`}
          legend={t('offer.referrals.newStatus')}
          error={problems.find((p) => p.field.startsWith(`${id}-status`))?.message}
          options={referral.nextStatuses.map((next) => ({ value: next, label: t(`offer.referrals.status.${next}`) }))}
          value={status}
          onChange={setStatus}
        />
        <DateInput
          id={`${id}-on`}
          legend={t('offer.referrals.on')}
          error={problems.find((p) => p.field === `${id}-on-day`)?.message}
          value={on}
          onChange={setOn}
        />
        <TextAreaField
          id={`${id}-note`}
          label={t('offer.referrals.note')}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" disabled={update.isPending}>
          {t('offer.referrals.save')}
        </button>
      </form>
    </details>
  );
}
