import { publicEmbedPath, publicStandardPath } from '@yardstick/contracts';

/** Every address the app links to, in one place, so routes and links cannot drift apart. */
export const paths = {
  home: '/',
  agency: { pattern: 'agencies/:slug', to: (slug: string) => `/agencies/${slug}` },
  service: { pattern: 'services/:slug', to: (slug: string) => `/services/${slug}` },
  /** A standard's readable, stable address: its agency and its code. */
  standard: { pattern: 'agencies/:agency/standards/:code', to: publicStandardPath },
  report: {
    pattern: 'reports/:agencySlug/:fiscalYear',
    to: (agencySlug: string, fiscalYear: number) => `/reports/${agencySlug}/${fiscalYear}`,
  },
  embed: { standard: '/embed/agencies/:agency/standards/:code', to: publicEmbedPath },
  about: '/about-these-numbers',
  accessibility: '/accessibility',
  privacy: '/privacy',
  status: '/status',
  plan: {
    pattern: 'agencies/:slug/plans/:fiscalYear',
    to: (slug: string, fiscalYear: number) => `/agencies/${slug}/plans/${fiscalYear}`,
  },
  staff: {
    root: '/staff',
  },
  /** Served by the API, not by the router: link with a plain anchor. */
  server: {
    openData: '/data.json',
    apiDocs: '/api/docs',
    standardCsv: (agency: string, code: string) => `/api/v1/public${publicStandardPath(agency, code)}/results.csv`,
    standardJson: (agency: string, code: string) => `/api/v1/public${publicStandardPath(agency, code)}`,
    agencyCsv: (slug: string) => `/api/v1/public/agencies/${slug}/results.csv`,
    agencyJson: (slug: string) => `/api/v1/public/agencies/${slug}/results.json`,
    reportCsv: (slug: string, year: number) => `/api/v1/public/reports/${slug}/${year}/report.csv`,
    reportPdf: (slug: string, year: number) => `/api/v1/public/reports/${slug}/${year}/report.pdf`,
    planPdf: (slug: string, year: number) => `/api/v1/public/agencies/${slug}/plans/${year}/plan.pdf`,
    planJson: (slug: string, year: number) => `/api/v1/public/agencies/${slug}/plans/${year}`,
    reportingRecordsCsv: '/api/v1/public/reporting-records.csv',
    reportingRecordsJson: '/api/v1/public/reporting-records.json',
  },
} as const;
