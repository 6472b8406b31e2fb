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
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../../common/slug.js';
import {
  OneOf,
  OptionalBoolean,
  OptionalOneOf,
  OptionalText,
  OptionalTextUpTo,
  OptionalUuid,
  TextField,
  UuidField,
} from '../../common/fields.js';

export class ChannelDetailDto implements ChannelDetailRequest {
  @OneOf(CHANNELS, { example: 'phone' })
  channel!: Channel;

  @TextField(2, 300, { example: 'Monday to Friday, 8 a.m. to 8 p.m. Eastern' })
  hours!: string;

  @TextField(2, 500, { example: 'Call 1-877-487-2778 (TTY 1-888-874-7793)' })
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

  @OptionalText(5, 500, { example: 'Customer Service, 1111 19th Street NW, Washington, DC 20036' })
  address?: string | null;

  @ApiPropertyOptional({ description: 'Working days to an answer.', example: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  responseDays?: number | null;

  @OptionalText(5, 2000, { example: 'Ask for a review by a supervisor within 30 days of the decision.' })
  appeal?: string | null;
}

export class CreateServiceDto implements CreateServiceRequest {
  @UuidField({ description: 'The agency (department or bureau) that provides the service.' })
  agencyId!: string;

  @TextField(2, 200, { example: 'Passport renewal' })
  name!: string;

  @ApiProperty({ example: 'passport-renewal' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @Length(1, 80)
  slug!: string;

  @OptionalTextUpTo(2000, { example: 'Renew a US passport by mail or online.' })
  description?: string | null;

  @OptionalTextUpTo(2000, {
    example: 'US citizens renewing an adult passport.',
    description: 'Who the service serves.',
  })
  customers?: string | null;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, example: ['mail', 'online'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  @OptionalBoolean({ description: 'A High Impact Service Provider (HISP) service.', default: false })
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
  @OptionalUuid({ description: 'Only the services of this agency.' })
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Only HISP services (true) or only the others (false).' })
  @IsOptional()
  @Transform(({ value }) => parseBooleanQuery(value))
  @IsBoolean()
  hisp?: boolean;

  @OptionalOneOf(CHANNELS, { description: 'Only the services offered through this channel.' })
  channel?: Channel;

  @OptionalText(1, 100, { description: 'Words in the name.' })
  q?: string;

  @OptionalOneOf(SERVICE_SORTS, { default: 'name' })
  sort: (typeof SERVICE_SORTS)[number] = 'name';
}

/** A query string carries text: only 'true' and 'false' become booleans; anything else fails @IsBoolean. */
function parseBooleanQuery(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
