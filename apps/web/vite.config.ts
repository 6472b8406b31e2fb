import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { PurgeCSS } from 'purgecss';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

// In production the NestJS API serves this build from the same origin; in development
// and preview, Vite forwards the API's own routes to it.
const apiTarget = process.env.YARDSTICK_API_URL ?? 'http://localhost:3000';
const apiProxy: Record<string, ProxyOptions> = {
  '^/api(?:/|$)': { target: apiTarget },
  '/data.json': { target: apiTarget },
};

/** Matches script modules of the named packages (regular expression fragments) under node_modules. */
const vendorScript = (...packages: string[]): RegExp =>
  new RegExp(`[\\\\/]node_modules[\\\\/](?:${packages.join('|')})[\\\\/].*\\.[cm]?js$`);

/** Writes a .gz beside each built script, stylesheet and page, which the API sends to browsers that accept gzip. */
const gzipFiles = (): Plugin => ({
  name: 'yardstick-gzip-files',
  apply: 'build',
  writeBundle(options, bundle) {
    for (const file of Object.keys(bundle)) {
      if (!/\.(?:js|css|html|svg)$/.test(file)) continue;
      const built = path.join(options.dir ?? 'dist', file);
      writeFileSync(`${built}.gz`, gzipSync(readFileSync(built), { level: 9 }));
    }
  },
});

/**
 * Keeps only the USWDS rules whose classes, elements and attributes the app's source mentions (the full stylesheet
 * is 555 KB, a render-blocking 65 KB gzipped, and most of it utilities no page uses), and only the fonts those
 * rules name. Class names the code builds from parts (e.g. usa-alert--${type}) are listed in the safelist.
 */
const purgeUswds = (): Plugin => ({
  name: 'yardstick-purge-uswds',
  enforce: 'pre',
  async transform(code, id) {
    if (!/[\\/]@uswds[\\/]uswds[\\/].*\.css$/.test(id.split('?')[0]!)) return null;
    const [result] = await new PurgeCSS().purge({
      // The app takes only GridContainer (grid-container) from @trussworks/react-uswds, so its code is not read.
      content: [fromHere('./index.html'), fromHere('./src/**/*.{ts,tsx}')],
      css: [{ raw: code }],
      fontFace: true,
      keyframes: true,
      variables: false,
      safelist: { standard: [/^usa-alert--/, /^usa-icon--size-/, /^grid-container/, /^is-visible$/] },
    });
    return { code: result?.css ?? code, map: null };
  },
});

export default defineConfig(({ isSsrBuild }) => ({
  plugins: isSsrBuild ? [react()] : [purgeUswds(), react(), gzipFiles()],
  resolve: {
    alias: {
      '@': fromHere('./src'),
      // Workspace libraries are compiled from source, so the web app never waits for their build.
      '@yardstick/contracts': fromHere('../../libs/contracts/src/index.ts'),
      '@yardstick/metrics': fromHere('../../libs/metrics/src/index.ts'),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: apiProxy,
  },
  preview: {
    port: 4173,
    proxy: apiProxy,
  },
  // The server render (npm run build: vite build --ssr src/entry-server.tsx) bundles the app's own code and
  // USWDS's React components (which import CSS) and leaves the rest to Node.
  ssr: { noExternal: ['@trussworks/react-uswds'] },
  build: isSsrBuild
    ? { outDir: 'dist/server', emptyOutDir: true, copyPublicDir: false, ssrManifest: false }
    : {
        outDir: 'dist',
        emptyOutDir: true,
        rolldownOptions: {
          output: {
            // Libraries change less often than the app: separate chunks stay cached across deploys.
            // Only scripts: USWDS CSS stays in the entry's stylesheet, ahead of the app's own rules.
            codeSplitting: {
              groups: [
                { name: 'react', test: vendorScript('react', 'react-dom', 'scheduler') },
                { name: 'router', test: vendorScript('react-router') },
                { name: 'query', test: vendorScript('@tanstack/[^/]+') },
                { name: 'uswds', test: vendorScript('@trussworks/react-uswds') },
              ],
            },
          },
        },
      },
}));
