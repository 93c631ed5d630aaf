const { sharedJestConfig } = require('./jest.shared.cjs');

// Unit tier: pure specs, no database, no network.
/** @type {import('jest').Config} */
module.exports = { ...sharedJestConfig, displayName: 'api:unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] };
