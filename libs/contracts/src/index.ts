export * from './errors.js';
export * from './health.js';
export * from './domain.js';
export * from './pagination.js';
export * from './registry.js';
export * from './auth.js';
export * from './public.js';
export * from './staff.js';
