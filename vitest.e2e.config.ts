import { defineConfig } from 'vitest/config';

// End-to-end journeys in headless Chromium against the built UI (see test/e2e/first-start.test.ts).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    passWithNoTests: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One browser and one server at a time: the journeys are heavy and must not fight for the CPU.
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
