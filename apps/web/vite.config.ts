import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

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

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
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
