import { defineConfig } from 'vitest/config';

/** Browser journeys: the real API, database and built web app, driven in a real Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
