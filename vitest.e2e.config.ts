import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium with the built extension (`npm run build` runs first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
