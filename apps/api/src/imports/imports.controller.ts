import { Controller, Get, Header, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ImportBatchBody } from '@yardstick/contracts';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { AppException } from '../common/errors/app.exception.js';
import { ImportQueryDto } from './dto/import-query.dto.js';
import { YARDSTICK_TEMPLATE_COLUMNS } from './formats/index.js';
import { ImportsService, jsonRowsAsCsv } from './imports.service.js';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /**
   * A results file (multipart field `file`, CSV or XLSX) or a JSON array, in Yardstick's template; or a
   * Government of Canada service standards file, or a performance.gov APR file (CSV or XLSX).
   */
  @Post()
  @Permission('results:write')
  @ApiConsumes('multipart/form-data')
  async create(
    @Auth() auth: AuthContext,
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
  ): Promise<ImportBatchBody> {
    if (request.headers['content-type']?.startsWith('application/json')) {
      return this.imports.importFile(
        auth,
        { stream: jsonRowsAsCsv(request.body), kind: 'csv', fileName: null, itemNumbers: true },
        query,
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
    const kind =
      /\.xlsx$/i.test(part.filename) || part.mimetype.includes('spreadsheetml')
        ? 'xlsx'
        : /\.(csv|txt)$/i.test(part.filename) || /csv|text\/plain/.test(part.mimetype)
          ? 'csv'
          : null;
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
        abandoned: () => request.raw.destroyed && !request.raw.complete,
      },
      query,
    );
  }

  @Get('template.csv')
  @Permission('results:write')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="yardstick-results-template.csv"')
  template(): string {
    return `${YARDSTICK_TEMPLATE_COLUMNS.map((c) => c.name).join(',')}\n`;
  }

  @Get('template.xlsx')
  @Permission('results:write')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="yardstick-results-template.xlsx"')
  async templateXlsx(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Results').addRow(YARDSTICK_TEMPLATE_COLUMNS.map((c) => c.name));
    const columns = workbook.addWorksheet('Columns');
    columns.addRow(['column', 'what it holds']);
    for (const column of YARDSTICK_TEMPLATE_COLUMNS) columns.addRow([column.name, column.description]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** The errors of an import as CSV, to fix the file line by line. */
  @Get(':id/errors.csv')
  @Permission('results:write')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async errorsCsv(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    const batch = await this.imports.get(auth, id);
    const rows = batch.errors.map((e) => [e.line, e.sheet, e.cell, e.column, e.value, e.reason].map(csvCell).join(','));
    return ['line,sheet,cell,column,value,reason', ...rows].join('\n') + '\n';
  }

  @Get(':id')
  @Permission('results:write')
  get(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ImportBatchBody> {
    return this.imports.get(auth, id);
  }
}

/** Quoted, and a cell that a spreadsheet would run as a formula (= + - @) is neutralised with a quote mark. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
