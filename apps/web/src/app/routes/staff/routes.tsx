import type { RouteObject } from 'react-router';
import { StaffLayout } from '@/components/layouts/staff-layout';
import { staffPaths } from '@/config/staff-paths';
import { RequirePermission, RequireSignIn } from '@/features/staff-auth/components/require-sign-in';
import { StaffNotFoundRoute } from '../not-found';
import { RouteErrorBoundary } from '../route-error';
import { AuditRoute, TokensRoute, UsersRoute } from './admin';
import { DueRoute } from './due';
import { ImportsRoute } from './imports';
import { PortfolioRoute, TrendRoute } from './portfolio';
import { ReviewsRoute } from './reviews';
import { ServicesRoute } from './services';
import { SignInRoute } from './sign-in';
import { NewStandardRoute, StandardsRoute } from './standards';
import { StandardRoute } from './standard';
import { StaffWorkspaceRoute } from './workspace';

const relative = (path: string) => path.slice(`${staffPaths.root}/`.length);

/** The staff app (client-rendered): /staff/sign-in is open, every other page needs a session. */
export const staffRoutes: RouteObject[] = [
  {
    path: staffPaths.root,
    Component: StaffLayout,
    children: [
      {
        ErrorBoundary: RouteErrorBoundary,
        children: [
          { path: relative(staffPaths.signIn), Component: SignInRoute },
          {
            Component: RequireSignIn,
            children: [
              { index: true, Component: StaffWorkspaceRoute },
              {
                path: relative(staffPaths.standards),
                element: (
                  <RequirePermission anyOf={['registry:read']}>
                    <StandardsRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.services),
                element: (
                  <RequirePermission anyOf={['registry:read']}>
                    <ServicesRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.newStandard),
                element: (
                  <RequirePermission anyOf={['registry:write']}>
                    <NewStandardRoute />
                  </RequirePermission>
                ),
              },
              {
                path: `${relative(staffPaths.standards)}/:id`,
                element: (
                  <RequirePermission anyOf={['registry:read']}>
                    <StandardRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.imports),
                element: (
                  <RequirePermission anyOf={['results:write']}>
                    <ImportsRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.due),
                element: (
                  <RequirePermission anyOf={['registry:read']}>
                    <DueRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.reviews),
                element: (
                  <RequirePermission anyOf={['standards:publish', 'results:certify']}>
                    <ReviewsRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.portfolio),
                element: (
                  <RequirePermission anyOf={['registry:read']}>
                    <PortfolioRoute />
                  </RequirePermission>
                ),
              },
              {
                path: `${relative(staffPaths.portfolio)}/standards/:id`,
                element: (
                  <RequirePermission anyOf={['registry:read']}>
                    <TrendRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.users),
                element: (
                  <RequirePermission anyOf={['users:manage']}>
                    <UsersRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.tokens),
                element: (
                  <RequirePermission anyOf={['tokens:manage']}>
                    <TokensRoute />
                  </RequirePermission>
                ),
              },
              {
                path: relative(staffPaths.audit),
                element: (
                  <RequirePermission anyOf={['audit:read']}>
                    <AuditRoute />
                  </RequirePermission>
                ),
              },
              { path: '*', Component: StaffNotFoundRoute },
            ],
          },
        ],
      },
    ],
  },
];
