import base from '../../jest.config.base.mjs';

// The fault-injection test starts its own local system (serverless offline with the local EventBridge and
// dynalite, on ports of its own) behind fault proxies, in the test file's beforeAll, and stops it after.
export default {
  ...base,
  displayName: 'faults',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.test.ts'],
  testTimeout: 60_000,
};
