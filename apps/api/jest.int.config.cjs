const { sharedJestConfig } = require('./jest.shared.cjs');

// Integration tier: one real PostgreSQL database for the whole run (embedded when DATABASE_URL is unset),
// migrations applied once by the first app that boots, tables truncated between suites.
/** @type {import('jest').Config} */
module.exports = {
  ...sharedJestConfig,
  displayName: 'api:int',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 30000,
};
