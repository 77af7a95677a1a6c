import { useTranslation } from 'react-i18next';

/** Whether the server said its database holds the demo accounts (apps/api/src/web-app.ts). */
export function isDemo(): boolean {
  return document.querySelector('meta[name="pathways-demo"]')?.getAttribute('content') === 'true';
}

/**
 * A warning on every page of a server whose database holds the demo accounts: their password
 * is published, so nothing real may be typed into it.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  if (!isDemo()) return null;
  return (
    <div className="demo-banner" role="region" aria-label={t('app.demoLabel')}>
      <strong>{t('app.demoTitle')}</strong> {t('app.demoText')}
    </div>
  );
}
