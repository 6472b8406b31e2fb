import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DueResultBody, PortfolioBody, StandardTrendBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { DueQueryDto, PortfolioQueryDto } from './dto/portfolio.dto.js';
import { PortfolioService } from './portfolio.service.js';
import { Returns } from '../openapi/returns.decorator.js';

/** Internal dashboards: status by agency, service and dimension; trends; results due and overdue. */
@ApiTags('portfolio')
@Controller('portfolio')
@Permission('registry:read')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Returns('PortfolioBody')
  @Get()
  get(@Auth() auth: AuthContext, @Query() query: PortfolioQueryDto): Promise<PortfolioBody> {
    return this.portfolio.portfolio(auth, query);
  }

  @Returns('DueResultBody', 'array')
  @Get('due')
  due(@Auth() auth: AuthContext, @Query() query: DueQueryDto): Promise<DueResultBody[]> {
    return this.portfolio.due(auth, query);
  }

  @Returns('StandardTrendBody')
  @Get('standards/:id/trend')
  trend(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<StandardTrendBody> {
    return this.portfolio.trend(auth, id);
  }
}
