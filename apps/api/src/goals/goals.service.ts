import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ErrorDetail, GoalBody, GoalKind, Page } from '@yardstick/contracts';
import { Repository } from 'typeorm';
import { Agency } from '../agencies/entities/agency.entity.js';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { scopeQuery } from '../common/scope.js';
import type { AuthContext } from '../auth/auth-context.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import type { CreateGoalDto, ListGoalsQueryDto, UpdateGoalDto } from './dto/goal.dto.js';
import { Goal } from './entities/goal.entity.js';

/** Fields that may be left out of a change but, once there, always have a value. */
const NOT_NULL = ['kind', 'code', 'title'] as const;

@Injectable()
export class GoalsService {
  constructor(
    @InjectRepository(Goal) private readonly goals: Repository<Goal>,
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectRepository(StandardVersion) private readonly versions: Repository<StandardVersion>,
  ) {}

  list(auth: AuthContext, query: ListGoalsQueryDto): Promise<Page<GoalBody>> {
    const builder = scopeQuery(this.goals.createQueryBuilder('goal'), 'goal.agency_id', auth, 'registry:read');
    if (query.agencyId) builder.andWhere('goal.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.kind) builder.andWhere('goal.kind = :kind', { kind: query.kind });
    return paginate(builder, query, `goal.${query.sort}`, toGoalBody);
  }

  async get(auth: AuthContext, id: string): Promise<GoalBody> {
    const goal = await this.find(id);
    auth.require('registry:read', goal.agencyId);
    return toGoalBody(goal);
  }

  async find(id: string): Promise<Goal> {
    const goal = await this.goals.findOneBy({ id });
    if (!goal) throw new NotFoundAppException('Goal', id);
    return goal;
  }

  async create(auth: AuthContext, dto: CreateGoalDto): Promise<GoalBody> {
    auth.require('registry:write', dto.agencyId);
    if (!(await this.agencies.existsBy({ id: dto.agencyId }))) {
      throw new ValidationFailedException([
        { field: 'agencyId', value: dto.agencyId, reason: 'no agency with this id' },
      ]);
    }
    await this.checkUnique(dto.agencyId, dto.code);
    if (dto.parentId) await this.checkParent(dto.agencyId, dto.kind, dto.parentId);
    return toGoalBody(await this.goals.save(this.goals.create(dto)));
  }

  async update(auth: AuthContext, id: string, dto: UpdateGoalDto): Promise<GoalBody> {
    const goal = await this.find(id);
    auth.require('registry:write', goal.agencyId);
    const nulls: ErrorDetail[] = NOT_NULL.filter((field) => dto[field] === null).map((field) => ({
      field,
      value: null,
      reason: 'must not be null',
    }));
    if (nulls.length > 0) throw new ValidationFailedException(nulls);
    if (dto.code !== undefined) await this.checkUnique(goal.agencyId, dto.code, id);
    const kind = dto.kind ?? goal.kind;
    const parentId = dto.parentId !== undefined ? dto.parentId : goal.parentId;
    if (parentId && (dto.parentId !== undefined || dto.kind !== undefined)) {
      await this.checkParent(goal.agencyId, kind, parentId, id);
    }
    if (dto.kind !== undefined && kind !== 'strategic_goal') {
      const objectives = await this.goals.countBy({ parentId: id, kind: 'strategic_objective' });
      if (objectives > 0) {
        throw new ValidationFailedException([
          {
            field: 'kind',
            value: kind,
            reason: `must stay strategic_goal: ${objectives} strategic objective(s) sit under this goal`,
          },
        ]);
      }
    }
    return toGoalBody(await this.goals.save(this.goals.merge(goal, dto)));
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const goal = await this.find(id);
    auth.require('registry:write', goal.agencyId);
    const [versions, children] = await Promise.all([
      this.versions.countBy({ goalId: id }),
      this.goals.countBy({ parentId: id }),
    ]);
    if (versions > 0 || children > 0) {
      throw new ConflictAppException(
        `${goal.code} is linked from ${versions} standard version(s) and has ${children} goal(s) under it; ` +
          'unlink or move them first.',
      );
    }
    await this.goals.delete({ id });
  }

  private async checkUnique(agencyId: string, code: string, exceptId?: string): Promise<void> {
    const other = await this.goals.findOneBy({ agencyId, code });
    if (other && other.id !== exceptId) {
      throw new ConflictAppException(`Another goal of this agency already has the code "${code}".`, [
        { field: 'code', value: code, reason: 'already taken in this agency' },
      ]);
    }
  }

  /**
   * The parent must be a goal of the same agency, must not be the goal itself or one under it, and a
   * strategic objective's parent must be a strategic goal.
   */
  private async checkParent(agencyId: string, kind: GoalKind, parentId: string, goalId?: string): Promise<void> {
    const refuse = (reason: string) => new ValidationFailedException([{ field: 'parentId', value: parentId, reason }]);
    const parent = await this.goals.findOneBy({ id: parentId });
    if (!parent) throw refuse('no goal with this id');
    if (parent.agencyId !== agencyId) throw refuse('is a goal of another agency');
    if (kind === 'strategic_objective' && parent.kind !== 'strategic_goal') {
      throw refuse('the parent of a strategic objective must be a strategic goal');
    }
    for (let ancestor: Goal | null = parent; ancestor;) {
      if (ancestor.id === goalId) throw refuse('would make the goal its own parent');
      ancestor = ancestor.parentId ? await this.goals.findOneBy({ id: ancestor.parentId }) : null;
    }
  }
}

export function toGoalBody(goal: Goal): GoalBody {
  return {
    id: goal.id,
    agencyId: goal.agencyId,
    kind: goal.kind,
    code: goal.code,
    title: goal.title,
    description: goal.description,
    parentId: goal.parentId,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}
