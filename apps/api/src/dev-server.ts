/**
 * `npm run dev`: the database outlives the API's restarts. Starts the database once (embedded unless
 * DATABASE_URL is set), then runs the API under `node --watch`, which restarts it whenever the compiler
 * rewrites dist/. On Ctrl-C: the API stops first, then the database.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config/app.config.js';
import { startDatabaseServer } from './database/database-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const database = await startDatabaseServer(loadConfig(), { info: console.log, debug: () => undefined });
const api = spawn(process.execPath, [`--watch-path=${path.resolve(here, '..')}`, path.join(here, 'main.js')], {
  env: { ...process.env, DATABASE_URL: database.url },
  stdio: 'inherit',
});
const stop = async (): Promise<void> => {
  if (api.exitCode === null) {
    api.kill('SIGINT');
    await new Promise((resolve) => api.once('exit', resolve));
  }
  await database.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
api.once('exit', () => void stop());
