import type { PublicEmbed } from '@yardstick/contracts';
import { useParams } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';
import { publicApiPaths, usePublicData } from '@/features/public/api/public-data';
import { formatMeasure, formatTarget } from '@/features/public/components/format';
import { PublicPage } from '@/features/public/components/page-state';
import { StatusTag } from '@/components/ui/status-tag';

const EmbedCard = ({ embed }: { embed: PublicEmbed }) => {
  const s = embed.standard;
  return (
    <article className="embed-card">
      <PageTitle title={`${s.title}, ${s.agency.abbreviation}`} />
      <p className="embed-card__agency">{s.agency.name}</p>
      <h1 className="embed-card__title">{s.title}</h1>
      <p className="embed-card__promise">{s.statement}</p>
      {s.latest ? (
        <p className="embed-card__result">
          <span className="embed-card__value">{formatMeasure(s.latest.value, s.unit)}</span> in {s.latest.periodLabel},
          target {formatTarget(s.latest.target, s.unit)}. <StatusTag status={s.latest.status} />
        </p>
      ) : (
        <p className="embed-card__result">No certified result yet.</p>
      )}
      <p className="embed-card__more">
        <a href={paths.standard.to(s.agency.slug, s.code)} target="_blank" rel="noopener">
          All results and how they are measured (opens in a new tab)
        </a>
      </p>
    </article>
  );
};

export const EmbedStandardRoute = () => {
  const { agency = '', code = '' } = useParams();
  const query = usePublicData<PublicEmbed>(publicApiPaths.embed(agency, code));
  return <PublicPage query={query}>{(embed) => <EmbedCard embed={embed} />}</PublicPage>;
};
