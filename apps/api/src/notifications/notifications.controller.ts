import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  NotificationKindBody,
  NotificationSettingsBody,
  OutboxMessageBody,
  ReminderRunBody,
} from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission, SignedIn } from '../auth/permission.decorator.js';
import { NotificationKindsDto, NotificationSettingsDto, OutboxQueryDto } from './dto/notifications.dto.js';
import { NotificationsService } from './notifications.service.js';
import { Returns } from '../openapi/returns.decorator.js';

/** Each user's choice of messages; the administrators' switches, outbox and "run today's job now". */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Returns('NotificationSettingsBody')
  @SignedIn()
  @Get('settings')
  settings(@Auth() auth: AuthContext): Promise<NotificationSettingsBody> {
    return this.notifications.settings(auth);
  }

  @Returns('NotificationSettingsBody')
  @SignedIn()
  @Put('settings')
  updateSettings(@Auth() auth: AuthContext, @Body() dto: NotificationSettingsDto): Promise<NotificationSettingsBody> {
    return this.notifications.updateSettings(auth, dto);
  }

  @Returns('NotificationKindBody', 'array')
  @Permission('users:manage')
  @Get('kinds')
  kinds(): Promise<NotificationKindBody[]> {
    return this.notifications.kinds();
  }

  @Returns('NotificationKindBody', 'array')
  @Permission('users:manage')
  @Put('kinds')
  updateKinds(@Auth() auth: AuthContext, @Body() dto: NotificationKindsDto): Promise<NotificationKindBody[]> {
    return this.notifications.updateKinds(auth, dto);
  }

  @Returns('OutboxMessageBody', 'array')
  @Permission('users:manage')
  @Get('outbox')
  outbox(@Query() query: OutboxQueryDto): Promise<OutboxMessageBody[]> {
    return this.notifications.outbox(query);
  }

  @Returns('ReminderRunBody')
  @Permission('users:manage')
  @Post('run')
  @HttpCode(200)
  run(@Auth() auth: AuthContext): Promise<ReminderRunBody> {
    return this.notifications.runNow(auth);
  }
}
