import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { PREACT_FOR_REACT } from './scripts/preact-alias.ts';
import { localeTables } from './scripts/vite-locales.ts';

export default defineConfig({
  plugins: [WxtVitest(), localeTables()],
  // The components render with Preact here too, as in the build (wxt.config.ts): the tests check
  // what ships. Testing Library's ES module build is taken (and inlined below) so that its own
  // imports of react-dom go through the same aliases.
  resolve: {
    alias: [
      ...PREACT_FOR_REACT,
      { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
      {
        find: /^@testing-library\/react$/,
        replacement: resolve('node_modules/@testing-library/react/dist/@testing-library/react.esm.js'),
      },
    ],
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./test/dom-event-handlers.ts', './test/setup.ts'],
    server: { deps: { inline: [/@testing-library\/react/] } },
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
