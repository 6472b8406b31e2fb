export const HEALTH_STATES = ['up', 'down'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export type HealthBody = {
  status: HealthState;
  database: {
    status: HealthState;
    /** `external` when DATABASE_URL is set, `embedded` when Yardstick runs its own PostgreSQL. */
    mode: 'external' | 'embedded';
    latencyMs?: number;
    error?: string;
  };
  version: string;
  uptimeSeconds: number;
};
