import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Options } from '../../components/options/Options.tsx';
import { createClient } from '../../lib/messaging/client.ts';
import '../../components/common/base.css';

const client = createClient((message) => browser.runtime.sendMessage(message));
const root = createRoot(document.getElementById('root') as HTMLElement);

root.render(
  <Options
    loadOverview={() => client.send('getOverview', {})}
    loadImports={() => client.send('listImports', {})}
    saveSettings={(settings) => client.send('saveSettings', settings)}
  />,
);
