// The plugin's unit tests (*.test.cjs beside the code) and the tests of the local parts' patched behaviour
// (test/, patches/*.patch) that this package's offline.yml and local-eventbridge.yml configure: plain
// CommonJS and ES modules, no transform.
export default {
  displayName: 'serverless-config',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.cjs', '<rootDir>/test/**/*.test.mjs'],
  transform: {},
};
