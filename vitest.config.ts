import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['./test/setup.ts'],
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.tsx',
      'test/{unit,cli,property,conformance,sandbox}/**/*.test.ts',
    ],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // CLI tests start real processes: on a busy 2-core machine one can take longer than 5 s.
    testTimeout: 30_000,
  },
});
