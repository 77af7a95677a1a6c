import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useAreaContributors,
  useContributors,
  useLinkContributor,
  useUnlinkContributor,
} from '../api/together-queries.ts';
import { ErrorSummary, type FieldProblem } from './ErrorSummary.tsx';
import { ErrorNotice, QueryState } from './QueryState.tsx';

/**
 * The other agencies' staff linked to a young person (staff only): who they are, linking
 * someone the administrator invited, ending a link; and the conversation with them.
 */
export function ContributorsPanel({ youngPersonId, name }: { youngPersonId: string; name: string }) {
  const { t } = useTranslation();
  const linked = useContributors(youngPersonId, true);
  const area = useAreaContributors(true);
  const link = useLinkContributor(youngPersonId);
  const unlink = useUnlinkContributor(youngPersonId);
  const [chosen, setChosen] = useState('');
  const [said, setSaid] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const linkedIds = new Set((linked.data?.items ?? []).map((c) => c.userId));
  const choices = (area.data?.items ?? []).filter((c) => !linkedIds.has(c.userId));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setProblems([{ field: 'contributor', message: t('together.contributors.missing') }]);
      return;
    }
    setProblems([]);
    const person = choices.find((c) => c.userId === chosen);
    link.mutate(chosen, {
      onSuccess: () => {
        setSaid(t('together.contributors.linked', { name: person?.name ?? '' }));
        setChosen('');
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="contributors-heading">
      <h2 id="contributors-heading">{t('together.contributors.title', { name })}</h2>
      <p className="muted">{t('together.contributors.intro', { name })}</p>
      <div role="status" className="saved">
        {said}
      </div>
      <QueryState query={linked}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('together.contributors.none')}</p>
          ) : (
            <ul className="plain-list">
              {data.items.map((contributor) => (
                <li key={contributor.userId}>
                  <strong>{contributor.name}</strong>, {t(`roles.${contributor.role}`)}
                  {contributor.agencyName && `, ${contributor.agencyName}`}{' '}
                  <button
                    type="button"
                    className="link-button"
                    disabled={unlink.isPending}
                    onClick={() =>
                      unlink.mutate(contributor.userId, {
                        onSuccess: () => setSaid(t('together.contributors.unlinked', { name: contributor.name })),
                      })
                    }
                  >
                    {t('together.contributors.unlink', { name: contributor.name })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <p>
        <Link to={`/messages/team/${youngPersonId}`}>{t('together.messages.teamLink')}</Link>
      </p>
      {area.data && choices.length === 0 && linkedIds.size === 0 ? (
        <p className="muted">{t('together.contributors.nobodyToLink')}</p>
      ) : (
        choices.length > 0 && (
          <form onSubmit={submit} noValidate>
            <ErrorSummary problems={problems} />
            <div className={problems.length > 0 ? 'field field-with-error' : 'field'}>
              <label htmlFor="contributor">{t('together.contributors.choose')}</label>
              <p className="hint" id="contributor-hint">
                {t('together.contributors.chooseHint')}
              </p>
              {problems[0] && (
                <p className="field-error" id="contributor-error">
                  {problems[0].message}
                </p>
              )}
              <select
                id="contributor"
                value={chosen}
                aria-describedby={problems[0] ? 'contributor-hint contributor-error' : 'contributor-hint'}
                onChange={(event) => setChosen(event.target.value)}
              >
                <option value="" />
                {choices.map((c) => (
                  <option key={c.userId} value={c.userId}>
                    {c.name} — {t(`roles.${c.role}`)}
                    {c.agencyName ? `, ${c.agencyName}` : ''}
                  </option>
                ))}
              </select>
            </div>
            {(link.isError || unlink.isError) && (
              <ErrorNotice
                error={link.error ?? unlink.error}
                onReload={() => {
                  link.reset();
                  unlink.reset();
                }}
              />
            )}
            <button type="submit" disabled={link.isPending}>
              {t('together.contributors.link')}
            </button>
          </form>
        )
      )}
    </section>
  );
}
