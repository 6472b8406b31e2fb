import { Column, type ColumnOptions, type ColumnType, type ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string (to keep precision); Yardstick's values fit a double. Blank stays null. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

// The column types Yardstick repeats, with TypeORM's own decorator (the schema is what `@Column` would make).
type Options = Omit<ColumnOptions, 'type'>;
const column =
  (type: ColumnType, fixed: Options = {}) =>
  (options: Options = {}): PropertyDecorator =>
    Column({ type, ...fixed, ...options } as ColumnOptions);

export const TextColumn = column('text');
export const NullableText = column('text', { nullable: true });
export const UuidColumn = column('uuid');
export const NullableUuid = column('uuid', { nullable: true });
export const IntegerColumn = column('integer');
export const NullableInteger = column('integer', { nullable: true });
export const TimestampColumn = column('timestamptz');
export const NullableTimestamp = column('timestamptz', { nullable: true });
/** A decimal figure as a number; blank stays null. */
export const NullableNumeric = column('numeric', { nullable: true, transformer: numeric });
/** A count that may pass 2^31 (transactions, cases) as a number; blank stays null. */
export const NullableBigint = column('bigint', { nullable: true, transformer: numeric });
