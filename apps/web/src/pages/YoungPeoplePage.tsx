import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useYoungPeople } from '../api/queries.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { displayName, formatDay } from '../lib/format.ts';

export function YoungPeoplePage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const people = useYoungPeople(useDeferredValue(search.trim()));
  return (
    <section>
      <PageHeading title={t('people.title')} />
      <label htmlFor="people-search">{t('people.search')}</label>
      <input id="people-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      <QueryState query={people}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('people.empty')}</p>
          ) : (
            <>
              <p role="status" className="count">
                {t('common.showing', { shown: data.items.length, total: data.total })}
              </p>
              <ul className="people">
                {data.items.map((person) => (
                  <li key={person.id}>
                    <Link to={`/young-people/${person.id}`}>{displayName(person)}</Link>{' '}
                    <span className="muted">
                      {t('people.born', { date: formatDay(person.dateOfBirth, i18n.language) })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
