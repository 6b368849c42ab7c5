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

/** The `panel.*` and `issue.*` messages: the panel lists what a page or a report did not give. */
declare module '*.yml?keys=panel,issue' {
  const table: Readonly<Record<string, string>>;
  export default table;
}

/** Only the `launcher.*` messages: the few words of the button every dashboard page carries. */
declare module '*.yml?keys=launcher' {
  const table: Readonly<Record<string, string>>;
  export default table;
}

/** Only the `notify.*` messages (the background's notifications). */
declare module '*.yml?keys=notify' {
  const table: Readonly<Record<string, string>>;
  export default table;
}
