import { useCallback, useState } from 'react';
import type { StoredApplication } from '../../lib/domain/application.ts';
import { useLoad } from '../common/useLoad.ts';
import { ApplicationsTab } from './ApplicationsTab.tsx';
import type { PopupApi } from './api.ts';
import { OffersTab } from './OffersTab.tsx';
import { ProfileTab } from './ProfileTab.tsx';
import { strings } from './strings.ts';
import { Tabs } from './Tabs.tsx';

export type TabId = 'profile' | 'offers' | 'applications';

export interface PopupProps extends PopupApi {
  onOpenOptions: () => void;
  /** Opens a provider's own application page (link-out channels). */
  onOpenLink: (url: string) => void;
  /** Keeps a record of an application made on a link-out provider's site. */
  onTrackLinkOut?: (channelId: string) => Promise<unknown>;
  /** A fresh id per consent sheet (crypto.randomUUID by default). */
  newSubmissionId?: () => string;
  now?: () => Date;
  initialTab?: TabId;
}

const TAB_IDS: readonly TabId[] = ['profile', 'offers', 'applications'];

const randomId = () => crypto.randomUUID();
const systemNow = () => new Date();

export function Popup(props: PopupProps) {
  const { loadOverview, loadProfile, onOpenOptions } = props;
  const [overview] = useLoad(loadOverview);
  // The stored profile is asked for with the overview, not after its answer: one round trip to
  // the background less before the seller sees it. Unused (and its failure ignored) without history.
  const [profile] = useState(() => {
    const asked = loadProfile();
    asked.catch(() => {});
    return asked;
  });
  const profileAsked = useCallback(() => profile, [profile]);
  const [tab, setTab] = useState<TabId>(props.initialTab ?? 'profile');
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([props.initialTab ?? 'profile']));
  const [notice, setNotice] = useState<string | null>(null);

  const select = useCallback((id: TabId) => {
    setTab(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
    if (id !== 'applications') setNotice(null);
  }, []);
  const applied = useCallback(
    (apps: StoredApplication[]) => {
      select('applications');
      setNotice(strings.applications.applied(apps.length));
    },
    [select],
  );
  const showOffers = useCallback(() => select('offers'), [select]);
  const hasHistory = overview.state === 'ready' ? overview.value.records > 0 : null;

  return (
    <main className="tl-popup" aria-busy={overview.state === 'loading'}>
      <h1>{strings.appName}</h1>
      <Tabs
        label={strings.tabs.label}
        tabs={TAB_IDS.map((id) => ({ id, label: strings.tabs[id] }))}
        selected={tab}
        onSelect={select}
        renderPanel={(id, active) => {
          switch (id) {
            case 'profile':
              return (
                <ProfileTab overview={overview} loadProfile={profileAsked} onOpenOptions={onOpenOptions} />
              );
            case 'offers':
              // Kept once opened, so ticks and a half-read consent sheet survive a look at another tab.
              return visited.has('offers') ? (
                <OffersTab
                  hasHistory={hasHistory}
                  loadOffers={props.loadOffers}
                  previewApplication={props.previewApplication}
                  apply={props.apply}
                  newSubmissionId={props.newSubmissionId ?? randomId}
                  onOpenOptions={onOpenOptions}
                  onOpenLink={props.onOpenLink}
                  {...(props.onTrackLinkOut ? { onTrackLinkOut: props.onTrackLinkOut } : {})}
                  onApplied={applied}
                />
              ) : null;
            case 'applications':
              // Mounted only while shown: opening the tab always reads the applications afresh.
              return active ? (
                <ApplicationsTab
                  loadApplications={props.loadApplications}
                  applicationAction={props.applicationAction}
                  checkNow={props.checkNow}
                  now={props.now ?? systemNow}
                  notice={notice}
                  onShowOffers={showOffers}
                />
              ) : null;
          }
        }}
      />
    </main>
  );
}
