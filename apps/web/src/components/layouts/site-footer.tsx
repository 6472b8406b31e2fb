import { Footer, FooterNav } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export const SiteFooter = () => {
  const links = [
    <Link key="home" className="usa-footer__primary-link" to={paths.home}>
      Home
    </Link>,
    <Link key="staff" className="usa-footer__primary-link" to={paths.staff.root}>
      Staff workspace
    </Link>,
    <a key="open-data" className="usa-footer__primary-link" href={paths.server.openData}>
      Open data catalog
    </a>,
    <a key="api-docs" className="usa-footer__primary-link" href={paths.server.apiDocs}>
      API documentation
    </a>,
  ];

  return (
    <Footer
      size="slim"
      primary={
        <div className="usa-footer__primary-container grid-row">
          <div className="grid-col-12">
            <FooterNav size="slim" aria-label="Footer navigation" links={links} />
          </div>
        </div>
      }
      secondary={
        <div className="grid-row">
          <div className="grid-col-12 tablet:grid-col-8">
            <p className="usa-footer__logo-heading margin-top-0">Yardstick</p>
            <p className="font-body-2xs margin-bottom-0">
              Customer service standards and results, published under Executive Order 13571, OMB memo M-11-24 and OMB
              Circular A-11 Section 280.
            </p>
          </div>
        </div>
      }
    />
  );
};
