import { StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { AgenciesAdmin } from '@/features/staff-admin/components/agencies-admin';
import { AuditTrail } from '@/features/staff-admin/components/audit-trail';
import { CatalogAdmin } from '@/features/staff-admin/components/catalog-admin';
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

export const AgenciesRoute = () => (
  <StaffPage
    title="Agencies"
    breadcrumbs={crumbs}
    intro="Departments and the bureaus under them, and when each one’s fiscal year starts."
  >
    <AgenciesAdmin />
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

export const CatalogRoute = () => (
  <StaffPage
    title="Open data catalog"
    breadcrumbs={crumbs}
    intro="Each agency's OMB bureau code, program codes and public contact, which data.json (DCAT-US 1.1) requires. An agency without them (its own, or its department's) is left out of data.json."
  >
    <CatalogAdmin />
  </StaffPage>
);
