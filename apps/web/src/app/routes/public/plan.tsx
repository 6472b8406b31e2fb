import { MILESTONE_STATE_LABELS, type PublicMilestone, type PublicPlan } from '@yardstick/contracts';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';
import { publicApiPaths, usePublicData } from '@/features/public/api/public-data';
import { Breadcrumbs } from '@/features/public/components/breadcrumbs';
import { formatDate, formatMeasure } from '@/features/public/components/format';
import { PublicPage } from '@/features/public/components/page-state';
import { StandardsTable } from '@/features/public/components/standards-table';

const STATE_CLASS: Record<PublicMilestone['state'], string> = {
  done: 'status-tag status-tag--met',
  late: 'status-tag status-tag--not-met',
  on_track: 'status-tag',
  dropped: 'status-tag',
};

const Milestones = ({ id, label, milestones }: { id: string; label: string; milestones: PublicMilestone[] }) =>
  milestones.length === 0 ? (
    <p>No milestones set.</p>
  ) : (
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="usa-table usa-table--borderless">
        <caption id={`${id}-caption`}>Milestones: {label}</caption>
        <thead>
          <tr>
            <th scope="col">By</th>
            <th scope="col">Milestone</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => (
            <tr key={`${m.dueDate} ${m.title}`}>
              <td>{formatDate(m.dueDate)}</td>
              <td>{m.title}</td>
              <td>
                <span className={STATE_CLASS[m.state]}>{MILESTONE_STATE_LABELS[m.state]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

const Plan = ({ plan }: { plan: PublicPlan }) => {
  const { agency, fiscalYear } = plan;
  return (
    <>
      <PageTitle title={`${agency.name}: Customer Service Plan, fiscal year ${fiscalYear}`} />
      <Breadcrumbs
        items={[
          { label: 'Home', to: paths.home },
          { label: agency.name, to: paths.agency.to(agency.slug) },
          { label: `Customer Service Plan FY${fiscalYear}` },
        ]}
      />
      <h1>
        {agency.name}: Customer Service Plan, fiscal year {fiscalYear}
      </h1>
      <p className="usa-intro">{plan.summary}</p>
      <p>
        Version {plan.version}, published {formatDate(plan.publishedAt)}.{' '}
        {plan.lateMilestones > 0
          ? `${plan.lateMilestones} milestone${plan.lateMilestones === 1 ? ' is' : 's are'} late: past its date and not done.`
          : 'No milestone is late.'}
      </p>
      <ul className="usa-button-group report-actions margin-y-2">
        <li className="usa-button-group__item">
          <a className="usa-button usa-button--outline" href={paths.server.planPdf(agency.slug, fiscalYear)}>
            Download PDF
          </a>
        </li>
        <li className="usa-button-group__item">
          <a className="usa-button usa-button--outline" href={paths.server.planJson(agency.slug, fiscalYear)}>
            Download JSON
          </a>
        </li>
      </ul>

      {plan.parts.map((part) => (
        <section key={part.key} aria-labelledby={`part-${part.key}`}>
          <h2 id={`part-${part.key}`}>{part.label}</h2>
          <h3>What we will do</h3>
          <p>{part.approach}</p>
          <h3>What you gain</h3>
          <p>{part.benefits}</p>
          {part.key === 'customer_feedback' && plan.feedbackCollections.length > 0 ? (
            <ul>
              {plan.feedbackCollections.map((c) => (
                <li key={c.id}>
                  <a href={`/services/${c.serviceSlug}#customer-experience`}>{c.title}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {part.key === 'service_standards' ? (
            plan.standards.length > 0 ? (
              <StandardsTable
                caption="The standards this plan names, with their latest certified result"
                standards={plan.standards}
              />
            ) : (
              <p>The plan names no published standard yet.</p>
            )
          ) : null}
          <h3>Milestones</h3>
          <Milestones id={`milestones-${part.key}`} label={part.label} milestones={part.milestones} />
        </section>
      ))}

      {plan.employeeFeedback.length > 0 ? (
        <section aria-labelledby="employees">
          <h2 id="employees">What our front-line employees told us</h2>
          {plan.employeeFeedback.map((f) => (
            <div key={`${f.service.slug} ${f.periodKey}`}>
              <h3>
                <Link to={paths.service.to(f.service.slug)}>{f.service.name}</Link>, {f.periodLabel}
              </h3>
              <p>
                {f.employeesResponding} of {f.employeesSurveyed} employees surveyed responded. {f.summary}
              </p>
              {f.barriers.length > 0 ? (
                <p>Barriers they named: {f.barriers.map((b) => `${b.theme} (${b.count})`).join('; ')}.</p>
              ) : null}
              {f.ideas.length > 0 ? (
                <p>Their ideas: {f.ideas.map((b) => `${b.theme} (${b.count})`).join('; ')}.</p>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}

      <h2>Benchmarks we used</h2>
      {plan.benchmarks.length > 0 ? (
        <ul>
          {plan.benchmarks.map((b) => (
            <li key={`${b.name} ${b.year}`}>
              {b.name}: {formatMeasure(b.value, b.unit)} ({b.sourceOrganization}, {b.year})
              {b.sourceUrl ? (
                <>
                  , <a href={b.sourceUrl}>source</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>None named.</p>
      )}

      <h2>Version history</h2>
      <ol className="usa-list">
        {plan.versions.map((v) => (
          <li key={v.version}>
            Version {v.version}
            {v.current ? ' (current)' : ''}, published {formatDate(v.publishedAt)}: “{v.summary}”
          </li>
        ))}
      </ol>
      {plan.otherYears.length > 0 ? (
        <>
          <h2>Other years</h2>
          <ul>
            {plan.otherYears.map((year) => (
              <li key={year}>
                <Link to={paths.plan.to(agency.slug, year)}>Customer Service Plan, fiscal year {year}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
};

export const PlanRoute = () => {
  const { slug = '', fiscalYear = '' } = useParams();
  const query = usePublicData<PublicPlan>(publicApiPaths.plan(slug, fiscalYear));
  return (
    <div className="grid-container padding-y-4">
      <PublicPage query={query}>{(plan) => <Plan plan={plan} />}</PublicPage>
    </div>
  );
};
