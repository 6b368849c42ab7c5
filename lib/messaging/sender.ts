import type { SenderKind } from './protocol.ts';

/** The parts of `runtime.MessageSender` the check reads (same in Chromium and Firefox). */
export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface Self {
  /** `runtime.id` */
  id: string;
  /** `runtime.getURL('/')`, e.g. `chrome-extension://abc/` */
  origin: string;
}

/**
 * Classifies who sent a message, or returns null for anyone Tradeline does not talk to:
 * another extension (its id differs), a web page (it has no extension id; pages can only reach
 * us through `externally_connectable`, which the manifest does not declare), or a sender
 * without a URL.
 */
export function classifySender(sender: MessageSender, self: Self): SenderKind | null {
  if (!sender.id || sender.id !== self.id) return null;
  const url = sender.url;
  if (!url) return null;
  if (url.startsWith(self.origin)) return 'extension-page';
  // Content scripts run in a tab, on an http(s) dashboard page.
  if (sender.tab && /^https?:\/\//.test(url)) return 'content-script';
  return null;
}
