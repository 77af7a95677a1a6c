import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/queries.ts';
import { followCouncilLanguage } from './i18n/index.ts';
import { Layout } from './components/Layout.tsx';
import { PageHeading } from './components/PageHeading.tsx';
import { homeOf } from './lib/home.ts';
import { Loading } from './components/QueryState.tsx';
import { useTranslation } from 'react-i18next';
import { CaseloadPage } from './pages/CaseloadPage.tsx';
import { HandoverInboxPage } from './pages/HandoverInboxPage.tsx';
import { HandoverListPage } from './pages/HandoverListPage.tsx';
import { HandoverPage, SendHandoverPage } from './pages/HandoverPage.tsx';
import { ConversationPage } from './pages/together/ConversationPage.tsx';
import { LinkedPeoplePage } from './pages/together/LinkedPeoplePage.tsx';
import { MessagesPage } from './pages/together/MessagesPage.tsx';
import { MyPlanPage } from './pages/MyPlanPage.tsx';
import { NewHandoverPage } from './pages/NewHandoverPage.tsx';
import { RemindersPage } from './pages/RemindersPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { EnrolPage } from './pages/account/EnrolPage.tsx';
import { ForgottenPasswordPage } from './pages/account/ForgottenPasswordPage.tsx';
import { SecondFactorPage } from './pages/account/SecondFactorPage.tsx';
import { SecurityPage } from './pages/account/SecurityPage.tsx';
import { SetPasswordPage } from './pages/account/SetPasswordPage.tsx';
import { SignOnCallbackPage } from './pages/account/SignOnCallbackPage.tsx';
import { YoungPeoplePage } from './pages/YoungPeoplePage.tsx';
import { YoungPersonPage } from './pages/YoungPersonPage.tsx';

// Charts, the directory and the caseload import are only for commissioners, administrators and
// managers: loaded on demand, so nobody else downloads them.
const CommissioningPage = lazy(() => import('./pages/CommissioningPage.tsx'));
const AgenciesPage = lazy(() => import('./pages/AgenciesPage.tsx'));
const ServicesPage = lazy(() => import('./pages/offer/ServicesPage.tsx'));
const ServicePage = lazy(() => import('./pages/offer/ServicePage.tsx'));
const ReferPage = lazy(() => import('./pages/offer/ReferPage.tsx'));
const ImportPage = lazy(() => import('./pages/people/ImportPage.tsx'));
// Adding and changing a record: staff only, and not every day.
const AddYoungPersonPage = lazy(() =>
  import('./pages/people/YoungPersonFormPage.tsx').then((page) => ({ default: page.AddYoungPersonPage })),
);
const ChangeYoungPersonPage = lazy(() =>
  import('./pages/people/YoungPersonFormPage.tsx').then((page) => ({ default: page.ChangeYoungPersonPage })),
);
const AccountsPage = lazy(() => import('./pages/admin/AccountsPage.tsx'));
const AccountPage = lazy(() => import('./pages/admin/AccountPage.tsx'));
const InvitePage = lazy(() => import('./pages/admin/InvitePage.tsx'));
const SignOnSettingsPage = lazy(() => import('./pages/admin/SignOnSettingsPage.tsx'));
// Reviews: a worker's workflow pages, the young person's profile, the printable report, an invitee's link.
const ArrangeReviewPage = lazy(() => import('./pages/reviews/ArrangeReviewPage.tsx'));
const ReviewPage = lazy(() => import('./pages/reviews/ReviewPage.tsx'));
const ReviewProfilePage = lazy(() => import('./pages/reviews/ReviewProfilePage.tsx'));
const ReviewPrintPage = lazy(() => import('./pages/reviews/ReviewPrintPage.tsx'));
const ReplyPage = lazy(() => import('./pages/reviews/ReplyPage.tsx'));

/** The pages someone who is not signed in can reach: signing in, and where account e-mails lead. */
const BEFORE_SIGN_IN: Record<string, () => ReactNode> = {
  '/sign-in': () => <SignInPage />,
  '/forgotten-password': () => <ForgottenPasswordPage />,
  '/set-password': () => <SetPasswordPage />,
  '/sign-on/callback': () => <SignOnCallbackPage />,
  '/reply': () => (
    <Suspense fallback={<Loading />}>
      <ReplyPage />
    </Suspense>
  ),
};

/** Back to the page that asked for sign-in (only a path on this site), else the role's home. */
function afterSignIn(search: string, home: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : home;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('common.notFound')}</p>
    </>
  );
}

export function App() {
  const session = useSession();
  const location = useLocation();
  const councilLanguage = session.data?.language;
  useEffect(() => followCouncilLanguage(councilLanguage), [councilLanguage]);
  if (session.isPending) return <Loading />;
  const user = session.data ?? null;
  if (!user) {
    const page = BEFORE_SIGN_IN[location.pathname];
    return (
      <Layout user={null}>
        {page ? (
          page()
        ) : (
          <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
        )}
      </Layout>
    );
  }
  // Part-way through signing in: the second step comes before anything else (the address stays, for afterwards).
  if (user.stage !== 'complete') {
    return <Layout user={user}>{user.stage === 'second_factor' ? <SecondFactorPage /> : <EnrolPage />}</Layout>;
  }
  return (
    <Layout user={user}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Navigate to={homeOf(user.role)} replace />} />
          <Route path="/sign-in" element={<Navigate to={afterSignIn(location.search, homeOf(user.role))} replace />} />
          <Route path="/caseload" element={<CaseloadPage />} />
          <Route path="/young-people" element={<YoungPeoplePage user={user} />} />
          <Route path="/young-people/new" element={<AddYoungPersonPage user={user} />} />
          <Route path="/young-people/import" element={<ImportPage />} />
          <Route path="/young-people/:id/edit" element={<ChangeYoungPersonPage />} />
          <Route path="/young-people/:id" element={<YoungPersonPage user={user} />} />
          <Route path="/young-people/:id/handovers/new" element={<NewHandoverPage />} />
          <Route path="/young-people/:id/reviews/new" element={<ArrangeReviewPage />} />
          <Route path="/young-people/:id/refer" element={<ReferPage />} />
          <Route path="/services" element={<ServicesPage />} />
          <Route path="/services/:id" element={<ServicePage />} />
          <Route path="/reviews/:id" element={<ReviewPage user={user} />} />
          <Route path="/reviews/:id/profile" element={<ReviewProfilePage />} />
          <Route path="/reviews/:id/print" element={<ReviewPrintPage />} />
          <Route path="/reply" element={<ReplyPage />} />
          <Route path="/handovers" element={<HandoverListPage />} />
          <Route path="/handovers/:id" element={<HandoverPage user={user} />} />
          <Route path="/handovers/:id/send" element={<SendHandoverPage />} />
          <Route path="/messages" element={<MessagesPage />} />
          <Route path="/messages/:kind/:subjectId" element={<ConversationPage />} />
          <Route path="/linked" element={<LinkedPeoplePage />} />
          <Route path="/inbox" element={<HandoverInboxPage />} />
          <Route path="/notifications" element={<RemindersPage />} />
          <Route path="/my-plan" element={<MyPlanPage user={user} />} />
          <Route path="/my-plan/:id" element={<MyPlanPage user={user} />} />
          <Route path="/commissioning" element={<CommissioningPage />} />
          <Route path="/agencies" element={<AgenciesPage />} />
          <Route path="/account/security" element={<SecurityPage />} />
          <Route path="/accounts" element={<AccountsPage />} />
          <Route path="/accounts/invite" element={<InvitePage user={user} />} />
          <Route path="/accounts/sign-on" element={<SignOnSettingsPage user={user} />} />
          <Route path="/accounts/:id" element={<AccountPage />} />
          <Route path="/set-password" element={<SetPasswordPage />} />
          <Route path="/forgotten-password" element={<Navigate to="/account/security" replace />} />
          <Route path="/sign-on/callback" element={<Navigate to={homeOf(user.role)} replace />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
