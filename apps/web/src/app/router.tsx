import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useState } from 'react';
import { PublicLayout } from '@/components/layouts/public-layout';
import { paths } from '@/config/paths';
import { NotFoundRoute } from './routes/not-found';
import { HomeRoute } from './routes/public/home';
import { AppRoot } from './routes/root';
import { RootErrorBoundary, RouteErrorBoundary } from './routes/route-error';
import { staffRoutes } from './routes/staff/routes';

export const createAppRouter = () =>
  createBrowserRouter([
    {
      Component: AppRoot,
      ErrorBoundary: RootErrorBoundary,
      children: [
        {
          path: paths.home,
          Component: PublicLayout,
          // A pathless route so a failing page keeps its header and footer.
          children: [
            {
              ErrorBoundary: RouteErrorBoundary,
              children: [
                { index: true, Component: HomeRoute },
                { path: '*', Component: NotFoundRoute },
              ],
            },
          ],
        },
        ...staffRoutes,
      ],
    },
  ]);

export const AppRouter = () => {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
};
