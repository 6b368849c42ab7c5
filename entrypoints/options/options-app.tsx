import { createRoot } from 'react-dom/client';
import { createImportWorker } from '../../components/options/create-import-worker.ts';
import { Options } from '../../components/options/Options.tsx';
import { setOptionsLanguage } from '../../components/options/strings.ts';
import type { Settings } from '../../lib/domain/records.ts';
import { resolveLanguage } from '../../lib/i18n/language.ts';
import { createClient, firstThenFresh } from '../../lib/messaging/client.ts';
import { takeEarly } from '../../lib/messaging/early-requests.ts';
import { pageBrowser } from '../../lib/messaging/page-browser.ts';
import type { Overview } from '../../lib/messaging/protocol.ts';
import { FORMATS } from '../../lib/sources/registry.ts';
// Imported last: the chunk the popup and the options page share is named after it (chunks/base-*).
import '../../components/common/base.css';

// The first answers were asked for by the page's first script (options-early.js) before this one ran.
// The browser's own APIs, not webextension-polyfill (lib/messaging/page-browser.ts).
const browser = pageBrowser();
const client = createClient((message) => takeEarly(message) ?? browser.sendMessage(message));
const root = createRoot(document.getElementById('root') as HTMLElement);
const formats = FORMATS.map(({ id, label }) => ({ id, label }));

/** Saves a Blob through a temporary object URL and a download link. */
function download(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; it can go once the click was handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Switches the page's texts; the key makes React build the page afresh in the new language. */
function switchLanguage(setting: Settings['language'] | undefined): string {
  const language = resolveLanguage(setting, browser.uiLanguage());
  setOptionsLanguage(language);
  document.documentElement.lang = language.replace('_', '-');
  return language;
}

function render(language: string): void {
  root.render(
    <Options
      key={language}
      loadOverview={loadOverview}
      loadImports={loadImports}
      saveSettings={(settings) => client.send('saveSettings', settings)}
      formats={formats}
      createImportWorker={createImportWorker}
      removeImport={(importId) => client.send('removeImport', { importId })}
      dismissInterrupted={async (importId) => {
        await client.send('dismissInterrupted', { importId });
      }}
      // The catalog alone: getOffers would also compute every offer from the profile on each open.
      loadChannels={() => client.send('listChannels', {})}
      addCatalog={(request) => client.send('addCatalog', request)}
      loadApplications={() => client.send('listApplications', {})}
      revokeConsent={(id) =>
        client.send('applicationAction', {
          id,
          action: { action: 'withdraw', reason: 'Consent revoked by the seller.' },
        })
      }
      exportPage={(request) => client.send('exportAll', request)}
      download={download}
      deleteAll={() => client.send('deleteAll', { confirm: 'delete' })}
      loadQuarantine={() => client.send('listQuarantine', {})}
      onLanguageChange={(setting) => render(switchLanguage(setting))}
    />,
  );
}

// The seller's language (known before the first paint: no English flash) needs the overview;
// the page's first loads of it and of the imports get these same answers.
const firstOverview: Promise<Overview> = client.send('getOverview', {});
const loadOverview = firstThenFresh(firstOverview, () => client.send('getOverview', {}));
const firstImports = client.send('listImports', {});
const loadImports = firstThenFresh(firstImports, () => client.send('listImports', {}));
// Both, before the first render: its frame shows the sources list, and the requests the page
// makes once rendered (channels, consents, quarantine) do not queue ahead of the list (issue 10).
const [overview] = await Promise.allSettled([firstOverview, firstImports]);
render(switchLanguage(overview.status === 'fulfilled' ? overview.value.settings.language : undefined));
