import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WorkspaceBody } from '@yardstick/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { Auth, SignedIn } from '../auth/permission.decorator.js';
import { WorkspaceService } from './workspace.service.js';
import { Returns } from '../openapi/returns.decorator.js';

/** The staff home's to-do list for the signed-in user. */
@ApiTags('workspace')
@Controller('workspace')
export class WorkspaceController {
  constructor(private readonly workspace: WorkspaceService) {}

  @Returns('WorkspaceBody')
  @SignedIn()
  @Get()
  get(@Auth() auth: AuthContext): Promise<WorkspaceBody> {
    return this.workspace.workspace(auth);
  }
}
