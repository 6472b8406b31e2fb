import { Outlet } from 'react-router';
import { MAIN_CONTENT_ID } from './skip-link';

/** For a card shown in another site's iframe: no banner, header or footer, just the content. */
export const EmbedLayout = () => (
  <main id={MAIN_CONTENT_ID} className="embed-shell" tabIndex={-1}>
    <meta name="robots" content="noindex" />
    <Outlet />
  </main>
);
