import fs from 'node:fs/promises';

export default async function globalTeardown() {
  const server = globalThis.yardstickTestServer;
  if (!server) return;
  await server.embedded.stop();
  await fs.rm(server.tempRoot, { recursive: true, force: true });
}
