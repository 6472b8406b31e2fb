import { ApiPropertyOptional } from '@nestjs/swagger';
import { SORT_ORDERS, type Page, type SortOrder, type PageQuery } from '@yardstick/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const MAX_PAGE_SIZE = 100;

/** `?page=2&pageSize=50&order=desc`; each list adds its own `sort` with the columns it allows. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize = 25;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order: SortOrder = 'asc';
}

/**
 * Runs a list query one page at a time. `sortColumn` must come from the caller's allow-list (never
 * from the request as is); the id breaks ties so pages never overlap.
 */
export async function paginate<E extends ObjectLiteral, T>(
  query: SelectQueryBuilder<E>,
  page: PageQueryDto,
  sortColumn: string,
  toDto: (entity: E) => T,
): Promise<Page<T>> {
  const direction = page.order === 'desc' ? 'DESC' : 'ASC';
  const [entities, total] = await query
    .orderBy(sortColumn, direction)
    .addOrderBy(`${query.alias}.id`, direction)
    // offset/limit, not skip/take: list queries join one-to-one only (never collections), so rows are
    // entities, and sorting may use a joined column.
    .offset((page.page - 1) * page.pageSize)
    .limit(page.pageSize)
    .getManyAndCount();
  return { items: entities.map(toDto), total, page: page.page, pageSize: page.pageSize };
}
