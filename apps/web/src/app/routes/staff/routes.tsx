import type { RouteObject } from 'react-router';
import { StaffNotFoundRoute } from '../not-found';

/**
 * The staff app's pages, under /staff, inside the staff layout. Add a page here with
 * `lazy: async () => ({ Component: (await import('./page')).PageRoute })`, so the staff code stays out of
 * the public pages' JavaScript.
 */
export const staffRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./workspace')).StaffWorkspaceRoute }) },
  { path: '*', Component: StaffNotFoundRoute },
];
