import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AgencyBody, Page } from '@yardstick/contracts';
import { formatMonthName } from '@yardstick/metrics';
import { Repository } from 'typeorm';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { Service } from '../services/entities/service.entity.js';
import type { CreateAgencyDto, ListAgenciesQueryDto, UpdateAgencyDto } from './dto/agency.dto.js';
import { Agency } from './entities/agency.entity.js';

@Injectable()
export class AgenciesService {
  constructor(
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectRepository(Service) private readonly services: Repository<Service>,
  ) {}

  list(query: ListAgenciesQueryDto): Promise<Page<AgencyBody>> {
    const builder = this.agencies.createQueryBuilder('agency');
    if (query.parentId) builder.andWhere('agency.parent_id = :parentId', { parentId: query.parentId });
    if (query.q) {
      builder.andWhere('(agency.name ILIKE :q OR agency.abbreviation ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    return paginate(builder, query, `agency.${query.sort}`, toAgencyBody);
  }

  async get(id: string): Promise<AgencyBody> {
    return toAgencyBody(await this.find(id));
  }

  async find(id: string): Promise<Agency> {
    const agency = await this.agencies.findOneBy({ id });
    if (!agency) throw new NotFoundAppException('Agency', id);
    return agency;
  }

  async create(dto: CreateAgencyDto): Promise<AgencyBody> {
    await this.checkUnique(dto);
    if (dto.parentId) await this.checkParent(dto.parentId);
    return toAgencyBody(
      await this.agencies.save(this.agencies.create({ ...dto, programCodes: dto.programCodes ?? [] })),
    );
  }

  async update(id: string, dto: UpdateAgencyDto): Promise<AgencyBody> {
    const agency = await this.find(id);
    await this.checkUnique(dto, id);
    if (dto.parentId) await this.checkParent(dto.parentId, id);
    if (dto.fiscalYearStartMonth !== undefined && dto.fiscalYearStartMonth !== agency.fiscalYearStartMonth) {
      await this.checkNoResults(agency, dto.fiscalYearStartMonth);
    }
    const changes = dto.programCodes === null ? { ...dto, programCodes: [] } : dto; // null clears the list
    return toAgencyBody(await this.agencies.save(this.agencies.merge(agency, changes)));
  }

  async remove(id: string): Promise<void> {
    const agency = await this.find(id);
    const [services, bureaus] = await Promise.all([
      this.services.countBy({ agencyId: id }),
      this.agencies.countBy({ parentId: id }),
    ]);
    if (services > 0 || bureaus > 0) {
      throw new ConflictAppException(
        `${agency.name} still has ${services} service(s) and ${bureaus} bureau(s); remove or move them first.`,
      );
    }
    await this.agencies.delete({ id });
  }

  private async checkUnique(dto: Partial<CreateAgencyDto>, exceptId?: string): Promise<void> {
    for (const field of ['slug', 'abbreviation'] as const) {
      const value = dto[field];
      if (value === undefined) continue;
      const other = await this.agencies.findOneBy({ [field]: value });
      if (other && other.id !== exceptId) {
        throw new ConflictAppException(`Another agency already has the ${field} "${value}".`, [
          { field, value, reason: 'already taken' },
        ]);
      }
    }
  }

  /** Results are dated in the agency's calendar: it changes only while the agency has none. */
  private async checkNoResults(agency: Agency, startMonth: number): Promise<void> {
    const [{ count }] = await this.agencies.query(`SELECT count(*)::int AS count FROM results WHERE agency_id = $1`, [
      agency.id,
    ]);
    if (count > 0) {
      throw new ConflictAppException(
        `${agency.name} has ${count} result(s) dated by fiscal years that start in ${formatMonthName(agency.fiscalYearStartMonth)}; the start month can change only before results are recorded.`,
        [
          {
            field: 'fiscalYearStartMonth',
            value: startMonth,
            reason: `cannot change: the agency has ${count} result(s), and the start month can change only before results are recorded`,
          },
        ],
      );
    }
  }

  /** The parent must exist and must not be the agency itself or one of its own bureaus. */
  private async checkParent(parentId: string, agencyId?: string): Promise<void> {
    for (let id: string | null = parentId; id;) {
      if (id === agencyId) {
        throw new ValidationFailedException([
          { field: 'parentId', value: parentId, reason: 'would make the agency its own parent' },
        ]);
      }
      const ancestor: Agency | null = await this.agencies.findOneBy({ id });
      if (!ancestor) {
        throw new ValidationFailedException([{ field: 'parentId', value: parentId, reason: 'no agency with this id' }]);
      }
      id = ancestor.parentId;
    }
  }
}

export function toAgencyBody(agency: Agency): AgencyBody {
  return {
    id: agency.id,
    name: agency.name,
    abbreviation: agency.abbreviation,
    slug: agency.slug,
    parentId: agency.parentId,
    websiteUrl: agency.websiteUrl,
    fiscalYearStartMonth: agency.fiscalYearStartMonth,
    bureauCode: agency.bureauCode,
    programCodes: agency.programCodes ?? [],
    contactEmail: agency.contactEmail,
    createdAt: agency.createdAt.toISOString(),
    updatedAt: agency.updatedAt.toISOString(),
  };
}

/** Searches treat % and _ as themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
