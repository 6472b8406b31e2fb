import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { BenchmarkBody, ErrorDetail, Page, Unit } from '@yardstick/contracts';
import { unitValueProblem } from '@yardstick/metrics';
import { DataSource, Repository } from 'typeorm';
import { escapeLike } from '../agencies/agencies.service.js';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import type { CreateBenchmarkDto, ListBenchmarksQueryDto, UpdateBenchmarkDto } from './dto/benchmark.dto.js';
import { Benchmark } from './entities/benchmark.entity.js';

/** Fields that may be left out of a change but, once there, always have a value. */
const NOT_NULL = ['name', 'sourceOrganization', 'year', 'value', 'unit'] as const;

@Injectable()
export class BenchmarksService {
  constructor(
    @InjectRepository(Benchmark) private readonly benchmarks: Repository<Benchmark>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  list(query: ListBenchmarksQueryDto): Promise<Page<BenchmarkBody>> {
    const builder = this.benchmarks.createQueryBuilder('benchmark');
    if (query.unit) builder.andWhere('benchmark.unit = :unit', { unit: query.unit });
    if (query.year !== undefined) builder.andWhere('benchmark.year = :year', { year: query.year });
    if (query.q) {
      builder.andWhere('(benchmark.name ILIKE :q OR benchmark.source_organization ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    return paginate(builder, query, `benchmark.${query.sort}`, toBenchmarkBody);
  }

  async get(id: string): Promise<BenchmarkBody> {
    return toBenchmarkBody(await this.find(id));
  }

  async find(id: string): Promise<Benchmark> {
    const benchmark = await this.benchmarks.findOneBy({ id });
    if (!benchmark) throw new NotFoundAppException('Benchmark', id);
    return benchmark;
  }

  async create(dto: CreateBenchmarkDto): Promise<BenchmarkBody> {
    checkValue(dto.unit, dto.value);
    return toBenchmarkBody(await this.benchmarks.save(this.benchmarks.create(dto)));
  }

  async update(id: string, dto: UpdateBenchmarkDto): Promise<BenchmarkBody> {
    const benchmark = await this.find(id);
    const nulls: ErrorDetail[] = NOT_NULL.filter((field) => dto[field] === null).map((field) => ({
      field,
      value: null,
      reason: 'must not be null',
    }));
    if (nulls.length > 0) throw new ValidationFailedException(nulls);
    // A new unit alone can make the stored value impossible (78 days is not a 78 score).
    checkValue(dto.unit ?? benchmark.unit, dto.value ?? benchmark.value);
    return toBenchmarkBody(await this.benchmarks.save(this.benchmarks.merge(benchmark, dto)));
  }

  async remove(id: string): Promise<void> {
    const benchmark = await this.find(id);
    // The join table cascades on delete: without this check a delete would silently detach it from standards.
    const users: { id: string; code: string; agency: string }[] = await this.dataSource.query(
      `SELECT s.id, s.code, a.abbreviation AS agency
         FROM standard_benchmarks sb
         JOIN standards s ON s.id = sb.standard_id
         JOIN agencies a ON a.id = s.agency_id
        WHERE sb.benchmark_id = $1
        ORDER BY a.abbreviation, s.code`,
      [id],
    );
    if (users.length > 0) {
      const names = users.map((standard) => `${standard.agency} ${standard.code}`);
      throw new ConflictAppException(
        `${benchmark.name} is used by ${users.length} standard(s): ${names.join(', ')}; detach it from them first.`,
        users.map((standard, index) => ({ field: 'standards', value: standard.id, reason: `used by ${names[index]}` })),
      );
    }
    await this.benchmarks.delete({ id });
  }
}

function checkValue(unit: Unit, value: number): void {
  const problem = unitValueProblem(unit, value);
  if (problem) throw new ValidationFailedException([{ field: 'value', value, reason: problem }]);
}

export function toBenchmarkBody(benchmark: Benchmark): BenchmarkBody {
  return {
    id: benchmark.id,
    name: benchmark.name,
    description: benchmark.description,
    sourceOrganization: benchmark.sourceOrganization,
    sourceUrl: benchmark.sourceUrl,
    year: benchmark.year,
    value: benchmark.value,
    unit: benchmark.unit,
    createdAt: benchmark.createdAt.toISOString(),
    updatedAt: benchmark.updatedAt.toISOString(),
  };
}
