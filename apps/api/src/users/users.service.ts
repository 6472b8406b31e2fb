import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ErrorDetail, Page, UserBody } from '@yardstick/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { escapeLike } from '../agencies/agencies.service.js';
import { Agency } from '../agencies/entities/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Session } from '../auth/entities/session.entity.js';
import { hashPassword, passwordProblem } from '../auth/secrets.js';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import type { CreateUserDto, ListUsersQueryDto, RoleAssignmentDto, UpdateUserDto } from './dto/user.dto.js';
import { RoleAssignment } from './entities/role-assignment.entity.js';
import { User } from './entities/user.entity.js';

export type { UserBody };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ListUsersQueryDto): Promise<Page<UserBody>> {
    const builder = this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.roles', 'role');
    if (query.q) builder.andWhere('(user.email ILIKE :q OR user.name ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    // Roles are a collection join: page with skip/take here.
    return builder
      .orderBy('user.email', query.order === 'desc' ? 'DESC' : 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount()
      .then(([users, total]) => ({ items: users.map(toUserBody), total, page: query.page, pageSize: query.pageSize }));
  }

  async get(id: string): Promise<UserBody> {
    return toUserBody(await this.find(this.dataSource.manager, id));
  }

  async create(auth: AuthContext, dto: CreateUserDto): Promise<UserBody> {
    const email = dto.email.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(User, { email })) {
        throw new ConflictAppException(`There is already an account for ${email}.`, [
          { field: 'email', value: email, reason: 'already has an account' },
        ]);
      }
      await checkRoles(manager, dto.roles);
      const user = await manager.save(
        manager.create(User, { email, name: dto.name, passwordHash: await this.passwordHash(dto.password) }),
      );
      await manager.save(dto.roles.map((r) => manager.create(RoleAssignment, { ...r, userId: user.id })));
      const created = await this.find(manager, user.id);
      await this.audit.record(
        auth,
        { action: 'user.create', entityType: 'user', entityId: user.id, after: toUserBody(created) },
        manager,
      );
      return toUserBody(created);
    });
  }

  async update(auth: AuthContext, id: string, dto: UpdateUserDto): Promise<UserBody> {
    return this.dataSource.transaction(async (manager) => {
      const before = toUserBody(await this.find(manager, id));
      if (dto.active === false && id === auth.actor.id) {
        throw new ValidationFailedException([{ field: 'active', reason: 'you cannot deactivate your own account' }]);
      }
      const changes: Partial<User> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.password !== undefined) changes.passwordHash = await this.passwordHash(dto.password);
      if (Object.keys(changes).length > 0) await manager.update(User, { id }, changes);
      if (dto.roles) {
        await checkRoles(manager, dto.roles);
        await manager.delete(RoleAssignment, { userId: id });
        await manager.save(dto.roles.map((r) => manager.create(RoleAssignment, { ...r, userId: id })));
      }
      // A deactivated account, or one with a new password or roles, starts again from a sign-in.
      if (dto.active === false || dto.password !== undefined || dto.roles)
        await manager.delete(Session, { userId: id });
      const after = toUserBody(await this.find(manager, id));
      await this.audit.record(
        auth,
        { action: 'user.update', entityType: 'user', entityId: id, before, after },
        manager,
      );
      return after;
    });
  }

  private async find(manager: EntityManager, id: string): Promise<User> {
    const user = await manager.findOne(User, { where: { id }, relations: { roles: true } });
    if (!user) throw new NotFoundAppException('User', id);
    return user;
  }

  private async passwordHash(password: string | undefined): Promise<string | null> {
    if (password === undefined) return null;
    const problem = passwordProblem(password);
    if (problem) throw new ValidationFailedException([{ field: 'password', reason: problem }]);
    return hashPassword(password);
  }
}

async function checkRoles(manager: EntityManager, roles: RoleAssignmentDto[]): Promise<void> {
  const problems: ErrorDetail[] = [];
  roles.forEach((r, i) => {
    if (r.role === 'admin' && r.agencyId !== null) {
      problems.push({ field: `roles.${i}.agencyId`, reason: 'an administrator covers every agency: give null' });
    }
    if ((r.role === 'performance_officer' || r.role === 'approver') && r.agencyId === null) {
      problems.push({ field: `roles.${i}.agencyId`, reason: `a ${r.role.replace('_', ' ')} works for named agencies` });
    }
  });
  const ids = [...new Set(roles.map((r) => r.agencyId).filter((id) => id !== null))];
  const found = new Set((await manager.findBy(Agency, { id: In(ids) })).map((a) => a.id));
  roles.forEach((r, i) => {
    if (r.agencyId && !found.has(r.agencyId))
      problems.push({ field: `roles.${i}.agencyId`, value: r.agencyId, reason: 'no agency with this id' });
  });
  if (problems.length > 0) throw new ValidationFailedException(problems);
}

export function toUserBody(user: User): UserBody {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    roles: (user.roles ?? []).map((r) => ({ role: r.role, agencyId: r.agencyId })),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
