import { Link } from 'react-router';

export type Crumb = { label: string; to?: string };

/** USWDS breadcrumb: where this page sits; the last crumb is the page itself. */
export const Breadcrumbs = ({ items }: { items: Crumb[] }) => (
  <nav className="usa-breadcrumb padding-top-0" aria-label="Breadcrumbs">
    <ol className="usa-breadcrumb__list">
      {items.map((item, i) => (
        <li
          key={`${item.label}-${i}`}
          className={`usa-breadcrumb__list-item${item.to ? '' : ' usa-current'}`}
          aria-current={item.to ? undefined : 'page'}
        >
          {item.to ? (
            <Link className="usa-breadcrumb__link" to={item.to}>
              <span>{item.label}</span>
            </Link>
          ) : (
            <span>{item.label}</span>
          )}
        </li>
      ))}
    </ol>
  </nav>
);
