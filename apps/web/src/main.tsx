import '@uswds/uswds/css/uswds.min.css';
import '@/styles/app.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from '@/app';
import { PAGE_DATA_ELEMENT_ID, seedPageData, type EmbeddedPageData } from '@/features/public/api/public-data';
import { createQueryClient } from '@/lib/query-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
const embedded = document.getElementById(PAGE_DATA_ELEMENT_ID)?.textContent;
const app = (
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>
);

// Public pages arrive rendered, with their data: hydrate them. Other pages (the staff app) render here.
if (embedded) {
  seedPageData(queryClient, JSON.parse(embedded) as EmbeddedPageData);
  hydrateRoot(container, app);
} else {
  createRoot(container).render(app);
}
