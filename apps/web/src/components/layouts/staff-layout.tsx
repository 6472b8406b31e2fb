import { Outlet } from 'react-router';
import { paths } from '@/config/paths';
import { SiteHeader, type NavItem } from './site-header';
import { SiteShell } from './site-shell';

const staffNav: readonly NavItem[] = [
  { label: 'Workspace', to: paths.staff.root, end: true },
  { label: 'Public site', to: paths.home, end: true },
];

export const StaffLayout = () => (
  <SiteShell
    header={
      <SiteHeader
        title={
          <>
            Yardstick <span className="usa-tag margin-left-05 text-middle">Staff</span>
          </>
        }
        homeTo={paths.staff.root}
        navItems={staffNav}
        navLabel="Staff navigation"
      />
    }
  >
    {/* Internal pages stay out of search engines. */}
    <meta name="robots" content="noindex" />
    <Outlet />
  </SiteShell>
);
