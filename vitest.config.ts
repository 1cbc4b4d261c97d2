import { defineConfig } from 'vitest/config';

/** One test command for the whole workspace: unit tests of every package plus cross-package tests in test/. */
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.{ts,tsx}', 'packages/*/src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
