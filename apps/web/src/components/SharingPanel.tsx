import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAgencies,
  useConsents,
  useGiveConsent,
  useWithdrawConsent,
  type Consent,
  type SharingScope,
} from '../api/queries.ts';
import { formatDayLong } from '../lib/format.ts';
import { ErrorNotice, QueryState } from './QueryState.tsx';

const PARTS: SharingScope[] = ['handover', 'plan', 'health', 'goals'];

/**
 * Who may see which parts of the plan: the agreements in force with a button to withdraw
 * each, a short form to agree to more, and earlier agreements. `voice` is "own" on the
 * young person's (or family's) pages, so the words speak to them.
 */
export function SharingPanel({
  youngPersonId,
  areaId,
  voice,
}: {
  youngPersonId: string;
  areaId?: string;
  voice: 'own' | 'staff';
}) {
  const { t, i18n } = useTranslation();
  const consents = useConsents(youngPersonId);
  const withdraw = useWithdrawConsent(youngPersonId);
  const describe = (consent: Consent) =>
    consent.scope === 'family_access'
      ? t('sharing.familyAccess')
      : t('sharing.partWith', {
          part: t(`sharing.parts.${consent.scope}`),
          agency: consent.agencyName ?? t('sharing.everyAgency'),
        });
  return (
    <section aria-labelledby="sharing-heading" className="panel">
      <h2 id="sharing-heading">{t(voice === 'own' ? 'sharing.titleOwn' : 'sharing.title')}</h2>
      <QueryState query={consents}>
        {(data) => {
          const current = data.items.filter((consent) => consent.withdrawnAt === null);
          const earlier = data.items.filter((consent) => consent.withdrawnAt !== null);
          return (
            <>
              <p>
                {voice === 'own'
                  ? t('sharing.decidesYou')
                  : t(data.decidedBy === 'young_person' ? 'sharing.decidesYoungPerson' : 'sharing.decidesParent')}
              </p>
              {current.length === 0 ? (
                <p>{t('sharing.nothing')}</p>
              ) : (
                <ul className="sharing-list">
                  {current.map((consent) => (
                    <li key={consent.id}>
                      <span>
                        {describe(consent)}{' '}
                        <span className="muted">
                          (
                          {t('sharing.since', {
                            date: formatDayLong(consent.givenAt.slice(0, 10), i18n.language),
                            who: t(`sharing.by.${consent.givenByRole}`),
                          })}
                          )
                        </span>
                      </span>{' '}
                      <button
                        type="button"
                        className="secondary"
                        disabled={withdraw.isPending}
                        onClick={() => withdraw.mutate(consent.id)}
                      >
                        {t('sharing.withdraw')}
                        <span className="visually-hidden">: {describe(consent)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {withdraw.error && <ErrorNotice error={withdraw.error} />}
              <GiveConsentForm youngPersonId={youngPersonId} areaId={areaId} />
              {earlier.length > 0 && (
                <details>
                  <summary>{t('sharing.earlier', { count: earlier.length })}</summary>
                  <ul>
                    {earlier.map((consent) => (
                      <li key={consent.id}>
                        {describe(consent)}:{' '}
                        {t('sharing.withdrawnOn', {
                          date: formatDayLong((consent.withdrawnAt as string).slice(0, 10), i18n.language),
                        })}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function GiveConsentForm({ youngPersonId, areaId }: { youngPersonId: string; areaId?: string }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const give = useGiveConsent(youngPersonId);
  const [scope, setScope] = useState<SharingScope>('handover');
  const [agencyId, setAgencyId] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    give.mutate({ scope, agencyId: agencyId || null }, { onSuccess: () => setSaved(true) });
  };
  const choices = (agencies.data?.items ?? []).filter((agency) => !areaId || agency.areaId === areaId);
  return (
    <form className="inline-form" onSubmit={submit}>
      <fieldset>
        <legend>{t('sharing.add')}</legend>
        <label>
          {t('sharing.part')}
          <select value={scope} onChange={(event) => setScope(event.target.value as SharingScope)}>
            {PARTS.map((part) => (
              <option key={part} value={part}>
                {t(`sharing.parts.${part}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sharing.with')}
          <select value={agencyId} onChange={(event) => setAgencyId(event.target.value)}>
            <option value="">{t('sharing.everyAgency')}</option>
            {choices.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={give.isPending}>
          {t('sharing.agree')}
        </button>
      </fieldset>
      {give.error && <ErrorNotice error={give.error} />}
      {saved && <p role="status">{t('sharing.saved')}</p>}
    </form>
  );
}
