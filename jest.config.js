// Tests are TypeScript compiled to CommonJS by swc (fast, no type-check: `npm run typecheck` does that).
const transform = {
  '\\.rules$': '<rootDir>/test/support/text-transform.cjs',
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
};
// Some dependencies ship ESM only; let swc compile them too.
const transformIgnorePatterns = ['/node_modules/(?!(valibot)/)'];

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json', 'rules'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      // Real browsers on a 2-core machine: one at a time.
      maxWorkers: 1,
    },
  ],
};
