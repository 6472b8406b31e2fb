import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  CHANNELS,
  type Channel,
  type ChannelDetailRequest,
  type ComplaintRouteRequest,
  type CreateServiceRequest,
  type UpdateServiceRequest,
  type ListServicesQuery,
} from '@yardstick/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug.js';

export class ChannelDetailDto implements ChannelDetailRequest {
  @ApiProperty({ enum: CHANNELS, example: 'phone' })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ example: 'Monday to Friday, 8 a.m. to 8 p.m. Eastern' })
  @IsString()
  @Length(2, 300)
  hours!: string;

  @ApiProperty({ example: 'Call 1-877-487-2778 (TTY 1-888-874-7793)' })
  @IsString()
  @Length(2, 500)
  howToReach!: string;
}

/** A phone number as people write it: digits, spaces, dashes, dots, parentheses, a leading +, an extension. */
const PHONE = /^\+?[0-9()][0-9 ().-]{5,30}( (x|ext\.?) ?[0-9]{1,6})?$/;

export class ComplaintRouteDto implements ComplaintRouteRequest {
  @ApiPropertyOptional({ example: 'https://travel.state.gov/contact' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  url?: string | null;

  @ApiPropertyOptional({ example: '1-877-487-2778' })
  @IsOptional()
  @Matches(PHONE, { message: 'must be a phone number, e.g. 1-877-487-2778' })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'Customer Service, 1111 19th Street NW, Washington, DC 20036' })
  @IsOptional()
  @IsString()
  @Length(5, 500)
  address?: string | null;

  @ApiPropertyOptional({ description: 'Working days to an answer.', example: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  responseDays?: number | null;

  @ApiPropertyOptional({ example: 'Ask for a review by a supervisor within 30 days of the decision.' })
  @IsOptional()
  @IsString()
  @Length(5, 2000)
  appeal?: string | null;
}

export class CreateServiceDto implements CreateServiceRequest {
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

  @ApiPropertyOptional({ type: [ChannelDetailDto], description: 'Hours and how to reach each channel offered.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @ValidateNested({ each: true })
  @Type(() => ChannelDetailDto)
  channelDetails?: ChannelDetailDto[];

  @ApiPropertyOptional({ type: ComplaintRouteDto, description: 'How to complain or appeal; null removes it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplaintRouteDto)
  complaints?: ComplaintRouteDto | null;
}

export class UpdateServiceDto extends PartialType(CreateServiceDto) implements UpdateServiceRequest {}

export const SERVICE_SORTS = ['name', 'createdAt'] as const;

export class ListServicesQueryDto extends PageQueryDto implements ListServicesQuery {
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
