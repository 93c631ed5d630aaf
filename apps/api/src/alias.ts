import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// tsc keeps `@pm/*` imports as written, so the compiled API maps them to the compiled libraries itself.
// This file must be imported before anything that imports a library (see main.ts and data-source.ts).
// dist layout: dist/apps/api/{apps/api/src, libs/<name>/src}; this file lives in apps/api/src.
const distRoot = join(__dirname, '..', '..', '..');
register({
  baseUrl: distRoot,
  paths: {
    '@pm/contracts': ['libs/contracts/src/index.js'],
    '@pm/matching': ['libs/matching/src/index.js'],
    '@pm/stats': ['libs/stats/src/index.js'],
    '@api/*': ['apps/api/src/*'],
  },
});
