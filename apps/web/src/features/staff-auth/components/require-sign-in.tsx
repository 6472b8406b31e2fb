import type { Permission } from '@yardstick/contracts';
import { GridContainer } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { can, useSession } from '../api/session';
import { SignInPage } from './sign-in-page';

const Checking = () => (
  <GridContainer className="padding-y-4">
    <PageTitle title="Checking your session" />
    <p role="status">Checking your session…</p>
  </GridContainer>
);

/**
 * Guards every /staff page but the sign-in page: without a session the sign-in form takes the page's place,
 * at the same address, so signing in shows the page that was asked for.
 */
export const RequireSignIn = () => {
  const session = useSession();
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
  // Signing in sets the session, and this renders the page.
  if (!session.data) return <SignInPage onSignedIn={() => undefined} />;
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
