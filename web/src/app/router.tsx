import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { SignInPage } from '@/features/auth/components/sign-in-page';

// Route-level code splitting: each module's screens load when first opened.
// The signed-in frame too: the sign-in page, the first thing a new visitor loads, carries only what it draws.
const AppLayout = lazy(() => import('@/app/app-layout'));
// Result pages carry large illustrations: they load only when a screen fails or a route is unknown.
const NotFoundPage = lazy(() => import('@/components/result-pages').then((m) => ({ default: m.NotFoundPage })));
const RouteError = lazy(() => import('@/components/result-pages').then((m) => ({ default: m.RouteError })));
const OrganizationsPage = lazy(() => import('@/features/organizations/components/organizations-page'));
const CoalitionsPage = lazy(() => import('@/features/organizations/components/coalitions-page'));
const MembersPage = lazy(() => import('@/features/members/components/members-page'));
const CalendarPage = lazy(() => import('@/features/calendar/components/calendar-page'));
const DemandsPage = lazy(() => import('@/features/volunteering/components/demands-page'));
const MicroWishesPage = lazy(() => import('@/features/volunteering/components/micro-wishes-page'));
// The public wish wall is outside the signed-in frame: anyone may open it from a shared link.
const PublicWishWallPage = lazy(() => import('@/features/volunteering/components/public-wish-wall-page'));
const VolunteerHoursPage = lazy(() => import('@/features/volunteering/components/volunteer-hours-page'));
const CertificatePrintPage = lazy(() => import('@/features/volunteering/components/certificate-print-page'));
const CertificateCheckPage = lazy(() => import('@/features/volunteering/components/certificate-check-page'));
const VolunteeringStatisticsPage = lazy(
  () => import('@/features/volunteering/components/volunteering-statistics-page'),
);
const CollectivesPage = lazy(() => import('@/features/dividends/components/collectives-page'));
const CollectiveDetailPage = lazy(() => import('@/features/dividends/components/collective-detail-page'));
const PlanWizardPage = lazy(() => import('@/features/dividends/components/plan-wizard-page'));
const PlanPage = lazy(() => import('@/features/dividends/components/plan-page'));
const NoticeSheetPage = lazy(() => import('@/features/dividends/components/notice-sheet-page'));
const SignSheetPage = lazy(() => import('@/features/dividends/components/sign-sheet-page'));
const ShareCertificatePage = lazy(() => import('@/features/dividends/components/share-certificate-page'));
const DividendStatisticsPage = lazy(() => import('@/features/dividends/components/dividend-statistics-page'));
// The 公示 check page is public: a villager checks a printed sheet's code without signing in.
const NoticeCheckPage = lazy(() => import('@/features/dividends/components/notice-check-page'));
const FundPage = lazy(() => import('@/features/assistance/components/fund-page'));
const VisitsPage = lazy(() => import('@/features/assistance/components/visits-page'));
const CarePage = lazy(() => import('@/features/assistance/components/care-page'));
const MemberLedgerPage = lazy(() => import('@/features/assistance/components/member-ledger-page'));
const ApplicationsPage = lazy(() => import('@/features/assistance/components/applications/applications-page'));
const AssistanceStatisticsPage = lazy(() => import('@/features/assistance/components/assistance-statistics-page'));
const FundStatementPage = lazy(() => import('@/features/assistance/components/fund-statement-page'));

const page = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>;

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/public/wishes/:regionId', element: page(<PublicWishWallPage />) },
  { path: '/certificate-check/:code?', element: page(<CertificateCheckPage />) },
  { path: '/dividend-check/:code?', element: page(<NoticeCheckPage />) },
  {
    path: '/',
    element: page(<AppLayout />),
    children: [
      {
        errorElement: page(<RouteError />),
        children: [
          { index: true, element: <Navigate to="/organizations" replace /> },
          { path: 'organizations', element: page(<OrganizationsPage />) },
          { path: 'organizations/:id', element: page(<OrganizationsPage />) },
          { path: 'coalitions', element: page(<CoalitionsPage />) },
          { path: 'members', element: page(<MembersPage />) },
          { path: 'calendar', element: page(<CalendarPage />) },
          { path: 'volunteering/demands', element: page(<DemandsPage />) },
          { path: 'volunteering/wishes', element: page(<MicroWishesPage />) },
          { path: 'volunteering/hours', element: page(<VolunteerHoursPage />) },
          { path: 'volunteering/certificates/:id', element: page(<CertificatePrintPage />) },
          { path: 'volunteering/statistics', element: page(<VolunteeringStatisticsPage />) },
          { path: 'dividends/collectives', element: page(<CollectivesPage />) },
          { path: 'dividends/collectives/:id', element: page(<CollectiveDetailPage />) },
          { path: 'dividends/collectives/:id/plans/new', element: page(<PlanWizardPage />) },
          { path: 'dividends/plans/:id', element: page(<PlanPage />) },
          { path: 'dividends/plans/:id/notice-sheet', element: page(<NoticeSheetPage />) },
          { path: 'dividends/plans/:id/sign-sheet', element: page(<SignSheetPage />) },
          { path: 'dividends/households/:id/certificate', element: page(<ShareCertificatePage />) },
          { path: 'dividends/statistics', element: page(<DividendStatisticsPage />) },
          { path: 'assistance/fund', element: page(<FundPage />) },
          { path: 'assistance/visits', element: page(<VisitsPage />) },
          { path: 'assistance/condolences', element: page(<CarePage area="condolences" />) },
          { path: 'assistance/pairings', element: page(<CarePage area="pairings" />) },
          { path: 'assistance/ledger', element: page(<CarePage area="ledger" />) },
          { path: 'assistance/applications', element: page(<ApplicationsPage />) },
          { path: 'assistance/ledger/:memberId', element: page(<MemberLedgerPage />) },
          { path: 'assistance/statistics', element: page(<AssistanceStatisticsPage />) },
          { path: 'assistance/funds/:id/statement', element: page(<FundStatementPage />) },
          { path: '*', element: page(<NotFoundPage />) },
        ],
      },
    ],
  },
]);
