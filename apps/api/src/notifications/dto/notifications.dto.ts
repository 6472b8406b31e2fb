import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_STATUSES,
  type NotificationDelivery,
  type NotificationStatus,
  type NotificationSettingsRequest,
  type NotificationKindsRequest,
  type OutboxQuery,
} from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalBoolean, OptionalOneOf } from '../../common/fields.js';

const deliveryMessage = { message: `must be one of ${NOTIFICATION_DELIVERIES.join(', ')}` };

/** A user's choices, by kind; a kind left out keeps its current choice. */
export class NotificationSettingsDto implements NotificationSettingsRequest {
  @ApiPropertyOptional({ enum: NOTIFICATION_DELIVERIES })
  @IsOptional()
  @IsIn(NOTIFICATION_DELIVERIES, deliveryMessage)
  officer_reminder?: NotificationDelivery;

  @ApiPropertyOptional({ enum: NOTIFICATION_DELIVERIES })
  @IsOptional()
  @IsIn(NOTIFICATION_DELIVERIES, deliveryMessage)
  approver_digest?: NotificationDelivery;

  @ApiPropertyOptional({ enum: NOTIFICATION_DELIVERIES })
  @IsOptional()
  @IsIn(NOTIFICATION_DELIVERIES, deliveryMessage)
  manager_summary?: NotificationDelivery;
}

/** An administrator's switches, by kind: false turns the kind off for everyone. */
export class NotificationKindsDto implements NotificationKindsRequest {
  @OptionalBoolean()
  officer_reminder?: boolean;

  @OptionalBoolean()
  approver_digest?: boolean;

  @OptionalBoolean()
  manager_summary?: boolean;
}

export class OutboxQueryDto implements OutboxQuery {
  @OptionalOneOf(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
