// The schema changes only through the migrations in the repository's top-level migrations/ folder.
export { MIGRATIONS } from '../../../../migrations/index.js';
