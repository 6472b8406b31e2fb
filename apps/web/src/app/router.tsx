import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { routes } from './routes';

export const createAppRouter = () => createBrowserRouter(routes);

export const AppRouter = () => {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
};
