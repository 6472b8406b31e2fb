import type { ReactNode } from 'react';
import { NotFoundRoute } from '@/app/routes/not-found';
import { PageTitle } from '@/components/seo/page-title';
import type { usePublicData } from '../api/public-data';

type Query<T> = ReturnType<typeof usePublicData<T>>;

/** Renders a public page once its data is there; "not found", loading and failure otherwise. */
export function PublicPage<T>({ query, children }: { query: Query<T>; children: (data: T) => ReactNode }) {
  if (query.data) return <>{children(query.data)}</>;
  if (query.data === null) return <NotFoundRoute />;
  if (query.isError) {
    return (
      <div className="grid-container padding-y-5">
        <PageTitle title="Something went wrong" />
        <h1>Something went wrong</h1>
        <p className="usa-intro">This page could not be loaded. Try again in a moment.</p>
      </div>
    );
  }
  return (
    <div className="grid-container padding-y-5">
      <p role="status">Loading…</p>
    </div>
  );
}
