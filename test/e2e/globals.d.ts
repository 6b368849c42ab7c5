// The bits of Chromium's `chrome` global the browser tests call inside extension pages.
declare const chrome: {
  runtime: {
    getManifest(): { name: string; version: string; permissions?: string[] };
    sendMessage(message: unknown): Promise<unknown>;
    /** The extension's open documents (popup, tabs, the worker), Chromium 116+. */
    getContexts(filter: object): Promise<{ contextType: string; documentUrl?: string }[]>;
  };
  permissions: {
    contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  };
  /** Absent: Tradeline does not hold the `storage` permission. */
  storage?: unknown;
};
