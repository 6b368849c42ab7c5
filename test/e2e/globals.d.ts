// The bits of Chromium's `chrome` global the browser tests call inside extension pages.
declare const chrome: {
  runtime: {
    getManifest(): { name: string; version: string; permissions?: string[] };
    sendMessage(message: unknown): Promise<unknown>;
  };
  permissions: {
    contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  };
  /** Absent: Tradeline does not hold the `storage` permission. */
  storage?: unknown;
};
