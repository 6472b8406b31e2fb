import { Outlet } from 'react-router';
import { paths } from '@/config/paths';
import { SiteHeader, type NavItem } from './site-header';
import { SiteShell } from './site-shell';

const publicNav: readonly NavItem[] = [
  { label: 'Home', to: paths.home, end: true },
  { label: 'Staff workspace', to: paths.staff.root },
];

export const PublicLayout = () => (
  <SiteShell
    header={<SiteHeader title="Yardstick" homeTo={paths.home} navItems={publicNav} navLabel="Primary navigation" />}
  >
    <Outlet />
  </SiteShell>
);
