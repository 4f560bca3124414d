// Tests are TypeScript compiled to CommonJS by swc (fast, no type-check: `npm run typecheck` does that).
const transform = {
  '\\.rules$': '<rootDir>/test/support/text-transform.cjs',
  '^.+\\.(c|m)?(t|j)sx?$': [
    '@swc/jest',
    { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
// jsdom 29, linkedom and valibot pull in ESM-only packages, which jest (on Node 20) cannot require: let swc
// compile node_modules too (cached after the first run), except big CommonJS packages that need no help.
const transformIgnorePatterns = [
  '/node_modules/(playwright-core|typescript|@swc|@jest|jest-[^/]+)/',
];

const moduleFileExtensions = ['ts', 'js', 'cjs', 'mjs', 'json', 'rules'];

/** @type {import('jest').Config} */
export default {
  // Real browsers on a 2-core machine: e2e runs one file at a time (`--runInBand` in package.json).
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/bench/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions,
    },
  ],
};
