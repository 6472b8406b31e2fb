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
    <Link key="about" className="usa-footer__primary-link" to={paths.about}>
      About these numbers
    </Link>,
    <Link key="accessibility" className="usa-footer__primary-link" to={paths.accessibility}>
      Accessibility
    </Link>,
    <Link key="privacy" className="usa-footer__primary-link" to={paths.privacy}>
      Privacy
    </Link>,
    <Link key="status" className="usa-footer__primary-link" to={paths.status}>
      System status
    </Link>,
    <a key="open-data" className="usa-footer__primary-link" href={paths.server.openData}>
      Open data catalog
    </a>,
    <a key="api-docs" className="usa-footer__primary-link" href={paths.server.apiDocs}>
      API documentation
    </a>,
  ];

  return (
    <footer className="usa-footer usa-footer--slim">
      <div className="usa-footer__primary-section">
        <div className="usa-footer__primary-container grid-row">
          <div className="grid-col-12">
            <nav className="usa-footer__nav" aria-label="Footer navigation">
              <ul className="grid-row grid-gap">
                {links.map((link) => (
                  <li key={link.key} className="desktop:grid-col-auto usa-footer__primary-content mobile-lg:grid-col-6">
                    {link}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </div>
      <div className="usa-footer__secondary-section">
        <div className="grid-container">
          <div className="grid-row">
            <div className="grid-col-12 tablet:grid-col-8">
              <p className="usa-footer__logo-heading margin-top-0">Yardstick</p>
              <p className="font-body-2xs margin-bottom-0">
                Customer service standards and results, published under Executive Order 13571, OMB memo M-11-24 and OMB
                Circular A-11 Section 280.
              </p>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
};
