import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { useMenuReminders, useSignOut, type SessionUser } from '../api/queries.ts';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';
import { useInbox } from '../api/together-queries.ts';
import { DemoBanner } from './DemoBanner.tsx';

type Link = { to: string; label: string };

/** What each role works with, in the order they use it. */
function linksFor(role: SessionUser['role'], t: TFunction, unread: number, unreadMessages: number): Link[] {
  const messages = {
    to: '/messages',
    label:
      unreadMessages > 0 ? t('together.nav.messagesUnread', { count: unreadMessages }) : t('together.nav.messages'),
  };
  const offer = { to: '/services', label: t('offer.nav') };
  return [
    ...ownLinks(role, t, unread),
    // The local offer is for everyone who plans with a young person, and for those who commission it.
    ...(role === 'administrator' ? [] : [offer]),
    ...(role === 'administrator' || role === 'commissioner' ? [] : [messages]),
  ];
}

/** The pages of each role's own work. */
function ownLinks(role: SessionUser['role'], t: TFunction, unread: number): Link[] {
  switch (role) {
    case 'transition_worker':
    case 'team_manager':
      return [
        { to: '/caseload', label: t('nav.caseload') },
        { to: '/young-people', label: t('nav.youngPeople') },
        { to: '/handovers', label: t('nav.handovers') },
        { to: '/notifications', label: unread > 0 ? t('nav.remindersUnread', { count: unread }) : t('nav.reminders') },
        ...(role === 'team_manager' ? [{ to: '/commissioning', label: t('nav.commissioning') }] : []),
      ];
    case 'young_person':
    case 'parent_carer':
      return [{ to: '/my-plan', label: t('nav.myPlan') }];
    case 'adult_services':
      return [{ to: '/inbox', label: t('nav.inbox') }];
    case 'sen_coordinator':
    case 'health_professional':
    case 'social_worker':
    case 'contributor':
      return [
        { to: '/linked', label: t('together.nav.linked') },
        // Reminders of the milestones their agency leads.
        { to: '/notifications', label: unread > 0 ? t('nav.remindersUnread', { count: unread }) : t('nav.reminders') },
      ];
    case 'commissioner':
      return [{ to: '/commissioning', label: t('nav.commissioning') }];
    case 'administrator':
      return [
        { to: '/accounts', label: t('accounts.admin.nav') },
        { to: '/agencies', label: t('nav.agencies') },
      ];
    default:
      return [];
  }
}

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      {t('app.language')}{' '}
      <select value={i18n.language} onChange={(event) => void setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Layout({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const reminders = useMenuReminders(
    user?.stage === 'complete' &&
      !['young_person', 'parent_carer', 'adult_services', 'commissioner', 'administrator'].includes(user.role),
  );
  const inbox = useInbox(user?.stage === 'complete' && user.role !== 'administrator' && user.role !== 'commissioner');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <DemoBanner />
      <header className="site-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </div>
        {user?.stage === 'complete' && (
          <nav aria-label={t('app.mainNav')}>
            <ul>
              {linksFor(user.role, t, reminders.data?.unread ?? 0, inbox.data?.unread ?? 0).map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to}>{link.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <LanguagePicker />
          {user && (
            <>
              <span className="who">{t('app.signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}</span>
              {user.stage === 'complete' && <NavLink to="/account/security">{t('accounts.security.nav')}</NavLink>}
              <button
                type="button"
                className="secondary"
                onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })}
              >
                {t('app.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
