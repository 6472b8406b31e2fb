import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string (to keep precision); Yardstick's values fit a double. Blank stays null. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
