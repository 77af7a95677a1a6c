import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SERVICE_TOPICS, useServiceSearch, type ServiceSummary } from '../../api/offer-queries.ts';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useAgesInWords } from '../../components/ServiceAges.tsx';
import { TextField } from '../../components/TextField.tsx';

/**
 * The local offer, searched: by what it helps with, age, place, cost and words. The search is
 * in the address, so "back" returns to it and a worker can send a family the link.
 */
export default function ServicesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search: Record<string, string> = Object.fromEntries(
    ['q', 'topic', 'age', 'place', 'free', 'page'].flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value]] : [];
    }),
  );
  const found = useServiceSearch(search);
  return (
    <section>
      <PageHeading title={t('offer.search.title')} />
      <p>{t('offer.search.intro')}</p>
      <SearchForm
        key={params.toString()}
        search={search}
        places={found.data?.places ?? []}
        onSearch={(next) => setParams(next)}
      />
      <QueryState query={found}>
        {(answer) => (
          <>
            <div role="status">
              <h2>{t('offer.search.found', { count: answer.total })}</h2>
            </div>
            {answer.items.length === 0 ? (
              <p className="empty">{t('offer.search.none')}</p>
            ) : (
              <ul className="service-list">
                {answer.items.map((service) => (
                  <ServiceCard key={service.id} service={service} />
                ))}
              </ul>
            )}
            <Pages
              page={answer.page}
              pages={Math.max(1, Math.ceil(answer.total / answer.pageSize))}
              onPage={(page) => setParams({ ...search, page: String(page) })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

function SearchForm({
  search,
  places,
  onSearch,
}: {
  search: Record<string, string>;
  places: string[];
  onSearch: (search: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(search.q ?? '');
  const [topic, setTopic] = useState(search.topic ?? '');
  const [age, setAge] = useState<string>(search.age ?? '');
  const [place, setPlace] = useState(search.place ?? '');
  const [free, setFree] = useState(search.free === 'true');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ageProblem = age.trim() !== '' && !/^\d{1,3}$/.test(age.trim());
    setProblems(ageProblem ? [{ field: 'age', message: t('offer.search.ageProblem') }] : []);
    if (ageProblem) return;
    onSearch(
      Object.fromEntries(
        Object.entries({ q: q.trim(), topic, age: age.trim(), place, free: free ? 'true' : '' }).filter(([, v]) => v),
      ),
    );
  };
  return (
    <form className="panel search-form" role="search" noValidate onSubmit={submit}>
      <ErrorSummary problems={problems} />
      <TextField
        id="q"
        type="search"
        label={t('offer.search.words')}
        hint={t('offer.search.wordsHint')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      <div className="search-filters">
        <div className="field">
          <label htmlFor="topic">{t('offer.search.topic')}</label>
          <select id="topic" value={topic} onChange={(event) => setTopic(event.target.value)}>
            <option value="">{t('offer.search.anyTopic')}</option>
            {SERVICE_TOPICS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`offer.topics.${choice}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="age"
          label={t('offer.search.age')}
          hint={t('offer.search.ageHint')}
          error={problems.find((problem) => problem.field === 'age')?.message}
          inputMode="numeric"
          className="width-4"
          value={age}
          onChange={(event) => setAge(event.target.value)}
        />
        {places.length > 0 && (
          <div className="field">
            <label htmlFor="place">{t('offer.search.place')}</label>
            <select id="place" value={place} onChange={(event) => setPlace(event.target.value)}>
              <option value="">{t('offer.search.anyPlace')}</option>
              {places.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="choice">
        <input id="free" type="checkbox" checked={free} onChange={(event) => setFree(event.target.checked)} />
        <label htmlFor="free">{t('offer.search.free')}</label>
      </div>
      <p className="actions">
        <button type="submit">{t('offer.search.submit')}</button>
        {Object.keys(search).length > 0 && <Link to="/services">{t('offer.search.clear')}</Link>}
      </p>
    </form>
  );
}

/** One service in a list: its name (a link to its page), who runs it, what it does, for whom. */
export function ServiceCard({ service }: { service: ServiceSummary }) {
  const { t } = useTranslation();
  const ages = useAgesInWords();
  return (
    <li className="service-card">
      <h3>
        <Link to={`/services/${service.id}`}>{service.name}</Link>
      </h3>
      <p className="muted">{t('offer.search.runBy', { name: service.agencyName })}</p>
      {service.summary && <p>{service.summary}</p>}
      <p className="tags">
        <span className="tag">{ages(service)}</span>
        {service.isFree && <span className="tag">{t('offer.search.free_')}</span>}
        {service.status === 'temporarily closed' && <span className="tag tag-warning">{t('offer.search.closed')}</span>}
        {service.topics.map((topic) => (
          <span key={topic} className="tag tag-quiet">
            {t(`offer.topics.${topic}`)}
          </span>
        ))}
      </p>
    </li>
  );
}

function Pages({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('offer.search.page', { page, pages })}>
      {page > 1 && (
        <button type="button" className="link-button" onClick={() => onPage(page - 1)}>
          {t('offer.search.previous')}
        </button>
      )}
      <span>{t('offer.search.page', { page, pages })}</span>
      {page < pages && (
        <button type="button" className="link-button" onClick={() => onPage(page + 1)}>
          {t('offer.search.next')}
        </button>
      )}
    </nav>
  );
}
