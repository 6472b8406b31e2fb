import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Channel, ComplaintRoute, ErrorDetail, Page, ServiceBody } from '@yardstick/contracts';
import { Repository } from 'typeorm';
import { escapeLike } from '../agencies/agencies.service.js';
import { Agency } from '../agencies/entities/agency.entity.js';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { scopeQuery } from '../common/scope.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CxCollection } from '../cx/entities/cx-collection.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import type { CreateServiceDto, ListServicesQueryDto, UpdateServiceDto } from './dto/service.dto.js';
import { Service } from './entities/service.entity.js';

/** Fields that may be left out but, once there, always have a value. */
const NOT_NULL = ['agencyId', 'name', 'slug', 'channels', 'hisp', 'channelDetails'] as const;

@Injectable()
export class ServicesService {
  constructor(
    @InjectRepository(Service) private readonly services: Repository<Service>,
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectRepository(Standard) private readonly standards: Repository<Standard>,
  ) {}

  list(auth: AuthContext, query: ListServicesQueryDto): Promise<Page<ServiceBody>> {
    const builder = scopeQuery(this.services.createQueryBuilder('service'), 'service.agency_id', auth, 'registry:read');
    if (query.agencyId) builder.andWhere('service.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.hisp !== undefined) builder.andWhere('service.hisp = :hisp', { hisp: query.hisp });
    if (query.channel) builder.andWhere(':channel = ANY(service.channels)', { channel: query.channel });
    if (query.q) builder.andWhere('service.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    return paginate(builder, query, `service.${query.sort}`, toServiceBody);
  }

  async get(auth: AuthContext, id: string): Promise<ServiceBody> {
    const service = await this.find(id);
    auth.require('registry:read', service.agencyId);
    return toServiceBody(service);
  }

  async find(id: string): Promise<Service> {
    const service = await this.services.findOneBy({ id });
    if (!service) throw new NotFoundAppException('Service', id);
    return service;
  }

  async create(auth: AuthContext, dto: CreateServiceDto): Promise<ServiceBody> {
    auth.require('registry:write', dto.agencyId);
    refuseNulls(dto);
    checkChannels(dto.channels ?? [], dto);
    await this.checkUnique(dto);
    await this.checkAgency(dto.agencyId);
    return toServiceBody(await this.services.save(this.services.create({ ...dto, complaints: complaintsOf(dto) })));
  }

  async update(auth: AuthContext, id: string, dto: UpdateServiceDto): Promise<ServiceBody> {
    const service = await this.find(id);
    auth.require('registry:write', service.agencyId);
    if (dto.agencyId) auth.require('registry:write', dto.agencyId);
    refuseNulls(dto);
    checkChannels(dto.channels ?? service.channels, {
      channelDetails: dto.channelDetails ?? (dto.channels ? undefined : service.channelDetails),
      complaints: dto.complaints,
    });
    if (dto.channels && !dto.channelDetails) {
      // Details of a channel no longer offered go with it.
      dto.channelDetails = service.channelDetails.filter((d) => dto.channels!.includes(d.channel));
    }
    await this.checkUnique(dto, id);
    if (dto.agencyId !== undefined && dto.agencyId !== service.agencyId) {
      await this.checkAgency(dto.agencyId);
      // Standards keep the agency of their service; moving a service would leave them behind.
      const standards = await this.standards.countBy({ serviceId: id });
      if (standards > 0) {
        throw new ConflictAppException(
          `${service.name} has ${standards} standard(s), which belong to its current agency; it cannot move.`,
          [{ field: 'agencyId', value: dto.agencyId, reason: 'the service has standards' }],
        );
      }
    }
    const { complaints: _, ...rest } = dto;
    const merged = this.services.merge(service, rest);
    if (dto.complaints !== undefined) merged.complaints = complaintsOf(dto);
    return toServiceBody(await this.services.save(merged));
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const service = await this.find(id);
    auth.require('registry:write', service.agencyId);
    // Everything that refers to a service and keeps it (ON DELETE RESTRICT), named in the refusal.
    const [standards, collections] = await Promise.all([
      this.standards.countBy({ serviceId: id }),
      this.services.manager.countBy(CxCollection, { serviceId: id }),
    ]);
    const blocking = [
      ...(standards > 0 ? [`${standards} standard(s)`] : []),
      ...(collections > 0 ? [`${collections} customer feedback collection(s)`] : []),
    ];
    if (blocking.length > 0) {
      throw new ConflictAppException(
        `${service.name} still has ${blocking.join(' and ')}; remove them first.`,
        blocking.map((reason) => ({ field: 'id', value: id, reason: `has ${reason}` })),
      );
    }
    await this.services.delete({ id });
  }

  private async checkUnique(dto: Partial<CreateServiceDto>, exceptId?: string): Promise<void> {
    if (dto.slug === undefined) return;
    const other = await this.services.findOneBy({ slug: dto.slug });
    if (other && other.id !== exceptId) {
      throw new ConflictAppException(`Another service already has the slug "${dto.slug}".`, [
        { field: 'slug', value: dto.slug, reason: 'already taken' },
      ]);
    }
  }

  private async checkAgency(agencyId: string): Promise<void> {
    if (!(await this.agencies.existsBy({ id: agencyId }))) {
      throw new ValidationFailedException([{ field: 'agencyId', value: agencyId, reason: 'no agency with this id' }]);
    }
  }
}

function refuseNulls(dto: Partial<CreateServiceDto>): void {
  const details: ErrorDetail[] = NOT_NULL.filter((field) => dto[field] === null).map((field) => ({
    field,
    value: null,
    reason: 'must not be null',
  }));
  if (details.length > 0) throw new ValidationFailedException(details);
}

/** Each detail names a channel the service offers, once; a complaint route gives a way to reach it. */
function checkChannels(
  channels: readonly Channel[],
  dto: Pick<Partial<CreateServiceDto>, 'channelDetails' | 'complaints'>,
): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<Channel>();
  (dto.channelDetails ?? []).forEach((detail, i) => {
    if (!channels.includes(detail.channel)) {
      details.push({
        field: `channelDetails.${i}.channel`,
        value: detail.channel,
        reason: `is not one of the service's channels (${channels.join(', ') || 'none'})`,
      });
    } else if (seen.has(detail.channel)) {
      details.push({ field: `channelDetails.${i}.channel`, value: detail.channel, reason: 'is described twice' });
    }
    seen.add(detail.channel);
  });
  const c = dto.complaints;
  if (c && !c.url && !c.phone && !c.address) {
    details.push({ field: 'complaints', reason: 'must give at least one way to complain: url, phone or address' });
  }
  if (details.length > 0) throw new ValidationFailedException(details);
}

function complaintsOf(dto: Pick<Partial<CreateServiceDto>, 'complaints'>): ComplaintRoute | null {
  const c = dto.complaints;
  if (!c) return null;
  return {
    url: c.url ?? null,
    phone: c.phone ?? null,
    address: c.address ?? null,
    responseDays: c.responseDays ?? null,
    appeal: c.appeal ?? null,
  };
}

export function toServiceBody(service: Service): ServiceBody {
  return {
    id: service.id,
    agencyId: service.agencyId,
    name: service.name,
    slug: service.slug,
    description: service.description,
    customers: service.customers,
    channels: service.channels,
    hisp: service.hisp,
    publicUrl: service.publicUrl,
    channelDetails: service.channelDetails,
    complaints: service.complaints,
    createdAt: service.createdAt.toISOString(),
    updatedAt: service.updatedAt.toISOString(),
  };
}
