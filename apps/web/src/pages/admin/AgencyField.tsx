import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../api/queries.ts';
import { ADULT_AGENCY_TYPES } from '../../lib/adult-agencies.ts';

/** The roles an administrator gives staff, in the order the forms offer them. */
export const STAFF_ROLES = [
  'transition_worker',
  'team_manager',
  'adult_services',
  'sen_coordinator',
  'health_professional',
  'social_worker',
  'contributor',
  'commissioner',
  'administrator',
] as const;

/** Roles of people who work for an agency (adult services, or another agency around the young person). */
const AGENCY_ROLES: readonly string[] = [
  'adult_services',
  'sen_coordinator',
  'health_professional',
  'social_worker',
  'contributor',
];

/** Whether an account of this role belongs to an agency. */
export const needsAgency = (role: string) => AGENCY_ROLES.includes(role);

/**
 * The agency of an account, chosen from its area's agencies: adult services from the adult
 * agencies; other agencies' staff from the rest (a school, children's health, social care…).
 */
export function AgencyField({
  areaId,
  role,
  value,
  onChange,
  error,
}: {
  areaId: string | null;
  role: string;
  value: string;
  onChange: (agencyId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const choices = (agencies.data?.items ?? []).filter(
    (agency) => agency.areaId === areaId && ADULT_AGENCY_TYPES.has(agency.type) === (role === 'adult_services'),
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
