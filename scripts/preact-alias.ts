/**
 * The pages' components are written against React's API and run on Preact through
 * `preact/compat` (issue 10: React DOM was two thirds of the pages' shared chunk and most of its
 * evaluation before the first paint). The build (wxt.config.ts) and the unit tests
 * (vitest.config.ts) both use these aliases. Exact names only: `react-dom/client` must not become
 * `preact/compat/client/client`.
 */
export const PREACT_FOR_REACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];
