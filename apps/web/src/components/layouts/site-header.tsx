import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

export type NavItem = {
  label: string;
  to: string;
  /** Only the exact path counts as current (for a section's index page). */
  end?: boolean;
};

export type SiteHeaderProps = {
  /** Text of the logo link. */
  title: ReactNode;
  homeTo: string;
  navItems: readonly NavItem[];
  /** Accessible name of the navigation landmark, e.g. "Primary navigation". */
  navLabel: string;
};

// USWDS switches from the mobile menu to the inline navigation at its "desktop" breakpoint.
const DESKTOP_QUERY = '(min-width: 64em)';

/**
 * USWDS basic header, in plain markup (no component library on the public pages). The USWDS JavaScript bundle
 * is not loaded, so the mobile menu's behaviour (Escape, click outside, focus) lives here.
 */
export const SiteHeader = ({ title, homeTo, navItems, navLabel }: SiteHeaderProps) => {
  const [expanded, setExpanded] = useState(false);
  const navId = useId();
  const navRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  const close = useCallback((returnFocus: boolean) => {
    setExpanded(false);
    if (returnFocus) menuButtonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!expanded) return;
    const nav = navRef.current;
    document.body.classList.add('usa-js-mobile-nav--active');
    nav?.querySelector<HTMLElement>('.usa-nav__close')?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!nav?.contains(target) && !menuButtonRef.current?.contains(target)) close(false);
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !nav?.contains(next)) close(false);
    };
    const desktop = window.matchMedia(DESKTOP_QUERY);
    const onViewportChange = () => {
      if (desktop.matches) close(false);
    };

    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    nav?.addEventListener('focusout', onFocusOut);
    desktop.addEventListener('change', onViewportChange);
    return () => {
      document.body.classList.remove('usa-js-mobile-nav--active');
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
      nav?.removeEventListener('focusout', onFocusOut);
      desktop.removeEventListener('change', onViewportChange);
    };
  }, [expanded, close]);

  return (
    <>
      <div className={`usa-overlay${expanded ? ' is-visible' : ''}`} />
      <header className="usa-header usa-header--basic">
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <Link to={homeTo}>{title}</Link>
              </em>
            </div>
            <button
              ref={menuButtonRef}
              className="usa-menu-btn"
              type="button"
              aria-expanded={expanded}
              aria-controls={navId}
              onClick={() => setExpanded((open) => !open)}
            >
              Menu
            </button>
          </div>
          <nav ref={navRef} id={navId} aria-label={navLabel} className={`usa-nav${expanded ? ' is-visible' : ''}`}>
            <button
              className="usa-nav__close"
              aria-label="Close Navigation Menu"
              type="button"
              onClick={() => close(true)}
            >
              <svg
                xmlns="http://www.w3.org/2000/svg"
                width="1em"
                height="1em"
                viewBox="0 0 24 24"
                className="usa-icon usa-icon--size-3"
                focusable="false"
                aria-hidden="true"
              >
                <path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z" />
              </svg>
            </button>
            <ul className="usa-nav__primary usa-accordion">
              {navItems.map((item) => (
                <li key={item.to} className="usa-nav__primary-item">
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) => (isActive ? 'usa-nav-link usa-current' : 'usa-nav-link')}
                    onClick={() => close(false)}
                  >
                    <span>{item.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
};
