import { useTranslation } from 'react-i18next';
import type { PlannedMilestone } from '../api/queries.ts';

type Status = PlannedMilestone['status'];

/** A shape for each status, so colour is never the only signal. */
export const STATUS_SYMBOL: Record<Status, string> = {
  done: '✓',
  overdue: '!',
  due: '●',
  upcoming: '○',
  missed: '✕',
  not_known: '?',
  starts_later: '◇',
  in_effect: '◆',
  ended: '▪',
  not_applicable: '–',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`}>
      <span aria-hidden="true" className="status-symbol">
        {STATUS_SYMBOL[status]}
      </span>{' '}
      {t(`status.${status}`)}
    </span>
  );
}
