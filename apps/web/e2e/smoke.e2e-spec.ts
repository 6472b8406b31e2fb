import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { APP_CONFIG } from '../../api/src/config/config.module.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { runSmoke } from './smoke.e2e.js';

describe('the web app in Chromium, served by the API', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createTestApp();
    const built = path.join(t.app.get<{ webDistDir: string }>(APP_CONFIG).webDistDir, 'index.html');
    if (!existsSync(built)) throw new Error(`${built} is missing: build the web app first (npm run build)`);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('renders every page shell, keyboard first, with zero axe violations', async () => {
    await runSmoke(baseUrl);
  }, 120_000);
});
