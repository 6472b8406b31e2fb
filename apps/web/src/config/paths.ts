/** Every address the app links to, in one place, so routes and links cannot drift apart. */
export const paths = {
  home: '/',
  agency: { pattern: 'agencies/:slug', to: (slug: string) => `/agencies/${slug}` },
  service: { pattern: 'services/:slug', to: (slug: string) => `/services/${slug}` },
  standard: { pattern: 'standards/:id', to: (id: string) => `/standards/${id}` },
  report: {
    pattern: 'reports/:agencySlug/:fiscalYear',
    to: (agencySlug: string, fiscalYear: number) => `/reports/${agencySlug}/${fiscalYear}`,
  },
  embed: { standard: '/embed/standards/:id', to: (id: string) => `/embed/standards/${id}` },
  staff: {
    root: '/staff',
  },
  /** Served by the API, not by the router: link with a plain anchor. */
  server: {
    openData: '/data.json',
    apiDocs: '/api/docs',
    standardCsv: (id: string) => `/api/v1/public/standards/${id}/results.csv`,
    standardJson: (id: string) => `/api/v1/public/standards/${id}`,
    agencyCsv: (slug: string) => `/api/v1/public/agencies/${slug}/results.csv`,
    agencyJson: (slug: string) => `/api/v1/public/agencies/${slug}/results.json`,
    reportCsv: (slug: string, year: number) => `/api/v1/public/reports/${slug}/${year}/report.csv`,
    reportPdf: (slug: string, year: number) => `/api/v1/public/reports/${slug}/${year}/report.pdf`,
    reportingRecordsCsv: '/api/v1/public/reporting-records.csv',
    reportingRecordsJson: '/api/v1/public/reporting-records.json',
  },
} as const;
