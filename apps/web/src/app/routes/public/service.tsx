import type { PublicService } from '@yardstick/contracts';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';
import { publicApiPaths, usePublicData } from '@/features/public/api/public-data';
import { Breadcrumbs } from '@/features/public/components/breadcrumbs';
import { CxSection } from '@/features/public/components/cx-section';
import { CHANNEL_LABELS } from '@/features/public/components/format';
import { PublicPage } from '@/features/public/components/page-state';
import { ChannelList, ComplaintInfo } from '@/features/public/components/service-contact';
import { StandardsTable } from '@/features/public/components/standards-table';

const Service = ({ page }: { page: PublicService }) => {
  const { service, agency } = page;
  return (
    <>
      <PageTitle title={`${service.name}, ${agency.abbreviation}`} />
      <Breadcrumbs
        items={[
          { label: 'Home', to: paths.home },
          { label: agency.name, to: paths.agency.to(agency.slug) },
          { label: service.name },
        ]}
      />
      <h1>{service.name}</h1>
      <div className="usa-prose">
        <p className="usa-intro">
          A service of <Link to={paths.agency.to(agency.slug)}>{agency.name}</Link>.
          {service.hisp ? ' A High Impact Service Provider (HISP) service.' : ''}
        </p>
        {service.description ? <p>{service.description}</p> : null}
        <dl className="fact-list">
          <dt>Who it serves</dt>
          <dd>{service.customers ?? 'Not stated'}</dd>
          <dt>Channels</dt>
          <dd>{service.channels.length ? service.channels.map((c) => CHANNEL_LABELS[c]).join(', ') : 'Not stated'}</dd>
          {service.publicUrl ? (
            <>
              <dt>Where to get it</dt>
              <dd>
                <a href={service.publicUrl}>{service.publicUrl}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <ChannelList channels={service.channelDetails} />
      <ComplaintInfo complaints={service.complaints} service={service.name} />
      <h2>Service standards</h2>
      <StandardsTable
        caption={`Standards of ${service.name}, with the latest certified result`}
        standards={page.standards}
      />
      {page.cx ? <CxSection collections={page.cx} slug={service.slug} /> : null}
    </>
  );
};

export const ServiceRoute = () => {
  const { slug = '' } = useParams();
  const query = usePublicData<PublicService>(publicApiPaths.service(slug));
  return (
    <div className="grid-container padding-y-4">
      <PublicPage query={query}>{(page) => <Service page={page} />}</PublicPage>
    </div>
  );
};
