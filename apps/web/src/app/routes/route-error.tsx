import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';
import { NotFoundRoute } from './not-found';

/** Shown in place of a page that failed to render, inside the page's layout. */
export const RouteErrorBoundary = () => {
  const error = useRouteError();

  useEffect(() => {
    console.error(error);
  }, [error]);

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;

  return (
    <div className="grid-container padding-y-5">
      <PageTitle title="Something went wrong" />
      <div className="usa-prose">
        <h1>Something went wrong</h1>
        <p className="usa-intro">This page could not be shown.</p>
        <p>Try loading the page again. If it still does not work, try again later.</p>
        <p>
          <Link to={paths.home}>Go to the Yardstick home page</Link>
        </p>
      </div>
    </div>
  );
};

/** Last resort, when a layout itself failed: no header or footer, just a way out. */
export const RootErrorBoundary = () => (
  <main id="main-content">
    <RouteErrorBoundary />
  </main>
);
