import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import type { ViteUserConfig } from 'vitest/config';

const fromHere = (path: string) => new URL(path, import.meta.url).pathname;

/**
 * Paths the api serves; the dev server hands them over so the dashboard runs on one origin as in production.
 * Trailing slashes matter: '/t' alone would also swallow the /trace and /test-tracking pages.
 */
const API_PATHS = ['/api/', '/t/', '/data/', '/health'];

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, fromHere('.'), 'GOALPOST_');
  const apiTarget = env.GOALPOST_API_URL ?? 'http://localhost:3000';
  const test: ViteUserConfig['test'] = {
    environment: 'happy-dom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    unstubGlobals: true,
    restoreMocks: true,
  };
  return {
    base: '/',
    plugins: [react()],
    resolve: {
      alias: {
        // Shared source, compiled here rather than from the libs' dist so no build is needed first.
        '@goalpost/contracts': fromHere('../../libs/contracts/src/index.ts'),
        '@goalpost/aflite/constants': fromHere('../../libs/aflite/src/constants.ts'),
        '@goalpost/tracker/snippet-tag': fromHere('../../libs/tracker/src/snippet-tag.ts'),
      },
    },
    // Maps are written for whoever runs the build, without the bundles pointing at them; the api never serves them.
    build: { outDir: fromHere('dist'), emptyOutDir: true, sourcemap: 'hidden' },
    server: {
      proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
    },
    test,
  };
});
