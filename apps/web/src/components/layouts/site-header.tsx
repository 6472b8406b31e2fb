import { Header, NavMenuButton, PrimaryNav, Title } from '@trussworks/react-uswds';
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
 * USWDS basic header. The USWDS JavaScript bundle is not loaded, so the mobile menu's
 * behaviour (Escape, click outside, focus) lives here.
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

  const items = navItems.map((item) => (
    <NavLink
      key={item.to}
      to={item.to}
      end={item.end}
      className={({ isActive }) => (isActive ? 'usa-nav-link usa-current' : 'usa-nav-link')}
      onClick={() => close(false)}
    >
      <span>{item.label}</span>
    </NavLink>
  ));

  return (
    <Header basic showMobileOverlay={expanded}>
      <div className="usa-nav-container">
        <div className="usa-navbar">
          <Title>
            <Link to={homeTo}>{title}</Link>
          </Title>
          <NavMenuButton
            ref={menuButtonRef}
            label="Menu"
            aria-expanded={expanded}
            aria-controls={navId}
            onClick={() => setExpanded((open) => !open)}
          />
        </div>
        <PrimaryNav
          ref={navRef}
          id={navId}
          aria-label={navLabel}
          items={items}
          mobileExpanded={expanded}
          onToggleMobileNav={() => close(true)}
        />
      </div>
    </Header>
  );
};
