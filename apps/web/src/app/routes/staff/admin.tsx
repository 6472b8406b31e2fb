import { StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { AgenciesAdmin } from '@/features/staff-admin/components/agencies-admin';
import { AuditTrail } from '@/features/staff-admin/components/audit-trail';
import { TokensAdmin } from '@/features/staff-admin/components/tokens-admin';
import { UsersAdmin } from '@/features/staff-admin/components/users-admin';

const crumbs = [{ label: 'Workspace', to: staffPaths.root }];

export const UsersRoute = () => (
  <StaffPage title="Users" breadcrumbs={crumbs} intro="Accounts, their roles and the agencies each role covers.">
    <UsersAdmin />
  </StaffPage>
);

export const TokensRoute = () => (
  <StaffPage title="Tokens" breadcrumbs={crumbs} intro="Machine clients push results from agency systems with a token.">
    <TokensAdmin />
  </StaffPage>
);

export const AuditRoute = () => (
  <StaffPage
    title="Audit trail"
    breadcrumbs={crumbs}
    intro="Every change, sign-in and token use, with the record before and after."
  >
    <AuditTrail />
  </StaffPage>
);

export const AgenciesRoute = () => (
  <StaffPage title="Agencies" breadcrumbs={crumbs} intro="Departments, and the bureaus under them.">
    <AgenciesAdmin />
  </StaffPage>
);
