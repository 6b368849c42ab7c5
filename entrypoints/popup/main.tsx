import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup.tsx';
import { createClient } from '../../lib/messaging/client.ts';
import '../../components/common/base.css';

const client = createClient((message) => browser.runtime.sendMessage(message));
const root = createRoot(document.getElementById('root') as HTMLElement);

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
