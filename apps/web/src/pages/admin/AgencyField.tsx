import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../api/queries.ts';
import { ADULT_AGENCY_TYPES } from '../../lib/adult-agencies.ts';

/** The roles an administrator gives staff, in the order the forms offer them. */
export const STAFF_ROLES = [
  'transition_worker',
  'team_manager',
  'adult_services',
  'commissioner',
  'administrator',
] as const;

/** The adult-services agency of an account, chosen from its area's adult agencies. */
export function AgencyField({
  areaId,
  value,
  onChange,
  error,
}: {
  areaId: string | null;
  value: string;
  onChange: (agencyId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const choices = (agencies.data?.items ?? []).filter(
    (agency) => agency.areaId === areaId && ADULT_AGENCY_TYPES.has(agency.type),
  );
  return (
    <div className={error ? 'field field-with-error' : 'field'}>
      <label htmlFor="agencyId">{t('accounts.admin.agency')}</label>
      {error && <p className="field-error">{error}</p>}
      <select id="agencyId" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('accounts.admin.chooseAgency')}</option>
        {choices.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </select>
    </div>
  );
}
