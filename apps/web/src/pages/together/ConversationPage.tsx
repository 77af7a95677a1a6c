import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../api/queries.ts';
import { useSendMessage, useThread, type Thread, type ThreadKind } from '../../api/together-queries.ts';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorNotice, QueryState } from '../../components/QueryState.tsx';
import { TextAreaField } from '../../components/TextField.tsx';
import { formatMoment } from '../../lib/format.ts';

const KINDS: readonly string[] = ['family', 'team', 'handover', 'review'];

/** One conversation: its messages, oldest first, who has read each, and a reply. */
export function ConversationPage() {
  const { kind = '', subjectId = '' } = useParams();
  const { t } = useTranslation();
  if (!KINDS.includes(kind)) return <PageHeading title={t('notFound.title')} />;
  return <Conversation kind={kind as ThreadKind} subjectId={subjectId} />;
}

function Conversation({ kind, subjectId }: { kind: ThreadKind; subjectId: string }) {
  const thread = useThread(kind, subjectId);
  return <QueryState query={thread}>{(data) => <ThreadView thread={data} />}</QueryState>;
}

/** The conversation's title as its reader would put it: a young person and their family talk with their worker. */
function titleFor(thread: Thread, role: string | undefined, t: TFunction): string {
  if (thread.kind === 'family' && role === 'young_person') return t('together.messages.withWorker');
  if (thread.kind === 'family' && role === 'parent_carer')
    return t('together.messages.withWorkerOf', { name: thread.youngPersonName });
  return t(`together.messages.threadTitle.${thread.kind}`, { name: thread.youngPersonName });
}

function ThreadView({ thread }: { thread: Thread }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const send = useSendMessage(thread.kind, thread.subjectId);
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [said, setSaid] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    const found = !text
      ? [{ field: 'message-body', message: t('together.messages.bodyMissing') }]
      : text.length > 5000
        ? [{ field: 'message-body', message: t('together.messages.bodyTooLong') }]
        : [];
    setProblems(found);
    if (found.length > 0) return;
    send.mutate(text, {
      onSuccess: () => {
        setBody('');
        setSaid(t('together.messages.sent'));
      },
    });
  };

  return (
    <article className="conversation">
      <PageHeading title={titleFor(thread, session.data?.role, t)} />
      {thread.messages.length === 0 ? (
        <p>{t('together.messages.empty')}</p>
      ) : (
        <ol className="messages">
          {thread.messages.map((message) => (
            <li key={message.id} className={message.isMine ? 'message mine' : 'message'}>
              <p className="message-meta">
                <strong>{message.isMine ? t('together.messages.you') : message.authorName}</strong>,{' '}
                <time dateTime={message.sentAt}>{formatMoment(message.sentAt, i18n.language)}</time>
              </p>
              <p className="preserve-lines">{message.body}</p>
              <p className="muted">
                {message.readBy.length > 0
                  ? t('together.messages.readBy', {
                      names: message.readBy
                        .map((read) => `${read.name} (${formatMoment(read.readAt, i18n.language)})`)
                        .join(', '),
                    })
                  : t('together.messages.notRead')}
              </p>
            </li>
          ))}
        </ol>
      )}
      <div role="status" className="saved">
        {said}
      </div>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} />
        <TextAreaField
          id="message-body"
          label={t('together.messages.write')}
          hint={t('together.messages.writeHint')}
          error={problems[0]?.message}
          rows={4}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
        {send.isError && <ErrorNotice error={send.error} onReload={() => send.reset()} />}
        <button type="submit" disabled={send.isPending}>
          {t('together.messages.send')}
        </button>
      </form>
    </article>
  );
}
