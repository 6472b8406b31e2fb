import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthBody } from '@yardstick/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/permission.decorator.js';
import { HealthService } from './health.service.js';
import { Returns } from '../openapi/returns.decorator.js';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Returns('HealthBody')
  @Get()
  @Public()
  @ApiOkResponse({ description: 'The service and its database are up.' })
  @ApiServiceUnavailableResponse({ description: 'The database cannot be reached.' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthBody> {
    const body = await this.health.check();
    reply.status(body.status === 'up' ? 200 : 503).header('Cache-Control', 'no-store');
    return body;
  }
}
