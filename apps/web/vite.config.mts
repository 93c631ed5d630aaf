import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The API (apps/api) serves this build from `/` with an SPA fallback, so assets are addressed absolutely.
export default defineConfig({
  root: here('.'),
  base: '/',
  cacheDir: here('../../node_modules/.vite/apps/web'),
  plugins: [react()],
  resolve: {
    alias: {
      '@pm/contracts': here('../../libs/contracts/src/index.ts'),
      '@web': here('src'),
    },
  },
  server: {
    port: 4200,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
      '/socket.io': { target: 'http://localhost:3000', ws: true, changeOrigin: true },
    },
  },
  preview: { port: 4300 },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
  },
  test: {
    root: here('.'),
    environment: 'jsdom',
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
