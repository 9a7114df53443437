import base from '../../jest.config.base.mjs';

// Template tests package every service for prod (no AWS credentials needed) and read the templates.
export default {
  ...base,
  displayName: 'templates',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.test.ts'],
  testTimeout: 120_000,
};
