import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkReminderRead, useReminders } from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorNotice, QueryState } from '../components/QueryState.tsx';
import { formatDayLong } from '../lib/format.ts';

/** The reminders the daily job made for this worker: windows opening and milestones now late. */
export function RemindersPage() {
  const { t, i18n } = useTranslation();
  const reminders = useReminders();
  const markRead = useMarkReminderRead();
  return (
    <section>
      <PageHeading title={t('reminders.title')} />
      <p>{t('reminders.intro')}</p>
      <QueryState query={reminders}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('reminders.empty')}</p>
          ) : (
            <ul className="reminders">
              {data.items.map((reminder) => (
                <li key={reminder.id} className={reminder.readAt ? 'read' : 'unread'}>
                  <p>
                    <strong>{reminder.readAt ? '' : `${t('reminders.new')}: `}</strong>
                    {t(`reminders.kind.${reminder.kind}`, {
                      title: reminder.milestoneTitle,
                      name: reminder.youngPersonName,
                      worker: reminder.workerName,
                      date: formatDayLong(reminder.onDate, i18n.language),
                    })}
                  </p>
                  <p className="actions">
                    {reminder.reviewId ? (
                      <Link to={`/reviews/${reminder.reviewId}`}>
                        {t('reminders.openReview', { name: reminder.youngPersonName })}
                      </Link>
                    ) : (
                      <Link to={`/young-people/${reminder.youngPersonId}`}>
                        {t('reminders.openPlan', { name: reminder.youngPersonName })}
                      </Link>
                    )}{' '}
                    {!reminder.readAt && (
                      <button
                        type="button"
                        className="secondary"
                        disabled={markRead.isPending}
                        onClick={() => markRead.mutate(reminder.id)}
                      >
                        {t('reminders.markRead')}
                        <span className="visually-hidden">
                          : {reminder.milestoneTitle}, {reminder.youngPersonName}
                        </span>
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {markRead.error && <ErrorNotice error={markRead.error} />}
    </section>
  );
}
