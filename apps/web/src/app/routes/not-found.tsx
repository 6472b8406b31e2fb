import { Link } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';

export type NotFoundRouteProps = {
  homeTo?: string;
  homeLabel?: string;
};

export const NotFoundRoute = ({
  homeTo = paths.home,
  homeLabel = 'Go to the Yardstick home page',
}: NotFoundRouteProps) => (
  <div className="grid-container padding-y-5">
    <PageTitle title="Page not found" />
    <meta name="robots" content="noindex" />
    <div className="usa-prose">
      <h1>Page not found</h1>
      <p className="usa-intro">We can’t find the page you’re looking for.</p>
      <p>The page may have moved, or the web address may be wrong. Check the address, or start again from home.</p>
      <p>
        <Link className="usa-button" to={homeTo}>
          {homeLabel}
        </Link>
      </p>
    </div>
  </div>
);

export const StaffNotFoundRoute = () => (
  <NotFoundRoute homeTo={paths.staff.root} homeLabel="Go to the staff workspace" />
);
