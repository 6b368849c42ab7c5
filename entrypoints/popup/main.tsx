import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup.tsx';
import { setPopupLanguage } from '../../components/popup/strings.ts';
import { resolveLanguage } from '../../lib/i18n/language.ts';
import { createClient } from '../../lib/messaging/client.ts';
import '../../components/common/base.css';

const client = createClient((message) => browser.runtime.sendMessage(message));
const root = createRoot(document.getElementById('root') as HTMLElement);

// The seller's language setting (or the browser's) is known before the first paint: no English flash.
const settings = await client.send('getOverview', {}).then(
  (overview) => overview.settings,
  () => undefined,
);
const language = resolveLanguage(settings?.language, browser.i18n.getUILanguage());
setPopupLanguage(language);
document.documentElement.lang = language.replace('_', '-');

root.render(
  <Popup
    loadOverview={() => client.send('getOverview', {})}
    loadProfile={() => client.send('getProfile', {})}
    loadOffers={() => client.send('getOffers', {})}
    previewApplication={(request) => client.send('previewApplication', request)}
    apply={(request) => client.send('apply', request)}
    loadApplications={() => client.send('listApplications', {})}
    applicationAction={(id, action) => client.send('applicationAction', { id, action })}
    checkNow={() => client.send('tick', { force: true })}
    onOpenOptions={() => void browser.runtime.openOptionsPage()}
    onOpenLink={(url) => void browser.tabs.create({ url })}
    onTrackLinkOut={(channelId) =>
      client.send('trackLinkOut', { submissionId: crypto.randomUUID(), channelId })
    }
  />,
);
