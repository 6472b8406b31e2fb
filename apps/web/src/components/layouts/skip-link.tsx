import type { MouseEvent } from 'react';

export const MAIN_CONTENT_ID = 'main-content';

/** First tab stop on every page. Moves focus itself so the router never sees a hash change. */
export const SkipLink = () => {
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
  };

  return (
    <a className="usa-skipnav" href={`#${MAIN_CONTENT_ID}`} onClick={skipToMain}>
      Skip to main content
    </a>
  );
};
