// Unit tests: *.spec.ts next to the code. End-to-end tests live in test/ (jest.e2e.config.js).
const fs = require('fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
// swc rewrites the @arbiter/* aliases itself (also in globalSetup, which ignores moduleNameMapper).
swcrc.jsc.baseUrl = __dirname;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/packages'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/'],
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // ESM-only packages that Node loads through require(esm) but Jest cannot: compile them too.
  transformIgnorePatterns: [
    '/node_modules/(?!(content-disposition|@apidevtools/json-schema-ref-parser)/)',
  ],
  moduleNameMapper: {
    '^@arbiter/client$': '<rootDir>/packages/client/src',
    '^@arbiter/(.*)$': '<rootDir>/libs/$1/src',
  },
};
