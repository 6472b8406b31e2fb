import { ApiPropertyOptional } from '@nestjs/swagger';
import { DIRECTIONS, type Direction, type ImportQuery } from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CX_IMPORT_FORMATS, type CxImportFormat } from '../../cx/cx-import.js';
import { IMPORT_MODES, type ImportMode } from '../entities/import-batch.entity.js';
import { IMPORT_FORMATS, type ImportFormat } from '../formats/types.js';
import { TRANSACTIONS_FORMAT } from '../../transactions/transactions-format.js';

const FORMATS = [...IMPORT_FORMATS, ...CX_IMPORT_FORMATS, TRANSACTIONS_FORMAT] as const;

export class ImportQueryDto implements ImportQuery {
  @ApiPropertyOptional({
    enum: FORMATS,
    default: 'yardstick',
    description:
      "yardstick: Yardstick's results template; gc-service-standards: the Government of Canada ss.csv; performance-gov-apr: an annual performance report file; employee-feedback: front-line employee survey themes; a11-responses: an FY2024+ A-11 per-response file (Touchpoints); a11-question-counts: FY2019-23 answer counts; performance-gov-hisp: performance.gov's HISP volumes or average scores; transactions: a service's transactions (CSV or gzip CSV, with serviceId)",
  })
  @IsOptional()
  @IsIn(FORMATS)
  format: ImportFormat | CxImportFormat | typeof TRANSACTIONS_FORMAT = 'yardstick';

  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    default: 'atomic',
    description: 'atomic: any bad row and nothing is written; partial: good rows kept; dry-run: nothing written',
  })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode: ImportMode = 'atomic';

  @ApiPropertyOptional({
    description: 'An id you choose (a UUID) for the batch, to follow its progress with GET /imports/:id while it runs.',
  })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({ description: 'performance-gov-apr: the abbreviation of the agency the file reports for.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  agency?: string;

  @ApiPropertyOptional({
    enum: DIRECTIONS,
    description: 'performance-gov-apr: the direction of KPIs whose Desired Direction is blank (else they are errors).',
  })
  @IsOptional()
  @IsIn(DIRECTIONS)
  blankDirection?: Direction;

  // The customer feedback formats' parameters: the service, and for a per-response file its quarter and channel.
  @ApiPropertyOptional({
    description:
      'a11-*, performance-gov-hisp: the service the surveys are of; transactions: the service the file is for.',
  })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ description: 'a11-responses: the fiscal year (2024 on).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2019)
  @Max(2100)
  fiscalYear?: number;

  @ApiPropertyOptional({ description: 'a11-responses: the fiscal quarter, 1 to 4.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @ApiPropertyOptional({
    description: 'a11-responses, performance-gov-hisp: the channel the survey was offered through.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  channel?: string;

  @ApiPropertyOptional({
    enum: ['thumbs', 'likert'],
    description:
      'a11-responses: how trust was asked (thumbs 1/0, or 1-5); a new survey of the quarter defaults to thumbs.',
  })
  @IsOptional()
  @IsString()
  surveyType?: string;
}
