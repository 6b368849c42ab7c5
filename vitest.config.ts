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
  },
});
