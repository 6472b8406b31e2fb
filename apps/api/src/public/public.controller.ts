import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/permission.decorator.js';
import { NotFoundAppException } from '../common/errors/app.exception.js';
import { PublicCache } from './public-cache.service.js';
import { planPdf } from './plan-pdf.js';
import { CX_COLUMNS, cxRecords, reportCsv, reportPdf, toCsv } from './public-files.js';
import { PublicService, type PublicResultRecord } from './public.service.js';
import { sendCached } from './send-cached.js';
import { Returns, ReturnsFile } from '../openapi/returns.decorator.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';
const RECORD_COLUMNS: (keyof PublicResultRecord)[] = [
  'agency',
  'agency_name',
  'service',
  'standard_id',
  'standard_code',
  'standard_url',
  'standard_title',
  'dimension',
  'unit',
  'direction',
  'period',
  'period_start',
  'period_end',
  'fiscal_year',
  'channel',
  'value',
  'numerator',
  'denominator',
  'sample_size',
  'ci95_lower',
  'ci95_upper',
  'target',
  'status',
  'within_margin_of_error',
  'source',
  'data_quality_note',
  'explanation_why',
  'explanation_action',
  'revision',
  'certified_at',
];

/** What the public API offers, with addresses: also the cheapest route of the server (the benchmark's ceiling). */
const INDEX = JSON.stringify({
  description:
    'Published customer service standards and certified results. Every answer carries an ETag and Cache-Control; /data.json lists the datasets (DCAT-US 1.1).',
  links: {
    home: '/api/v1/public/home?q=',
    agencies: '/api/v1/public/agencies',
    contacts: '/api/v1/public/contacts',
    agency: '/api/v1/public/agencies/{slug}',
    reportingRecords: ['/api/v1/public/reporting-records.csv', '/api/v1/public/reporting-records.json'],
    agencyResults: ['/api/v1/public/agencies/{slug}/results.csv', '/api/v1/public/agencies/{slug}/results.json'],
    service: '/api/v1/public/services/{slug}',
    serviceCustomerFeedback: ['/api/v1/public/services/{slug}/cx.csv', '/api/v1/public/services/{slug}/cx.json'],
    standard: '/api/v1/public/agencies/{slug}/standards/{code}',
    standardResults: [
      '/api/v1/public/agencies/{slug}/standards/{code}/results.csv',
      '/api/v1/public/agencies/{slug}/standards/{code}/results.json',
    ],
    embed: '/api/v1/public/embed/agencies/{slug}/standards/{code}',
    standardById: '/api/v1/public/standards/{id}',
    report: '/api/v1/public/reports/{agencySlug}/{fiscalYear}',
    plan: [
      '/api/v1/public/agencies/{slug}/plans/{fiscalYear}',
      '/api/v1/public/agencies/{slug}/plans/{fiscalYear}/plan.pdf',
    ],
    reportFiles: [
      '/api/v1/public/reports/{agencySlug}/{fiscalYear}/report.csv',
      '/api/v1/public/reports/{agencySlug}/{fiscalYear}/report.pdf',
    ],
    catalog: '/data.json',
  },
});

const REPORTING_RECORD_COLUMNS = [
  'rank',
  'agency',
  'agency_name',
  'quarters',
  'results_due',
  'published_on_time',
  'published_late',
  'not_published',
  'share_on_time',
] as const;

const json = (value: unknown) => ({ body: JSON.stringify(value), type: JSON_TYPE });

/** One answer of the public API: what it is cached under, how it is made, and the file name of a download. */
type Answer = { key: string; produce: () => Promise<{ body: string | Buffer; type: string }>; attachment?: string };

const asJson = (key: string, value: () => Promise<unknown>): Answer => ({
  key,
  produce: async () => json(await value()),
});

const asFile = (
  key: string,
  attachment: string,
  type: typeof CSV_TYPE | 'application/pdf',
  body: () => Promise<string | Buffer>,
): Answer => ({ key, attachment, produce: async () => ({ body: await body(), type }) });

/** Result records as a CSV download or as JSON, the two forms of every results address. */
const asRecords = (
  format: 'csv' | 'json',
  key: string,
  attachment: string,
  records: () => Promise<PublicResultRecord[]>,
): Answer =>
  format === 'csv'
    ? asFile(`${key}:csv`, attachment, CSV_TYPE, async () => toCsv(RECORD_COLUMNS, await records()))
    : asJson(`${key}:json`, records);

const OBJECTS = { type: 'array', items: { type: 'object' } };

/** The public data API: no sign-in, only published standards and certified results, cached with ETags. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    private readonly pub: PublicService,
    private readonly cache: PublicCache,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The addresses of the public API.' })
  @Returns({ type: 'object', required: ['description', 'links'] })
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, {
      key: 'api:index',
      produce: () => Promise.resolve({ body: INDEX, type: JSON_TYPE }),
    });
  }

  @Get('home')
  @ApiOkResponse({ description: 'Government-wide summary for the current fiscal year, and search (q).' })
  @Returns('PublicHome')
  home(@Query('q') q: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = typeof q === 'string' ? q.trim().slice(0, 100) : '';
    return this.send(
      request,
      reply,
      asJson(`api:home:${query}`, () => this.pub.home(query)),
    );
  }

  @Get('agencies')
  @Returns(OBJECTS)
  agencies(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asJson('api:agencies', async () =>
        (await this.pub.agencyList()).map(({ slug, name, abbreviation, websiteUrl }) => ({
          slug,
          name,
          abbreviation,
          websiteUrl,
        })),
      ),
    );
  }

  @Get('contacts')
  @ApiOkResponse({ description: 'Whom to write to about each agency’s data and pages.' })
  @Returns('PublicContacts')
  contacts(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asJson('api:contacts', () => this.pub.contacts()),
    );
  }

  @Get('reporting-records.csv')
  @ApiOkResponse({ description: "Each agency's reporting record over the last four quarters, best first." })
  @ReturnsFile('text/csv')
  recordsCsv(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asFile('api:records-csv', 'reporting-records.csv', CSV_TYPE, async () =>
        toCsv(REPORTING_RECORD_COLUMNS, await this.pub.reportingRecordRows()),
      ),
    );
  }

  @Get('reporting-records.json')
  @Returns(OBJECTS)
  recordsJson(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asJson('api:records-json', () => this.pub.reportingRecordRows()),
    );
  }

  @Get('agencies/:slug')
  @Returns('PublicAgency')
  agency(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:agency:${slug}`, () => this.pub.agency(slug)),
    );
  }

  @Get('agencies/:slug/results.csv')
  @ReturnsFile('text/csv')
  agencyCsv(
    @Param('slug') slug: string,
    @Query('bureaus') bureaus: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, this.agencyRecords('csv', slug, bureaus, request));
  }

  @Get('agencies/:slug/results.json')
  @Returns(OBJECTS)
  agencyJson(
    @Param('slug') slug: string,
    @Query('bureaus') bureaus: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, this.agencyRecords('json', slug, bureaus, request));
  }

  @Get('agencies/:slug/plans/:fiscalYear')
  @ApiOkResponse({ description: "The agency's published Customer Service Plan for the fiscal year." })
  @Returns('PublicPlan')
  plan(
    @Param('slug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:plan:${slug}:${year}`, () => this.planOf(slug, year)),
    );
  }

  @Get('agencies/:slug/plans/:fiscalYear/plan.pdf')
  @ReturnsFile('application/pdf')
  planPdf(
    @Param('slug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const url = `${baseOf(request)}/agencies/${slug}/plans/${year}`;
    return this.send(
      request,
      reply,
      asFile(
        `api:plan-pdf:${slug}:${year}`,
        `${slug}-fy${year}-customer-service-plan.pdf`,
        'application/pdf',
        async () => planPdf(await this.planOf(slug, year), url),
      ),
    );
  }

  @Get('services/:slug')
  @Returns('PublicService')
  service(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:service:${slug}`, () => this.pub.service(slug)),
    );
  }

  @Get('services/:slug/cx.json')
  @ApiOkResponse({ description: "A service's published customer feedback collections (no free text)." })
  @Returns('PublicCxSection')
  serviceCx(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:service-cx:${slug}`, () => this.pub.serviceCx(slug)),
    );
  }

  @Get('services/:slug/cx.csv')
  @ReturnsFile('text/csv')
  serviceCxCsv(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asFile(`api:service-cx-csv:${slug}`, `${slug}-customer-feedback.csv`, CSV_TYPE, async () =>
        toCsv(CX_COLUMNS, cxRecords(await this.pub.serviceCx(slug))),
      ),
    );
  }

  @Get('standards/:id')
  @Returns('PublicStandard')
  standard(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:standard:${id}`, () => this.pub.standard(id)),
    );
  }

  @Get('standards/:id/results.csv')
  @ReturnsFile('text/csv')
  standardCsv(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, this.standardRecords('csv', id, `standard-${id}-results.csv`, request));
  }

  @Get('standards/:id/results.json')
  @Returns(OBJECTS)
  standardJson(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, this.standardRecords('json', id, '', request));
  }

  // A standard by its readable address: its agency and its code (the addresses the site and data.json use).

  @Get('agencies/:slug/standards/:code')
  @Returns('PublicStandard')
  standardAt(
    @Param('slug') slug: string,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:standard-at:${slug}/${code}`, async () => this.pub.standard(await this.pub.standardIdAt(slug, code))),
    );
  }

  @Get('agencies/:slug/standards/:code/results.csv')
  @ReturnsFile('text/csv')
  standardCsvAt(
    @Param('slug') slug: string,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, this.standardRecordsAt('csv', slug, code, request));
  }

  @Get('agencies/:slug/standards/:code/results.json')
  @Returns(OBJECTS)
  standardJsonAt(
    @Param('slug') slug: string,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, this.standardRecordsAt('json', slug, code, request));
  }

  @Get('embed/agencies/:slug/standards/:code')
  @Returns('PublicEmbed')
  embedAt(
    @Param('slug') slug: string,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:embed-at:${slug}/${code}`, async () => this.pub.embed(await this.pub.standardIdAt(slug, code))),
    );
  }

  @Get('embed/standards/:id')
  @Returns('PublicEmbed')
  embed(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:embed:${id}`, () => this.pub.embed(id)),
    );
  }

  @Get('reports/:agencySlug/:fiscalYear')
  @Returns('PublicReport')
  report(
    @Param('agencySlug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      asJson(`api:report:${slug}:${year}`, () => this.reportOf(slug, year)),
    );
  }

  @Get('reports/:agencySlug/:fiscalYear/report.csv')
  @ReturnsFile('text/csv')
  reportCsv(
    @Param('agencySlug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      asFile(`api:report-csv:${slug}:${year}`, `${slug}-fy${year}-report.csv`, CSV_TYPE, async () =>
        reportCsv(await this.reportOf(slug, year)),
      ),
    );
  }

  @Get('reports/:agencySlug/:fiscalYear/report.pdf')
  @ReturnsFile('application/pdf')
  reportPdf(
    @Param('agencySlug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const url = `${baseOf(request)}/reports/${slug}/${year}`;
    return this.send(
      request,
      reply,
      asFile(`api:report-pdf:${slug}:${year}`, `${slug}-fy${year}-report.pdf`, 'application/pdf', async () =>
        reportPdf(await this.reportOf(slug, year), url),
      ),
    );
  }

  @Get('data.json')
  @ApiOkResponse({ description: 'The open data catalog (DCAT-US 1.1), also at /data.json.' })
  @Returns({ type: 'object' })
  catalog(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return sendCatalog(this.pub, this.cache, request, reply);
  }

  private planOf(slug: string, year: string) {
    return this.pub.plan(slug, fiscalYearParam(slug, year, 'Customer Service Plan'));
  }

  private reportOf(slug: string, year: string) {
    return this.pub.report(slug, fiscalYearParam(slug, year));
  }

  private agencyRecords(format: 'csv' | 'json', slug: string, bureaus: unknown, request: FastifyRequest): Answer {
    const scope = bureausScope(bureaus);
    const base = baseOf(request);
    return asRecords(format, `api:agency-results:${slug}:${scope.bureaus}:${base}`, `${slug}-results.csv`, () =>
      this.pub.agencyRecords(slug, base, scope),
    );
  }

  private standardRecords(format: 'csv' | 'json', id: string, attachment: string, request: FastifyRequest): Answer {
    const base = baseOf(request);
    return asRecords(format, `api:standard-results:${id}:${base}`, attachment, () =>
      this.pub.standardRecords(id, base),
    );
  }

  private standardRecordsAt(format: 'csv' | 'json', slug: string, code: string, request: FastifyRequest): Answer {
    const base = baseOf(request);
    return asRecords(
      format,
      `api:standard-results-at:${slug}/${code}:${base}`,
      `${slug}-${code}-results.csv`,
      async () => this.pub.standardRecords(await this.pub.standardIdAt(slug, code), base),
    );
  }

  /** Answers from the cache (made once per key until published data changes), with its ETag. */
  private async send(request: FastifyRequest, reply: FastifyReply, answer: Answer): Promise<void> {
    const entry = await this.cache.get(answer.key, answer.produce);
    if (answer.attachment)
      reply.header('Content-Disposition', `attachment; filename="${answer.attachment.replace(/[^\w.-]/g, '_')}"`);
    sendCached(request, reply, entry);
  }
}

/** The DCAT-US catalog, for /data.json and /api/v1/public/data.json. Addresses are absolute, for harvesters. */
export async function sendCatalog(
  pub: PublicService,
  cache: PublicCache,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const base = baseOf(request);
  const entry = await cache.get(`catalog:${base}`, async () => json(await pub.catalog(base)));
  sendCached(request, reply, entry);
}

/** `?bureaus=exclude`: the agency's own standards only (what data.json links to); anything else includes them. */
function bureausScope(value: unknown): { bureaus: boolean } {
  return { bureaus: value !== 'exclude' };
}

/** This server's address as the client reached it, for absolute links in open data files. */
function baseOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The fiscal year in an address of an agency's yearly document (its report, its plan); 404 naming it when not a year. */
function fiscalYearParam(slug: string, value: string, what = 'Annual report'): number {
  if (!/^\d{4}$/.test(value)) throw new NotFoundAppException(what, `${slug}/${value}`);
  return Number(value);
}
