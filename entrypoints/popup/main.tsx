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
    onOpenOptions={() => void browser.runtime.openOptionsPage()}
  />,
);
