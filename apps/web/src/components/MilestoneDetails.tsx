import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedMilestone } from '../api/queries.ts';
import { formatDay } from '../lib/format.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** What a milestone is, why it has its date (the rule and its legal source), and who leads. */
export function MilestoneDetails({ milestone, actions }: { milestone: PlannedMilestone; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const agency = (type: string) => t(`agencies.${type}`, { defaultValue: type });
  return (
    <div className="milestone-details">
      <h3>
        {milestone.staffTitle} <StatusBadge status={milestone.status} />
      </h3>
      <p>{milestone.description}</p>
      <dl>
        <dt>{t('plan.why')}</dt>
        <dd>{milestone.explanation}</dd>
        <dt>{t('plan.source')}</dt>
        <dd>{[milestone.source.document, milestone.source.section].filter(Boolean).join(', ')}</dd>
        <dt>{t('plan.lead')}</dt>
        <dd>{agency(milestone.leadAgency)}</dd>
        {milestone.contributingAgencies.length > 0 && (
          <>
            <dt>{t('plan.helpers')}</dt>
            <dd>{milestone.contributingAgencies.map(agency).join(', ')}</dd>
          </>
        )}
        {milestone.nature !== 'task' && milestone.dueDate && (
          <>
            <dt>{t('plan.when')}</dt>
            <dd>
              {milestone.closesOn
                ? t('plan.periodFromTo', {
                    from: formatDay(milestone.dueDate, i18n.language),
                    to: formatDay(milestone.closesOn, i18n.language),
                  })
                : t('plan.periodFrom', { from: formatDay(milestone.dueDate, i18n.language) })}
            </dd>
          </>
        )}
        {milestone.ifMissed && (
          <>
            <dt>{t('plan.instead')}</dt>
            <dd>{milestone.ifMissed}</dd>
          </>
        )}
        {milestone.dateNeeds && (
          <>
            <dt>{t('plan.dateNeeds')}</dt>
            <dd>{t('plan.recordFact', { fact: milestone.dateNeeds })}</dd>
          </>
        )}
        {milestone.windowStart && milestone.status === 'upcoming' && (
          <>
            <dt>{t('caseload.columns.due')}</dt>
            <dd>{t('plan.window', { date: formatDay(milestone.windowStart, i18n.language) })}</dd>
          </>
        )}
        {milestone.completedOn && (
          <>
            <dt>{t('status.done')}</dt>
            <dd>{t('plan.completed', { date: formatDay(milestone.completedOn, i18n.language) })}</dd>
          </>
        )}
      </dl>
      {actions}
    </div>
  );
}
