import type { Permission } from '@yardstick/contracts';
import { GridContainer } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '../api/session';

const Checking = () => (
  <GridContainer className="padding-y-4">
    <PageTitle title="Checking your session" />
    <h1>Staff workspace</h1>
    <p role="status">Checking your session…</p>
  </GridContainer>
);

/** Guards every /staff page but the sign-in page: without a session, go sign in and come back. */
export const RequireSignIn = () => {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Checking />;
  if (session.isError) {
    return (
      <GridContainer className="padding-y-4">
        <PageTitle title="Service unavailable" />
        <h1>Service unavailable</h1>
        <p>Could not check your session. Reload the page to try again.</p>
      </GridContainer>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${staffPaths.signIn}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
};

/** A page for some roles only: the others get a plain explanation rather than an empty page. */
export const RequirePermission = ({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) => {
  const { data: user } = useSession();
  if (anyOf.some((p) => can(user, p))) return <>{children}</>;
  return (
    <GridContainer className="padding-y-4">
      <PageTitle title="Not available to you" />
      <h1>Not available to you</h1>
      <p>Your roles do not include this part of Yardstick. Ask an administrator if you need it.</p>
    </GridContainer>
  );
};
