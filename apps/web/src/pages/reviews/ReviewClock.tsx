import { useTranslation } from 'react-i18next';
import type { ReviewStep } from '../../api/review-queries.ts';
import { formatDay } from '../../lib/format.ts';

const TAG_CLASS: Record<ReviewStep['status'], string> = {
  waiting: 'status status-upcoming',
  not_needed: 'status status-not_applicable',
  to_do: 'status status-due',
  late: 'status status-overdue',
  done: 'status status-done',
  done_late: 'status status-due',
  open: 'status status-due',
  closed: 'status status-not_applicable',
};

/** The review's clock as a GOV.UK task list: each step, when it is due and why, and where it stands. */
export function ReviewClock({ steps }: { steps: ReviewStep[] }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string) => formatDay(iso, i18n.language);
  return (
    <section aria-labelledby="clock-heading" className="panel">
      <h2 id="clock-heading">{t('reviews.page.clock')}</h2>
      <p className="hint">{t('reviews.page.clockHint')}</p>
      <ol className="task-list">
        {steps.map((step) => (
          <li key={step.id} className="task-list-item" data-step={step.id}>
            <div>
              <strong>{t(`reviews.page.steps.${step.id}`)}</strong>
              <span className="muted">
                {step.doneOn
                  ? t('reviews.page.doneOn', { date: day(step.doneOn) })
                  : step.due
                    ? t(step.id === 'appeal' ? 'reviews.page.until' : 'reviews.page.due', { date: day(step.due) })
                    : ''}
                {step.due && step.calculatedDue && step.due !== step.calculatedDue && (
                  <> ({t('reviews.page.calculated', { date: day(step.calculatedDue) })})</>
                )}
              </span>
              <span className="muted">{t('reviews.page.source', { source: step.source })}</span>
            </div>
            <span className={TAG_CLASS[step.status]}>{t(`reviews.page.stepStatus.${step.status}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
