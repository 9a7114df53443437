import base from '../../jest.config.base.mjs';

// Integration tests start the real local system once (serverless offline with the local EventBridge and
// dynalite, on ports of their own so a running `npm run dev` is not disturbed) and talk to it over HTTP.
export default {
  ...base,
  displayName: 'integration',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.test.ts'],
  globalSetup: '<rootDir>/global-setup.ts',
  globalTeardown: '<rootDir>/global-teardown.ts',
  testTimeout: 60_000,
};
