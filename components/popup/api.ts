import type { StoredApplication } from '../../lib/domain/application.ts';
import type { Overview, ProfileAnswer, RequestOf, ResponseOf } from '../../lib/messaging/protocol.ts';

export type OffersData = ResponseOf<'getOffers'>;
export type Preview = ResponseOf<'previewApplication'>[number];
export type ApplyRequest = RequestOf<'apply'>;
export type PreviewRequest = RequestOf<'previewApplication'>;
export type ApplicationAction = RequestOf<'applicationAction'>['action'];
export type TickResult = ResponseOf<'tick'>;

/** What the popup asks the background for; the entry point wires each to the typed client. */
export interface PopupApi {
  loadOverview: () => Promise<Overview>;
  loadProfile: () => Promise<ProfileAnswer>;
  loadOffers: () => Promise<OffersData>;
  previewApplication: (request: PreviewRequest) => Promise<Preview[]>;
  apply: (request: ApplyRequest) => Promise<StoredApplication[]>;
  loadApplications: () => Promise<StoredApplication[]>;
  applicationAction: (id: string, action: ApplicationAction) => Promise<StoredApplication>;
  /** Runs the outbox and status polling now. */
  checkNow: () => Promise<TickResult>;
}
