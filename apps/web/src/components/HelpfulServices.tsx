import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ServiceSummary } from '../api/offer-queries.ts';

/**
 * The services that can help with a milestone or an action, each a link to its page; for
 * someone who may refer, a link to refer to it for this step. Nothing at all when none can.
 */
export function HelpfulServices({
  services,
  referFrom,
  heading = 'title',
}: {
  services: readonly ServiceSummary[] | undefined;
  /** Where a referral starts from: the young person, and the step or action it is for. */
  referFrom?: { personId: string; milestoneId?: string; actionId?: string };
  heading?: 'title' | 'forAction';
}) {
  const { t } = useTranslation();
  if (!services || services.length === 0) return null;
  const referLink = (serviceId: string) => {
    if (!referFrom) return null;
    const query = new URLSearchParams({ service: serviceId });
    if (referFrom.milestoneId) query.set('milestone', referFrom.milestoneId);
    if (referFrom.actionId) query.set('action', referFrom.actionId);
    return `/young-people/${referFrom.personId}/refer?${query.toString()}`;
  };
  return (
    <div className="helpful-services">
      <p className="helpful-title">{t(`offer.helpful.${heading}`)}</p>
      <ul>
        {services.map((service) => {
          const refer = referLink(service.id);
          return (
            <li key={service.id}>
              <Link to={`/services/${service.id}`}>{service.name}</Link>
              {refer && (
                <>
                  {' · '}
                  <Link to={refer} aria-label={t('offer.helpful.referTo', { name: service.name })}>
                    {t('offer.helpful.referLink')}
                  </Link>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
