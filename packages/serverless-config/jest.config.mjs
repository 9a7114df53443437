// Tests of the local parts' patched behaviour (patches/*.patch) that this package's offline.yml and
// local-eventbridge.yml configure: plain ES modules, no transform.
export default {
  displayName: 'serverless-config',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.mjs'],
  transform: {},
};
