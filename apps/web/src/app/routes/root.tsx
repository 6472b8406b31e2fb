import { Outlet, ScrollRestoration } from 'react-router';
import { MAIN_CONTENT_ID } from '@/components/layouts/skip-link';
import { useFocusOnNavigation } from '@/hooks/use-focus-on-navigation';

/** Above both the public and the staff layout, so focus handling survives moving between them. */
export const AppRoot = () => {
  useFocusOnNavigation(MAIN_CONTENT_ID);
  return (
    <>
      <Outlet />
      <ScrollRestoration />
    </>
  );
};
