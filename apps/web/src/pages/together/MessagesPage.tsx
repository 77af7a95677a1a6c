import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInbox } from '../../api/together-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatMoment } from '../../lib/format.ts';

/** The conversations with something new for the reader, newest first. */
export function MessagesPage() {
  const { t, i18n } = useTranslation();
  const inbox = useInbox(true);
  return (
    <article>
      <PageHeading title={t('together.messages.title')} />
      <QueryState query={inbox}>
        {(data) =>
          data.threads.length === 0 ? (
            <p>{t('together.messages.none')}</p>
          ) : (
            <ul className="thread-list">
              {data.threads.map((thread) => (
                <li key={`${thread.kind}-${thread.subjectId}`}>
                  <Link to={`/messages/${thread.kind}/${thread.subjectId}`}>
                    {t(`together.messages.kinds.${thread.kind}`, { name: thread.youngPersonName })}
                  </Link>{' '}
                  <span className="tag">{t('together.messages.unread', { count: thread.unread })}</span>
                  <span className="muted">
                    {' '}
                    {t('together.messages.from', {
                      name: thread.lastAuthorName,
                      when: formatMoment(thread.lastSentAt, i18n.language),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </article>
  );
}
