// Decorators and their metadata are what NestJS and TypeORM read at run time, so the test transform must
// emit them exactly as tsc does for the build.
const swc = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports.sharedJestConfig = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // ESM-only packages (the school sign-in's openid-client and what it imports) become CommonJS for Jest;
    // Node itself loads them as they are.
    '^.+/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': ['@swc/jest', { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  moduleNameMapper: {
    '^@pm/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@pm/matching$': '<rootDir>/../../libs/matching/src/index.ts',
    '^@pm/stats$': '<rootDir>/../../libs/stats/src/index.ts',
    '^@api/(.*)$': '<rootDir>/src/$1',
    '^@api-test/(.*)$': '<rootDir>/test/$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'mjs'],
};
