import type { RouteObject } from 'react-router';
import { EmbedLayout } from '@/components/layouts/embed-layout';
import { PublicLayout } from '@/components/layouts/public-layout';
import { paths } from '@/config/paths';
import { NotFoundRoute } from './routes/not-found';
import { AboutRoute, AccessibilityRoute, PrivacyRoute, StatusRoute } from './routes/public/about';
import { AgencyRoute } from './routes/public/agency';
import { EmbedStandardRoute } from './routes/public/embed-standard';
import { HomeRoute } from './routes/public/home';
import { PlanRoute } from './routes/public/plan';
import { ReportRoute } from './routes/public/report';
import { ServiceRoute } from './routes/public/service';
import { StandardRoute } from './routes/public/standard';
import { AppRoot } from './routes/root';
import { RootErrorBoundary, RouteErrorBoundary } from './routes/route-error';
import { staffRoutes } from './routes/staff/routes';

/**
 * Every page of the app, shared by the browser router and the server render. The public pages are rendered
 * on the server too (their data comes embedded in the HTML); the staff app is loaded on demand.
 */
export const routes: RouteObject[] = [
  {
    Component: AppRoot,
    ErrorBoundary: RootErrorBoundary,
    children: [
      {
        path: paths.embed.standard,
        Component: EmbedLayout,
        children: [{ index: true, Component: EmbedStandardRoute }],
      },
      {
        path: paths.home,
        Component: PublicLayout,
        // A pathless route so a failing page keeps its header and footer.
        children: [
          {
            ErrorBoundary: RouteErrorBoundary,
            children: [
              { index: true, Component: HomeRoute },
              { path: paths.agency.pattern, Component: AgencyRoute },
              { path: paths.service.pattern, Component: ServiceRoute },
              { path: paths.standard.pattern, Component: StandardRoute },
              { path: paths.report.pattern, Component: ReportRoute },
              { path: paths.about, Component: AboutRoute },
              { path: paths.accessibility, Component: AccessibilityRoute },
              { path: paths.privacy, Component: PrivacyRoute },
              { path: paths.status, Component: StatusRoute },
              { path: paths.plan.pattern, Component: PlanRoute },
              { path: '*', Component: NotFoundRoute },
            ],
          },
        ],
      },
      {
        path: paths.staff.root,
        // The staff layout and pages are loaded on demand: public pages never download them.
        lazy: async () => ({ Component: (await import('@/components/layouts/staff-layout')).StaffLayout }),
        children: [{ ErrorBoundary: RouteErrorBoundary, children: staffRoutes }],
      },
    ],
  },
];
