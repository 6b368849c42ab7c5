import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoredApplication } from '../../lib/domain/application.ts';
import type { Channel } from '../../lib/domain/channel.ts';
import type { ImportRecord, Settings } from '../../lib/domain/records.ts';
import type { Overview, RequestOf, ResponseOf } from '../../lib/messaging/protocol.ts';
import { AfterFirstPaint } from '../common/AfterFirstPaint.tsx';
import { useLoad } from '../common/useLoad.ts';
import { ChannelsSection } from './ChannelsSection.tsx';
import { DataCareSection, type Quarantined } from './DataCareSection.tsx';
import type { FetchExportPage } from './export-file.ts';
import type { ImportWorker } from './import-session.ts';
import { PrivacySection } from './PrivacySection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { type FormatLabel, SourcesSection } from './SourcesSection.tsx';
import { S } from './strings.ts';

export interface OptionsProps {
  loadOverview: () => Promise<Overview>;
  loadImports: () => Promise<ImportRecord[]>;
  saveSettings: (settings: Settings) => Promise<Settings>;
  // Sources
  formats: readonly FormatLabel[];
  createImportWorker: () => ImportWorker;
  removeImport: (importId: string) => Promise<ResponseOf<'removeImport'>>;
  /** The seller read the notice of an interrupted import. */
  dismissInterrupted?: (importId: string) => Promise<void>;
  /** Records the import worker stores per transaction (default and maximum 20,000). */
  importBatchSize?: number;
  // Channels
  loadChannels: () => Promise<Channel[]>;
  addCatalog: (request: RequestOf<'addCatalog'>) => Promise<ResponseOf<'addCatalog'>>;
  // Privacy and data
  loadApplications: () => Promise<StoredApplication[]>;
  revokeConsent: (applicationId: string) => Promise<StoredApplication>;
  exportPage: FetchExportPage;
  download: (file: Blob, fileName: string) => void;
  deleteAll: () => Promise<ResponseOf<'deleteAll'>>;
  /** Stored values set aside as damaged (absent: none are shown). */
  loadQuarantine?: () => Promise<Quarantined[]>;
  now?: () => Date;
  /** The seller saved another language: the page switches to it (the entry point re-renders). */
  onLanguageChange?: (language: Settings['language']) => void;
}

const NO_QUARANTINE = async (): Promise<Quarantined[]> => [];

export function Options(props: OptionsProps) {
  const [imports, reloadImports] = useLoad(props.loadImports);
  const [overview, reloadOverview] = useLoad(props.loadOverview);
  const [channels, reloadChannels] = useLoad(props.loadChannels);
  const [applications, reloadApplications] = useLoad(props.loadApplications);
  const [quarantine, reloadQuarantine] = useLoad(props.loadQuarantine ?? NO_QUARANTINE);
  // Bumped once the settings were read again after everything was deleted: the forms start
  // again from the (default) stored values.
  const [generation, setGeneration] = useState(0);
  const resetPending = useRef(false);
  useEffect(() => {
    if (overview.state !== 'loading' && resetPending.current) {
      resetPending.current = false;
      setGeneration((g) => g + 1);
    }
  }, [overview]);

  const { saveSettings, onLanguageChange } = props;
  const language = overview.state === 'ready' ? overview.value.settings.language : undefined;
  const onSaveSettings = useCallback(
    async (settings: Settings) => {
      await saveSettings(settings);
      if (language !== undefined && settings.language !== language) onLanguageChange?.(settings.language);
      reloadOverview();
    },
    [saveSettings, reloadOverview, onLanguageChange, language],
  );
  const onDataChanged = () => {
    reloadImports();
    reloadOverview();
    reloadQuarantine();
  };
  const onEverythingChanged = () => {
    resetPending.current = true;
    onDataChanged();
    reloadChannels();
    reloadApplications();
  };

  return (
    <main className="tl-options">
      <h1>{S.title}</h1>
      <SourcesSection
        imports={imports}
        formats={props.formats}
        createWorker={props.createImportWorker}
        removeImport={props.removeImport}
        onChanged={onDataChanged}
        interrupted={overview.state === 'ready' ? (overview.value.interrupted ?? []) : []}
        {...(props.dismissInterrupted ? { dismissInterrupted: props.dismissInterrupted } : {})}
        {...(props.importBatchSize ? { batchSize: props.importBatchSize } : {})}
      />
      <ChannelsSection channels={channels} addCatalog={props.addCatalog} onChanged={reloadChannels} />
      {/* Under the sources and the channels: drawn a frame after the sources list (issue 10). */}
      <AfterFirstPaint>
        <PrivacySection
          applications={applications}
          revokeConsent={props.revokeConsent}
          exportPage={props.exportPage}
          download={props.download}
          deleteAll={props.deleteAll}
          onConsentsChanged={reloadApplications}
          onDeleted={onEverythingChanged}
          {...(props.now ? { now: props.now } : {})}
        />
        <section aria-labelledby="settings-heading">
          <h2 id="settings-heading">{S.settings.heading}</h2>
          {overview.state === 'loading' && <p>{S.loading}</p>}
          {overview.state === 'error' && (
            <p className="tl-error" role="alert">
              {S.settings.loadFailed(overview.message)}
            </p>
          )}
          {overview.state === 'ready' && (
            <SettingsSection
              key={generation}
              settings={overview.value.settings}
              onSave={onSaveSettings}
              loadCheck={imports.state !== 'loading'}
            />
          )}
        </section>
        {overview.state === 'ready' && (
          <DataCareSection
            key={`care-${generation}`}
            settings={overview.value.settings}
            onSave={onSaveSettings}
            quarantine={quarantine}
          />
        )}
      </AfterFirstPaint>
    </main>
  );
}
