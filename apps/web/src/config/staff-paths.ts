/** Addresses of the staff app, in one place (the public site's are in paths.ts). */
export const staffPaths = {
  root: '/staff',
  signIn: '/staff/sign-in',
  standards: '/staff/standards',
  newStandard: '/staff/standards/new',
  standard: (id: string) => `/staff/standards/${id}`,
  services: '/staff/services',
  imports: '/staff/imports',
  due: '/staff/due',
  reviews: '/staff/reviews',
  portfolio: '/staff/portfolio',
  trend: (id: string) => `/staff/portfolio/standards/${id}`,
  users: '/staff/admin/users',
  agencies: '/staff/admin/agencies',
  tokens: '/staff/admin/tokens',
  audit: '/staff/admin/audit',
  /** Served by the API: a plain link, not a router link. */
  oidcLogin: '/api/v1/auth/oidc/login',
} as const;
