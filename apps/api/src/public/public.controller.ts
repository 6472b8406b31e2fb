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
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, 'api:index', () => Promise.resolve({ body: INDEX, type: JSON_TYPE }));
  }

  @Get('home')
  @ApiOkResponse({ description: 'Government-wide summary for the current fiscal year, and search (q).' })
  home(@Query('q') q: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = typeof q === 'string' ? q.trim().slice(0, 100) : '';
    return this.send(request, reply, `api:home:${query}`, async () => json(await this.pub.home(query)));
  }

  @Get('agencies')
  agencies(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, 'api:agencies', async () =>
      json(
        (await this.pub.agencyList()).map((a) => ({
          slug: a.slug,
          name: a.name,
          abbreviation: a.abbreviation,
          websiteUrl: a.websiteUrl,
        })),
      ),
    );
  }

  @Get('contacts')
  @ApiOkResponse({ description: 'Whom to write to about each agency’s data and pages.' })
  contacts(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, 'api:contacts', async () => json(await this.pub.contacts()));
  }

  @Get('reporting-records.csv')
  @ApiOkResponse({ description: "Each agency's reporting record over the last four quarters, best first." })
  recordsCsv(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      'api:records-csv',
      async () => ({ body: toCsv(REPORTING_RECORD_COLUMNS, await this.pub.reportingRecordRows()), type: CSV_TYPE }),
      'reporting-records.csv',
    );
  }

  @Get('reporting-records.json')
  recordsJson(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, 'api:records-json', async () => json(await this.pub.reportingRecordRows()));
  }

  @Get('agencies/:slug')
  agency(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, `api:agency:${slug}`, async () => json(await this.pub.agency(slug)));
  }

  @Get('agencies/:slug/results.csv')
  agencyCsv(
    @Param('slug') slug: string,
    @Query('bureaus') bureaus: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const scope = bureausScope(bureaus);
    return this.send(
      request,
      reply,
      `api:agency-csv:${slug}:${scope.bureaus}:${baseOf(request)}`,
      async () => ({
        body: toCsv(RECORD_COLUMNS, await this.pub.agencyRecords(slug, baseOf(request), scope)),
        type: CSV_TYPE,
      }),
      `${slug}-results.csv`,
    );
  }

  @Get('agencies/:slug/results.json')
  agencyJson(
    @Param('slug') slug: string,
    @Query('bureaus') bureaus: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const scope = bureausScope(bureaus);
    return this.send(request, reply, `api:agency-json:${slug}:${scope.bureaus}:${baseOf(request)}`, async () =>
      json(await this.pub.agencyRecords(slug, baseOf(request), scope)),
    );
  }

  @Get('agencies/:slug/plans/:fiscalYear')
  @ApiOkResponse({ description: "The agency's published Customer Service Plan for the fiscal year." })
  plan(
    @Param('slug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, `api:plan:${slug}:${year}`, async () =>
      json(await this.pub.plan(slug, fiscalYearParam(slug, year, 'Customer Service Plan'))),
    );
  }

  @Get('agencies/:slug/plans/:fiscalYear/plan.pdf')
  planPdf(
    @Param('slug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      `api:plan-pdf:${slug}:${year}`,
      async () => {
        const plan = await this.pub.plan(slug, fiscalYearParam(slug, year, 'Customer Service Plan'));
        const url = `${request.protocol}://${request.host}/agencies/${slug}/plans/${year}`;
        return { body: await planPdf(plan, url), type: 'application/pdf' };
      },
      `${slug}-fy${year}-customer-service-plan.pdf`,
    );
  }

  @Get('services/:slug')
  service(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, `api:service:${slug}`, async () => json(await this.pub.service(slug)));
  }

  @Get('services/:slug/cx.json')
  @ApiOkResponse({ description: "A service's published customer feedback collections (no free text)." })
  serviceCx(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, `api:service-cx:${slug}`, async () => json(await this.pub.serviceCx(slug)));
  }

  @Get('services/:slug/cx.csv')
  serviceCxCsv(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      `api:service-cx-csv:${slug}`,
      async () => ({ body: toCsv(CX_COLUMNS, cxRecords(await this.pub.serviceCx(slug))), type: CSV_TYPE }),
      `${slug}-customer-feedback.csv`,
    );
  }

  @Get('standards/:id')
  standard(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, `api:standard:${id}`, async () => json(await this.pub.standard(id)));
  }

  @Get('standards/:id/results.csv')
  standardCsv(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(
      request,
      reply,
      `api:standard-csv:${id}:${baseOf(request)}`,
      async () => ({
        body: toCsv(RECORD_COLUMNS, await this.pub.standardRecords(id, baseOf(request))),
        type: CSV_TYPE,
      }),
      `standard-${id}-results.csv`,
    );
  }

  @Get('standards/:id/results.json')
  standardJson(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, `api:standard-json:${id}:${baseOf(request)}`, async () =>
      json(await this.pub.standardRecords(id, baseOf(request))),
    );
  }

  // A standard by its readable address: its agency and its code (the addresses the site and data.json use).

  @Get('agencies/:slug/standards/:code')
  standardAt(
    @Param('slug') slug: string,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, `api:standard-at:${slug}/${code}`, async () =>
      json(await this.pub.standard(await this.pub.standardIdAt(slug, code))),
    );
  }

  @Get('agencies/:slug/standards/:code/results.csv')
  standardCsvAt(
    @Param('slug') slug: string,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      `api:standard-csv-at:${slug}/${code}:${baseOf(request)}`,
      async () => ({
        body: toCsv(
          RECORD_COLUMNS,
          await this.pub.standardRecords(await this.pub.standardIdAt(slug, code), baseOf(request)),
        ),
        type: CSV_TYPE,
      }),
      `${slug}-${code}-results.csv`,
    );
  }

  @Get('agencies/:slug/standards/:code/results.json')
  standardJsonAt(
    @Param('slug') slug: string,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, `api:standard-json-at:${slug}/${code}:${baseOf(request)}`, async () =>
      json(await this.pub.standardRecords(await this.pub.standardIdAt(slug, code), baseOf(request))),
    );
  }

  @Get('embed/agencies/:slug/standards/:code')
  embedAt(
    @Param('slug') slug: string,
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, `api:embed-at:${slug}/${code}`, async () =>
      json(await this.pub.embed(await this.pub.standardIdAt(slug, code))),
    );
  }

  @Get('embed/standards/:id')
  embed(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.send(request, reply, `api:embed:${id}`, async () => json(await this.pub.embed(id)));
  }

  @Get('reports/:agencySlug/:fiscalYear')
  report(
    @Param('agencySlug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(request, reply, `api:report:${slug}:${year}`, async () =>
      json(await this.pub.report(slug, fiscalYearParam(slug, year))),
    );
  }

  @Get('reports/:agencySlug/:fiscalYear/report.csv')
  reportCsv(
    @Param('agencySlug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      `api:report-csv:${slug}:${year}`,
      async () => ({
        body: reportCsv(await this.pub.report(slug, fiscalYearParam(slug, year))),
        type: CSV_TYPE,
      }),
      `${slug}-fy${year}-report.csv`,
    );
  }

  @Get('reports/:agencySlug/:fiscalYear/report.pdf')
  reportPdf(
    @Param('agencySlug') slug: string,
    @Param('fiscalYear') year: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send(
      request,
      reply,
      `api:report-pdf:${slug}:${year}`,
      async () => {
        const report = await this.pub.report(slug, fiscalYearParam(slug, year));
        const url = `${request.protocol}://${request.host}/reports/${slug}/${year}`;
        return { body: await reportPdf(report, url), type: 'application/pdf' };
      },
      `${slug}-fy${year}-report.pdf`,
    );
  }

  @Get('data.json')
  @ApiOkResponse({ description: 'The open data catalog (DCAT-US 1.1), also at /data.json.' })
  catalog(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return sendCatalog(this.pub, this.cache, request, reply);
  }

  private async send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    produce: () => Promise<{ body: string | Buffer; type: string }>,
    attachment?: string,
  ): Promise<void> {
    const entry = await this.cache.get(key, produce);
    if (attachment)
      reply.header('Content-Disposition', `attachment; filename="${attachment.replace(/[^\w.-]/g, '_')}"`);
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
