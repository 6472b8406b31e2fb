import { ApiPropertyOptional } from '@nestjs/swagger';
import { DIRECTIONS, type Direction } from '@yardstick/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IMPORT_MODES, type ImportMode } from '../entities/import-batch.entity.js';
import { IMPORT_FORMATS, type ImportFormat } from '../formats/types.js';
import { TRANSACTIONS_FORMAT } from '../../transactions/transactions-format.js';

const FORMATS = [...IMPORT_FORMATS, TRANSACTIONS_FORMAT] as const;

export class ImportQueryDto {
  @ApiPropertyOptional({
    enum: FORMATS,
    default: 'yardstick',
    description:
      "yardstick: Yardstick's results template; gc-service-standards: the Government of Canada ss.csv; performance-gov-apr: an annual performance report file; transactions: a service's transactions (CSV or gzip CSV, with serviceId)",
  })
  @IsOptional()
  @IsIn(FORMATS)
  format: ImportFormat | typeof TRANSACTIONS_FORMAT = 'yardstick';

  @ApiPropertyOptional({ description: 'transactions: the id of the service the file is for.' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

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
}
