// Chaos suite: Arbiter under load while its stores, worker, AI provider and an api replica are
// broken on purpose. Each file starts its own PostgreSQL and Redis (never the shared ones) and
// runs the api replica and worker it kills as child processes (compiled once by globalSetup).
// ARBITER_CHAOS_SECONDS sets how long traffic runs around each fault (short in CI).
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/chaos'],
  testMatch: ['**/*.chaos-spec.ts'],
  globalSetup: '<rootDir>/test/chaos/support/chaos-global-setup.ts',
  testTimeout: 600_000,
  // One scenario at a time: each one's timings are the point, and the machine is shared.
  maxWorkers: 1,
};
