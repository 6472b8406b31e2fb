import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CHANNELS, type Channel } from '@yardstick/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug.js';

export class CreateServiceDto {
  @ApiProperty({ description: 'The agency (department or bureau) that provides the service.' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ example: 'Passport renewal' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ example: 'passport-renewal' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @Length(1, 80)
  slug!: string;

  @ApiPropertyOptional({ example: 'Renew a US passport by mail or online.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ example: 'US citizens renewing an adult passport.', description: 'Who the service serves.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  customers?: string | null;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, example: ['mail', 'online'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  @ApiPropertyOptional({ description: 'A High Impact Service Provider (HISP) service.', default: false })
  @IsOptional()
  @IsBoolean()
  hisp?: boolean;

  @ApiPropertyOptional({ example: 'https://travel.state.gov/renew' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  publicUrl?: string | null;
}

export class UpdateServiceDto extends PartialType(CreateServiceDto) {}

export const SERVICE_SORTS = ['name', 'createdAt'] as const;

export class ListServicesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the services of this agency.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Only HISP services (true) or only the others (false).' })
  @IsOptional()
  @Transform(({ value }) => parseBooleanQuery(value))
  @IsBoolean()
  hisp?: boolean;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'Only the services offered through this channel.' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ description: 'Words in the name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: SERVICE_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(SERVICE_SORTS)
  sort: (typeof SERVICE_SORTS)[number] = 'name';
}

/** A query string carries text: only 'true' and 'false' become booleans; anything else fails @IsBoolean. */
function parseBooleanQuery(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
