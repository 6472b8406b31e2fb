import { Returns, ReturnsFile, XLSX_MEDIA } from '../openapi/returns.decorator.js';
import type { Readable } from 'node:stream';
import { Controller, Get, Header, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ImportBatchBody } from '@yardstick/contracts';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { AppException } from '../common/errors/app.exception.js';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { limitedStream, RAW_UPLOAD_TYPES } from '../transactions/raw-upload.js';
import { TRANSACTIONS_FORMAT } from '../transactions/transactions-format.js';
import { ImportQueryDto } from './dto/import-query.dto.js';
import { A11_COUNTS_COLUMNS } from '../cx/cx-formats.js';
import { EMPLOYEE_FEEDBACK_TEMPLATE_COLUMNS, YARDSTICK_TEMPLATE_COLUMNS, type ColumnDoc } from './formats/index.js';
import { ImportsService, jsonItems } from './imports.service.js';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A results file (multipart field `file`, CSV or XLSX) or a JSON array, in Yardstick's template; or a
   * Government of Canada service standards file, or a performance.gov APR file (CSV or XLSX).
   */
  @Post()
  @Permission('results:write')
  @ApiConsumes('multipart/form-data')
  @Returns('ImportBatchBody')
  async create(
    @Auth() auth: AuthContext,
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
  ): Promise<ImportBatchBody> {
    const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
    const gzipEncoded = /^(x-)?gzip$/i.test(String(request.headers['content-encoding'] ?? '').trim());
    if (RAW_UPLOAD_TYPES.includes(contentType)) {
      // A file sent as the body itself (transactions files only): text/csv, gzip-compressed or not.
      if (query.format !== TRANSACTIONS_FORMAT) {
        (request.body as Readable).resume();
        throw new AppException(415, 'unsupported_media_type', 'Only a transactions file may be sent as the body.', [
          { field: 'content-type', value: contentType, reason: 'send other files as multipart/form-data' },
        ]);
      }
      const { stream, truncated } = limitedStream(request.body as Readable, this.config.importMaxBytes);
      const size = Number(request.headers['content-length']);
      return this.imports.importFile(
        auth,
        {
          stream,
          kind: 'csv',
          fileName: null,
          size: Number.isSafeInteger(size) && size > 0 ? size : null,
          truncated,
          gzip: gzipEncoded || contentType !== 'text/csv',
        },
        query,
      );
    }
    if (query.format === TRANSACTIONS_FORMAT && contentType === 'application/json') {
      throw new AppException(415, 'unsupported_media_type', 'A transactions file is CSV: send it as a file.', [
        { field: 'content-type', reason: 'must be multipart/form-data or text/csv' },
      ]);
    }
    if (request.headers['content-type']?.startsWith('application/json')) {
      return this.imports.importFile(auth, { json: jsonItems(request.body), kind: 'csv', fileName: null }, query);
    }
    if (gzipEncoded) {
      throw new AppException(
        415,
        'unsupported_media_type',
        'Content-Encoding: gzip applies to a file sent as the body.',
        [
          {
            field: 'content-encoding',
            reason: 'send the gzip file as the body (Content-Type: text/csv), or in multipart as a .csv.gz file',
          },
        ],
      );
    }
    if (!request.isMultipart()) {
      throw new AppException(
        415,
        'unsupported_media_type',
        'Send a file as multipart/form-data in the field "file", or a JSON array of rows.',
        [{ field: 'content-type', reason: 'must be multipart/form-data' }],
      );
    }
    const part = await request.file();
    if (!part || part.fieldname !== 'file') {
      throw new AppException(400, 'validation_failed', 'The upload has no field "file".', [
        { field: 'file', reason: 'is required' },
      ]);
    }
    // Transactions files may come gzip-compressed: a .csv.gz file (or a gzip type).
    const gzip = /\.gz$/i.test(part.filename) || /gzip/.test(part.mimetype);
    if (gzip && query.format !== TRANSACTIONS_FORMAT) {
      part.file.resume();
      throw new AppException(415, 'unsupported_media_type', 'Only a transactions file may be gzip-compressed.', [
        { field: 'file', value: part.filename, reason: 'send results files uncompressed' },
      ]);
    }
    const kind = gzip
      ? 'csv'
      : /\.xlsx$/i.test(part.filename) || part.mimetype.includes('spreadsheetml')
        ? 'xlsx'
        : /\.(csv|txt)$/i.test(part.filename) || /csv|text\/plain/.test(part.mimetype)
          ? 'csv'
          : null;
    if (kind === 'xlsx' && query.format === TRANSACTIONS_FORMAT) {
      part.file.resume();
      throw new AppException(415, 'unsupported_media_type', 'A transactions file is CSV (or gzip CSV), not XLSX.', [
        { field: 'file', value: part.filename, reason: 'is not CSV' },
      ]);
    }
    if (!kind) {
      part.file.resume();
      throw new AppException(415, 'unsupported_media_type', 'Upload a CSV (.csv) or Excel (.xlsx) file.', [
        { field: 'file', value: part.filename, reason: 'is neither CSV nor XLSX' },
      ]);
    }
    // Past the size limit the stream just ends early (truncated): the service then writes nothing and answers 413.
    const size = Number(request.headers['content-length']);
    return this.imports.importFile(
      auth,
      {
        stream: part.file,
        kind,
        fileName: part.filename,
        size: Number.isSafeInteger(size) && size > 0 ? size : null,
        truncated: () => part.file.truncated,
        gzip,
        abandoned: () => request.raw.destroyed && !request.raw.complete,
      },
      query,
    );
  }

  @Get('template.csv')
  @Permission('results:write')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="yardstick-results-template.csv"')
  @ReturnsFile('text/csv')
  template(): string {
    return `${YARDSTICK_TEMPLATE_COLUMNS.map((c) => c.name).join(',')}\n`;
  }

  @Get('employee-feedback-template.csv')
  @Permission('results:write')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="yardstick-employee-feedback-template.csv"')
  @ReturnsFile('text/csv')
  employeeFeedbackTemplate(): string {
    return `${EMPLOYEE_FEEDBACK_TEMPLATE_COLUMNS.map((c) => c.name).join(',')}\n`;
  }

  @Get('template.xlsx')
  @Permission('results:write')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="yardstick-results-template.xlsx"')
  @ReturnsFile(XLSX_MEDIA)
  templateXlsx(): Promise<Buffer> {
    return templateWorkbook('Results', YARDSTICK_TEMPLATE_COLUMNS);
  }

  /** The FY2019-23 customer feedback answer counts template (format=a11-question-counts). */
  @Get('a11-question-counts-template.csv')
  @Permission('results:write')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="a11-question-counts-template.csv"')
  @ReturnsFile('text/csv')
  countsTemplate(): string {
    return `${A11_COUNTS_COLUMNS.map((c) => c.name).join(',')}\n`;
  }

  @Get('a11-question-counts-template.xlsx')
  @Permission('results:write')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="a11-question-counts-template.xlsx"')
  @ReturnsFile(XLSX_MEDIA)
  countsTemplateXlsx(): Promise<Buffer> {
    return templateWorkbook('Surveys', A11_COUNTS_COLUMNS);
  }

  /** The errors of an import as CSV, to fix the file line by line. */
  @Get(':id/errors.csv')
  @Permission('results:write')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ReturnsFile('text/csv')
  async errorsCsv(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    const batch = await this.imports.get(auth, id);
    const rows = batch.errors.map((e) =>
      [e.line, e.sheet, e.cell, e.column, e.value, e.reason, e.record, e.row].map(csvCell).join(','),
    );
    return ['line,sheet,cell,column,value,reason,record,row', ...rows].join('\n') + '\n';
  }

  @Get(':id')
  @Permission('results:write')
  @Returns('ImportBatchBody')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ImportBatchBody> {
    return this.imports.get(auth, id);
  }
}

/** A template workbook: a sheet with the header row, and a sheet that says what each column holds. */
async function templateWorkbook(sheet: string, docs: readonly ColumnDoc[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(sheet).addRow(docs.map((c) => c.name));
  const columns = workbook.addWorksheet('Columns');
  columns.addRow(['column', 'what it holds']);
  for (const column of docs) columns.addRow([column.name, column.description]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Quoted, and a cell that a spreadsheet would run as a formula (= + - @) is neutralised with a quote mark. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
