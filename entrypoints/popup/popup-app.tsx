import { createRoot } from 'react-dom/client';
import type { ApplyRequest, OffersData } from '../../components/popup/api.ts';
import { Popup } from '../../components/popup/Popup.tsx';
import { setPopupLanguage, strings } from '../../components/popup/strings.ts';
import { resolveLanguage } from '../../lib/i18n/language.ts';
import { createClient, firstThenFresh } from '../../lib/messaging/client.ts';
import { takeEarly } from '../../lib/messaging/early-requests.ts';
import { pageBrowser } from '../../lib/messaging/page-browser.ts';
import type { Overview } from '../../lib/messaging/protocol.ts';
// Imported last: the chunk the popup and the options page share is named after it (chunks/base-*).
import '../../components/common/base.css';

// The first answers were asked for by the page's first script (popup-early.js) before this one ran.
// The browser's own APIs, not webextension-polyfill (lib/messaging/page-browser.ts).
const browser = pageBrowser();
const client = createClient((message) => takeEarly(message) ?? browser.sendMessage(message));
const root = createRoot(document.getElementById('root') as HTMLElement);

/** The catalog as last shown in Offers: where each channel's applications would go. */
let shownChannels: OffersData['channels'] = [];

/** The `origin/*` patterns of the API channels in a request (link-out channels receive nothing). */
function originsOf(channelIds: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const channel of shownChannels) {
    if (!channelIds.includes(channel.id) || channel.submission.kind !== 'api') continue;
    origins.add(`${new URL(channel.submission.baseUrl).origin}/*`);
  }
  return [...origins];
}

/**
 * Apply: first ask the browser for the chosen channels' hosts (this must run inside the seller's
 * click, so it is the first thing done), then send the apply message. Refused: nothing is sent.
 */
function applyWithPermission(request: ApplyRequest) {
  const origins = originsOf(request.channelIds);
  const granted = origins.length === 0 ? Promise.resolve(true) : browser.requestOrigins(origins);
  return granted.then((ok) => {
    if (!ok) {
      throw new Error(strings.consent.permissionRefused(origins.map((o) => o.slice(0, -2))));
    }
    return client.send('apply', request);
  });
}

// The seller's language (known before the first paint: no English flash) needs the overview;
// the page's first load of it gets this same answer.
const firstOverview: Promise<Overview> = client.send('getOverview', {});
const loadOverview = firstThenFresh(firstOverview, () => client.send('getOverview', {}));
const settings = await firstOverview.then(
  (overview) => overview.settings,
  () => undefined,
);
const language = resolveLanguage(settings?.language, browser.uiLanguage());
setPopupLanguage(language);
document.documentElement.lang = language.replace('_', '-');

root.render(
  <Popup
    loadOverview={loadOverview}
    loadProfile={() => client.send('getProfile', {})}
    loadOffers={async () => {
      const offers = await client.send('getOffers', {});
      shownChannels = offers.channels;
      return offers;
    }}
    previewApplication={(request) => client.send('previewApplication', request)}
    apply={applyWithPermission}
    loadApplications={() => client.send('listApplications', {})}
    applicationAction={(id, action) => client.send('applicationAction', { id, action })}
    checkNow={() => client.send('tick', { force: true })}
    onOpenOptions={() => void browser.openOptionsPage()}
    onOpenLink={(url) => void browser.openTab(url)}
    onTrackLinkOut={(channelId) =>
      client.send('trackLinkOut', { submissionId: crypto.randomUUID(), channelId })
    }
  />,
);
