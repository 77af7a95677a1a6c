import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useService, type Service } from '../../api/offer-queries.ts';
import { useSession } from '../../api/queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useAgesInWords } from '../../components/ServiceAges.tsx';

/** One service in plain words: what it does, who it is for, how to get it; then where, when, cost and contacts. */
export default function ServicePage() {
  const { id = '' } = useParams();
  const service = useService(id);
  return <QueryState query={service}>{(found) => <ServiceDetails service={found} />}</QueryState>;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="service-part">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Text with line breaks kept as paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n+/).map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </>
  );
}

/** Those who refer: the area's staff and other agencies' linked staff. */
const REFERRERS = [
  'transition_worker',
  'team_manager',
  'sen_coordinator',
  'health_professional',
  'social_worker',
  'contributor',
];

function ServiceDetails({ service }: { service: Service }) {
  const { t } = useTranslation();
  const ages = useAgesInWords();
  const session = useSession();
  const mayRefer = REFERRERS.includes(session.data?.role ?? '') && service.mayReferTo;
  return (
    <article className="service-page">
      <p>
        <Link to="/services">{t('offer.service.back')}</Link>
      </p>
      <PageHeading title={service.name} />
      <p className="muted">{t('offer.search.runBy', { name: service.agencyName })}</p>
      {mayRefer && <p className="hint">{t('offer.service.referHint')}</p>}
      {service.status !== 'active' && (
        <div className="notice notice-warning">
          <p>{service.status === 'inactive' ? t('offer.search.withdrawn') : t('offer.search.closed')}</p>
        </div>
      )}
      <Part title={t('offer.service.whatItDoes')}>
        {service.description ? <Paragraphs text={service.description} /> : <p>{service.summary}</p>}
      </Part>
      <Part title={t('offer.service.whoFor')}>
        <p>{ages(service)}</p>
        {service.eligibility && <Paragraphs text={service.eligibility} />}
        {service.serviceAreas.length > 0 && (
          <p>
            {t('offer.service.areas')}: {service.serviceAreas.join(', ')}
          </p>
        )}
      </Part>
      <Part title={t('offer.service.howToGet')}>
        {service.howToGet ? <Paragraphs text={service.howToGet} /> : <p>{t('offer.service.noHowToGet')}</p>}
        <dl className="summary-list">
          {service.phone && (
            <>
              <dt>{t('offer.service.phone')}</dt>
              <dd>
                <a href={`tel:${service.phone.replace(/\s/g, '')}`}>{service.phone}</a>
              </dd>
            </>
          )}
          {service.email && (
            <>
              <dt>{t('offer.service.email')}</dt>
              <dd>
                <a href={`mailto:${service.email}`}>{service.email}</a>
              </dd>
            </>
          )}
          {(service.url ?? service.agencyWebsite) && (
            <>
              <dt>{t('offer.service.website')}</dt>
              <dd>
                <a href={service.url ?? service.agencyWebsite ?? ''} rel="noopener noreferrer">
                  {service.url ?? service.agencyWebsite}
                </a>
              </dd>
            </>
          )}
          {service.contacts
            .filter((contact) => contact.name)
            .map((contact, index) => (
              <Fragment key={index}>
                <dt>{t('offer.service.contact')}</dt>
                <dd>
                  {[contact.name, contact.title].filter(Boolean).join(', ')}
                  {contact.phone && ` · ${contact.phone}`}
                  {contact.email && ` · ${contact.email}`}
                </dd>
              </Fragment>
            ))}
        </dl>
      </Part>
      {service.locations.length > 0 && (
        <Part title={t('offer.service.where')}>
          <ul className="plain-list">
            {service.locations.map((location, index) => (
              <li key={index}>
                <address>
                  {[location.name, location.address, location.postcode].filter(Boolean).map((line) => (
                    <span key={line} className="address-line">
                      {line}
                    </span>
                  ))}
                </address>
              </li>
            ))}
          </ul>
        </Part>
      )}
      {service.schedules.length > 0 && (
        <Part title={t('offer.service.when')}>
          {service.schedules.map((schedule) => (
            <p key={schedule}>{schedule}</p>
          ))}
        </Part>
      )}
      <Part title={t('offer.service.cost')}>
        {service.cost ? (
          <Paragraphs text={service.cost} />
        ) : (
          <p>{service.isFree ? t('offer.search.free_') : t('offer.service.costUnknown')}</p>
        )}
      </Part>
      {service.accessibility.length > 0 && (
        <Part title={t('offer.service.accessibility')}>
          <ul>
            {service.accessibility.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Part>
      )}
      {service.languages.length > 0 && (
        <Part title={t('offer.service.languages')}>
          <p>{service.languages.join(', ')}</p>
        </Part>
      )}
      {service.topics.length > 0 && (
        <p className="tags">
          <span className="muted">{t('offer.service.filedUnder')}:</span>{' '}
          {service.topics.map((topic) => (
            <Link key={topic} className="tag tag-quiet" to={`/services?topic=${topic}`}>
              {t(`offer.topics.${topic}`)}
            </Link>
          ))}
        </p>
      )}
    </article>
  );
}
