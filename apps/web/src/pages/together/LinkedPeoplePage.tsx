import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyYoungPeople } from '../../api/queries.ts';
import { MyActions } from '../../components/MyActions.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDay } from '../../lib/format.ts';

/** Another agency's home: the young people it works with who share their plan with it now. */
export function LinkedPeoplePage() {
  const { t, i18n } = useTranslation();
  const people = useMyYoungPeople(true);
  return (
    <article>
      <PageHeading title={t('together.linked.title')} />
      <p>{t('together.linked.intro')}</p>
      <QueryState query={people}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('together.linked.none')}</p>
          ) : (
            <ul className="plain-list">
              {data.items.map((person) => (
                <li key={person.id}>
                  <Link to={`/young-people/${person.id}`}>{person.name}</Link>{' '}
                  <span className="muted">
                    {t('together.linked.born', { date: formatDay(person.dateOfBirth, i18n.language) })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <MyActions linkToReview />
    </article>
  );
}
