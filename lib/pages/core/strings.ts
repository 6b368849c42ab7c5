/**
 * Every user-visible text this folder adds to the in-page launcher and panel, in one place so it
 * can be translated (issue 8 wires the UI strings; the panel's older texts live in panel.ts).
 */
/** The launcher's texts alone: they ship in every marketplace's launcher, the rest with the reader. */
export const LAUNCHER_TEXT = {
  launcher: 'Tradeline',
  launcherTitle: (site: string) => `Open Tradeline on ${site}: it reads this page only when you ask.`,
  launcherFailed: 'Tradeline could not start on this page. Reload the page and try again.',
} as const;

export const PAGE_TEXT = {
  ...LAUNCHER_TEXT,
  notRecognised: (site: string, reads: string) =>
    `Tradeline does not recognise this ${site} page, so nothing was read. It reads: ${reads}.`,
  saveSample: 'Save a scrubbed page sample',
  sampleHint:
    'The sample keeps the page structure, headers and labels; names, emails, addresses, phone numbers and other text are replaced by placeholders. Send it to Tradeline to add this page.',
  sampleSaved: (name: string) => `Saved ${name}.`,
  fromEmbedded: (source: string) => `${source} (from the data the page holds for its own scripts)`,
} as const;
