import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { AuditService } from './audit.service.js';
import type { AuditEventBody } from './audit.types.js';
import { ListAuditEventsQueryDto } from './dto/list-audit-events.dto.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Returns('AuditEventBody', 'page')
  @Get()
  @Permission('audit:read')
  list(@Auth() auth: AuthContext, @Query() query: ListAuditEventsQueryDto): Promise<Page<AuditEventBody>> {
    return this.audit.list(auth, query);
  }
}
