import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ComputeReportBody, ServiceComputeReportBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, Permission } from '../auth/permission.decorator.js';
import { Returns } from '../openapi/returns.decorator.js';
import { TransactionsComputeService } from './compute.service.js';
import { ComputeStandardDto } from './dto/compute.dto.js';

@ApiTags('transactions')
@Controller()
export class TransactionsComputeController {
  constructor(private readonly compute: TransactionsComputeService) {}

  /** Computes the standard's results from its service's transactions and records them as results. */
  @Permission('results:write')
  @Post('standards/:id/compute')
  @HttpCode(200)
  @Returns('ComputeReportBody')
  computeStandard(
    @Auth() auth: AuthContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ComputeStandardDto,
  ): Promise<ComputeReportBody> {
    return this.compute.computeForCaller(auth, id, dto?.period);
  }

  /** The same for every standard of the service computed from transactions, in one pass over them. */
  @Permission('results:write')
  @Post('services/:id/compute')
  @HttpCode(200)
  @Returns('ServiceComputeReportBody')
  computeService(@Auth() auth: AuthContext, @Param('id', ParseUUIDPipe) id: string): Promise<ServiceComputeReportBody> {
    return this.compute.computeServiceForCaller(auth, id);
  }
}
