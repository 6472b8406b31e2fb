import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AuthContext } from '../auth/auth-context.js';
import { hashPassword } from '../auth/secrets.js';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { RoleAssignment } from './entities/role-assignment.entity.js';
import { User } from './entities/user.entity.js';

/** With no users at all, creates the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const generated = this.config.adminPassword === undefined;
    const password = this.config.adminPassword ?? randomBytes(15).toString('base64url');
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE users IN EXCLUSIVE MODE');
      if ((await manager.count(User)) > 0) return null;
      const user = await manager.save(
        manager.create(User, {
          email: this.config.adminEmail,
          name: 'Administrator',
          passwordHash: await hashPassword(password),
        }),
      );
      await manager.save(manager.create(RoleAssignment, { userId: user.id, role: 'admin', agencyId: null }));
      await this.audit.record(
        AuthContext.system(),
        {
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: { email: user.email, roles: ['admin'] },
        },
        manager,
      );
      return user;
    });
    if (!created) return;
    if (generated) {
      // Printed once, on purpose: there is no other way to learn it. Change it after signing in.
      this.logger.warn(
        `Created the administrator ${created.email} with the password ${password} (set ADMIN_PASSWORD to choose it)`,
      );
    } else {
      this.logger.log(`Created the administrator ${created.email}`);
    }
  }
}
