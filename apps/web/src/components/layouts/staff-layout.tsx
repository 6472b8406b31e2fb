import type { CurrentUserBody, Permission } from '@yardstick/contracts';
import { Outlet, useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession, useSignOut } from '@/lib/session';
import { SiteHeader, type NavItem } from './site-header';
import { SiteShell } from './site-shell';

type StaffNavItem = NavItem & { needs?: Permission[] };

/** Each role sees the sections it may use (any one of `needs`). */
const STAFF_NAV: readonly StaffNavItem[] = [
  { label: 'Workspace', to: staffPaths.root, end: true },
  { label: 'Services', to: staffPaths.services, needs: ['registry:write'] },
  { label: 'Standards', to: staffPaths.standards, needs: ['registry:read'] },
  { label: 'Plans', to: staffPaths.plans, needs: ['registry:read'] },
  { label: 'Employee feedback', to: staffPaths.employeeFeedback, needs: ['registry:read'] },
  { label: 'Import results', to: staffPaths.imports, needs: ['results:write'] },
  { label: 'Due results', to: staffPaths.due, needs: ['registry:read'] },
  { label: 'Customer feedback', to: staffPaths.customerFeedback, needs: ['registry:read'] },
  { label: 'Reviews', to: staffPaths.reviews, needs: ['standards:publish', 'results:certify'] },
  { label: 'Portfolio', to: staffPaths.portfolio, needs: ['registry:read'] },
  { label: 'Users', to: staffPaths.users, needs: ['users:manage'] },
  { label: 'Agencies', to: staffPaths.agencies, needs: ['agencies:manage'] },
  { label: 'Tokens', to: staffPaths.tokens, needs: ['tokens:manage'] },
  { label: 'Audit trail', to: staffPaths.audit, needs: ['audit:read'] },
];

export const staffNavFor = (user: CurrentUserBody | null | undefined): NavItem[] =>
  user
    ? STAFF_NAV.filter((item) => !item.needs || item.needs.some((p) => can(user, p)))
    : [{ label: 'Sign in', to: staffPaths.signIn }];

const SessionBar = ({ user }: { user: CurrentUserBody }) => {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <section aria-label="Your session" className="bg-base-lightest border-bottom-1px border-base-lighter">
      <div className="grid-container display-flex flex-justify-end flex-align-center padding-y-05 font-body-2xs">
        <span className="margin-right-2">
          Signed in as <strong>{user.name}</strong> ({user.email})
        </span>
        <button
          type="button"
          className="usa-button usa-button--unstyled font-body-2xs"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate(staffPaths.signIn) })}
        >
          Sign out
        </button>
      </div>
    </section>
  );
};

export const StaffLayout = () => {
  const session = useSession();
  const user = session.data;
  return (
    <SiteShell
      header={
        <>
          <SiteHeader
            title={
              <>
                Yardstick <span className="usa-tag margin-left-05 text-middle">Staff</span>
              </>
            }
            homeTo={paths.staff.root}
            navItems={[...staffNavFor(user), { label: 'Public site', to: paths.home, end: true }]}
            navLabel="Staff navigation"
          />
          {user ? <SessionBar user={user} /> : null}
        </>
      }
    >
      {/* Internal pages stay out of search engines. */}
      <meta name="robots" content="noindex" />
      <Outlet />
    </SiteShell>
  );
};
