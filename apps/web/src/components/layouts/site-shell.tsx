import { GovBanner } from './gov-banner';
import type { ReactNode } from 'react';
import { SiteFooter } from './site-footer';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';

export type SiteShellProps = {
  header: ReactNode;
  children: ReactNode;
};

/** What every page shares: skip link, official banner, a header, the main landmark and the footer. */
export const SiteShell = ({ header, children }: SiteShellProps) => (
  <div className="site-shell">
    <SkipLink />
    <GovBanner />
    {header}
    {/* tabIndex -1: the skip link and route changes move focus here. */}
    <main id={MAIN_CONTENT_ID} className="site-shell__main" tabIndex={-1}>
      {children}
    </main>
    <SiteFooter />
  </div>
);
