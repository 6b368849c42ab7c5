/** `locales/*.yml`, turned into the flat `messages.json` table by scripts/vite-locales.ts. */
declare module '*.yml' {
  const table: Readonly<Record<string, string>>;
  export default table;
}
