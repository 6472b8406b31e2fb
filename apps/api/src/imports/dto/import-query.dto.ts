import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IMPORT_MODES, type ImportMode } from '../entities/import-batch.entity.js';

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['yardstick'], default: 'yardstick' })
  @IsOptional()
  @IsIn(['yardstick'])
  format = 'yardstick' as const;

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
}
