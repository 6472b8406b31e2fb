// Runs e2e/smoke.e2e.ts without a TypeScript runner, through Vite's module runner.
//   node e2e/run-smoke.mjs              serves the existing build (dist/) with `vite preview` and tests it
//   node e2e/run-smoke.mjs <baseUrl>    tests a server that is already running
import { fileURLToPath } from 'node:url';
import { preview, runnerImport } from 'vite';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const smokePath = fileURLToPath(new URL('./smoke.e2e.ts', import.meta.url));

const { module } = await runnerImport(smokePath, { root: webRoot, configFile: false, logLevel: 'warn' });

let baseUrl = process.argv[2];
let server;
if (!baseUrl) {
  server = await preview({ root: webRoot, logLevel: 'warn', preview: { port: 4173, strictPort: false } });
  baseUrl = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
  console.log('Serving dist/ with vite preview; with no API on :3000, its proxy errors for /api are expected.');
}

try {
  console.log(`Smoke test against ${baseUrl}`);
  await module.runSmoke(baseUrl);
  console.log('Smoke test passed.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await server?.close();
}
