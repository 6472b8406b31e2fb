import type { Permission } from '@yardstick/contracts';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { staffPaths } from '@/config/staff-paths';

const relative = (path: string) => path.slice(`${staffPaths.root}/`.length);

/**
 * A staff page loaded on demand (so the staff code stays out of the public pages' JavaScript), shown only to
 * roles with one of `anyOf`.
 */
const page = (load: () => Promise<ComponentType>, anyOf?: Permission[]): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => {
    const [Page, { RequirePermission }] = await Promise.all([
      load(),
      import('@/features/staff-auth/components/require-sign-in'),
    ]);
    return {
      element: anyOf ? (
        <RequirePermission anyOf={anyOf}>
          <Page />
        </RequirePermission>
      ) : (
        <Page />
      ),
    };
  },
});

/**
 * The staff app's pages (client-rendered), under /staff inside the staff layout: /staff/sign-in is open,
 * every other page needs a session.
 */
export const staffRoutes: RouteObject[] = [
  { path: relative(staffPaths.signIn), ...page(async () => (await import('./sign-in')).SignInRoute) },
  {
    lazy: async () => ({
      Component: (await import('@/features/staff-auth/components/require-sign-in')).RequireSignIn,
    }),
    children: [
      { index: true, ...page(async () => (await import('./workspace')).StaffWorkspaceRoute) },
      {
        path: relative(staffPaths.standards),
        ...page(async () => (await import('./standards')).StandardsRoute, ['registry:read']),
      },
      {
        path: relative(staffPaths.newStandard),
        ...page(async () => (await import('./standards')).NewStandardRoute, ['registry:write']),
      },
      {
        path: relative(staffPaths.services),
        ...page(async () => (await import('./services')).ServicesRoute, ['registry:read']),
      },
      {
        path: `${relative(staffPaths.standards)}/:id`,
        ...page(async () => (await import('./standard')).StandardRoute, ['registry:read']),
      },
      {
        path: relative(staffPaths.plans),
        ...page(async () => (await import('./plans')).PlansRoute, ['registry:read']),
      },
      {
        path: relative(staffPaths.newPlan),
        ...page(async () => (await import('./plans')).NewPlanRoute, ['registry:write']),
      },
      {
        path: `${relative(staffPaths.plans)}/:id`,
        ...page(async () => (await import('./plans')).PlanRoute, ['registry:read']),
      },
      {
        path: relative(staffPaths.employeeFeedback),
        ...page(async () => (await import('./plans')).EmployeeFeedbackRoute, ['registry:read']),
      },
      {
        path: relative(staffPaths.imports),
        ...page(async () => (await import('./imports')).ImportsRoute, ['results:write']),
      },
      { path: relative(staffPaths.due), ...page(async () => (await import('./due')).DueRoute, ['registry:read']) },
      {
        path: relative(staffPaths.customerFeedback),
        ...page(async () => (await import('./customer-feedback')).CustomerFeedbackRoute, ['registry:read']),
      },
      {
        path: relative(staffPaths.reviews),
        ...page(async () => (await import('./reviews')).ReviewsRoute, ['standards:publish', 'results:certify']),
      },
      {
        path: relative(staffPaths.portfolio),
        ...page(async () => (await import('./portfolio')).PortfolioRoute, ['registry:read']),
      },
      {
        path: `${relative(staffPaths.portfolio)}/standards/:id`,
        ...page(async () => (await import('./portfolio')).TrendRoute, ['registry:read']),
      },
      { path: relative(staffPaths.users), ...page(async () => (await import('./admin')).UsersRoute, ['users:manage']) },
      {
        path: relative(staffPaths.agencies),
        ...page(async () => (await import('./admin')).AgenciesRoute, ['agencies:manage']),
      },
      {
        path: relative(staffPaths.tokens),
        ...page(async () => (await import('./admin')).TokensRoute, ['tokens:manage']),
      },
      { path: relative(staffPaths.audit), ...page(async () => (await import('./admin')).AuditRoute, ['audit:read']) },
      {
        path: relative(staffPaths.catalog),
        ...page(async () => (await import('./admin')).CatalogRoute, ['agencies:manage']),
      },
      { path: relative(staffPaths.settings), ...page(async () => (await import('./settings')).SettingsRoute) },
      {
        path: relative(staffPaths.outbox),
        ...page(async () => (await import('./settings')).OutboxRoute, ['users:manage']),
      },
      { path: '*', ...page(async () => (await import('../not-found')).StaffNotFoundRoute) },
    ],
  },
];
