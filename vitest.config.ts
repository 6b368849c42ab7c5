import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { localeTables } from './scripts/vite-locales.ts';

export default defineConfig({
  plugins: [WxtVitest(), localeTables()],
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
