/** Tests run TypeScript through swc (no type check here; `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // @bitrix24/b24jssdk's CJS build requires the ESM-only qs-esm: let swc turn it into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!qs-esm/)'],
  testTimeout: 30000,
};
