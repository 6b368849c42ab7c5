/** `locales/*.yml`, turned into the flat `messages.json` table by scripts/vite-locales.ts. */
declare module '*.yml' {
  const table: Readonly<Record<string, string>>;
  export default table;
}

/** Only the `panel.*` messages of a `locales/*.yml` file. */
declare module '*.yml?keys=panel' {
  const table: Readonly<Record<string, string>>;
  export default table;
}

/** Only the `notify.*` messages (the background's notifications). */
declare module '*.yml?keys=notify' {
  const table: Readonly<Record<string, string>>;
  export default table;
}
