// Every migration, oldest first. `npm run migration:generate -- <VerbNoun>` rewrites this list.
import type { MigrationInterface } from 'typeorm';
import { CreateAgencies1795317264450 } from './1795317264450-CreateAgencies.js';

export const MIGRATIONS: (new () => MigrationInterface)[] = [CreateAgencies1795317264450];
