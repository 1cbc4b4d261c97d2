import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** One test command for the whole workspace: unit tests of every package plus cross-package tests in test/. */
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.{ts,tsx}', 'packages/*/src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // a command or server that is not told its database uses the data folder's: never the repository's data/ in a test
    env: { JIXIAO_DATA: join(tmpdir(), `jixiao-vitest-data-${process.pid}`) },
  },
});
