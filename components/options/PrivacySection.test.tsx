import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StoredApplication } from '../../lib/domain/application.ts';
import type { RequestOf, ResponseOf } from '../../lib/messaging/protocol.ts';
import { buildExport, exportFileName } from './export-file.ts';
import { PrivacySection, type PrivacySectionProps } from './PrivacySection.tsx';

function application(
  id: string,
  name: string,
  over: { status: StoredApplication['status']; revokedAt?: string },
): StoredApplication {
  return StoredApplication.parse({
    id: `sub-1:${id}`,
    submissionId: 'sub-1',
    channelId: id,
    channelName: name,
    model: 'platform-direct',
    endpoint: 'http://127.0.0.1:8787',
    idempotencyKey: `key-${id}`,
    packet: null,
    consent: {
      receiptId: `receipt-${id}`,
      version: 'tradeline-consent/1',
      consentAt: '2026-11-02T10:00:00.000Z',
      subject: { legalName: 'Northwind Goods Ltd', contactEmail: 'ops@northwind.example' },
      recipient: { channelId: id, name, provider: `${name} Ltd`, url: 'http://127.0.0.1:8787' },
      purpose: 'Working capital: inventory',
      fields: ['business.legalName', 'profile.summary', 'provenance'],
      ...(over.revokedAt ? { revokedAt: over.revokedAt } : {}),
    },
    outbox: { state: 'sent', attempts: 1, nextAttemptAt: null, sendingSince: null },
    status: over.status,
    detail: {},
    offers: [],
    requests: [],
    events: [],
    poll: { nextPollAt: null, intervalMs: 60_000 },
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
  });
}

const IN_REVIEW = application('fast-capital', 'Fast Capital', { status: 'in_review' });
const WITHDRAWN = application('slow-bank', 'Slow Bank', {
  status: 'withdrawn',
  revokedAt: '2026-11-03T09:30:00.000Z',
});
const FUNDED = application('p2p-pool', 'P2P Pool', { status: 'funded' });

type ExportRequest = RequestOf<'exportAll'>;
type ExportPage = ResponseOf<'exportAll'>;

const STORES = {
  imports: [{ id: 'a'.repeat(64) }],
  dedupe: [],
  aggregates: [{ month: '2026-03' }],
  settings: [{ key: 'general', value: { reportingCurrency: 'USD', language: 'en' } }],
  profiles: [],
  applications: [],
  channels: [],
  quarantine: [],
};

/** Two pages of chunks, as the background pages them. */
async function pages(request: ExportRequest): Promise<ExportPage> {
  if (!request.after) {
    return {
      databaseVersion: 6,
      stores: STORES,
      chunks: [{ platform: 'shopify', month: '2026-03', seq: 0, records: [{ key: 'k1' }, { key: 'k2' }] }],
      next: ['shopify', '2026-03', 0],
    };
  }
  return {
    databaseVersion: 6,
    chunks: [{ platform: 'shopify', month: '2026-04', seq: 0, records: [{ key: 'k3' }] }],
    next: null,
  };
}

function setup(overrides: Partial<PrivacySectionProps> = {}) {
  const props: PrivacySectionProps = {
    applications: { state: 'ready', value: [IN_REVIEW, WITHDRAWN, FUNDED] },
    revokeConsent: vi.fn(async () => IN_REVIEW),
    exportPage: vi.fn(pages),
    download: vi.fn(),
    deleteAll: vi.fn(async () => ({ cleared: ['imports', 'chunks'] })),
    onConsentsChanged: vi.fn(),
    onDeleted: vi.fn(),
    now: () => new Date(2026, 10, 29, 14, 5),
    ...overrides,
  };
  render(<PrivacySection {...props} />);
  return props;
}

describe('PrivacySection', () => {
  it('lists each consent: recipient, purpose, fields, when, and whether it was revoked', () => {
    setup();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    const cells = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(cells[0]?.slice(0, 4)).toEqual([
      'Fast Capital (Fast Capital Ltd)http://127.0.0.1:8787',
      'Working capital: inventory',
      'legal name, profile summary, sources (file fingerprints)',
      '2026-11-02 10:00',
    ]);
    expect(cells[0]?.[4]).toBe('Given Revoke');
    expect(cells[1]?.[4]).toBe('Revoked 2026-11-03 09:30');
    expect(cells[2]?.[4]).toBe('GivenFunded: ask the provider');
  });

  it('revokes a consent only once the seller confirms', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke consent for Fast Capital' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke consent for Fast Capital' });
    expect(props.revokeConsent).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke and withdraw' }));
    expect(props.revokeConsent).toHaveBeenCalledWith('sub-1:fast-capital');
    expect(props.onConsentsChanged).toHaveBeenCalledOnce();
  });

  it('tells a seller who never applied that nothing has left the browser', () => {
    setup({ applications: { state: 'ready', value: [] } });
    expect(
      screen.getByText('You have not applied anywhere yet, so no data has left this browser.'),
    ).toBeTruthy();
  });

  it('exports every store, page by page, as tradeline-export-YYYY-MM-DD.json', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Export everything' }));
    expect(await screen.findByText('Saved tradeline-export-2026-11-29.json.')).toBeTruthy();
    expect(props.exportPage).toHaveBeenNthCalledWith(1, {});
    expect(props.exportPage).toHaveBeenNthCalledWith(2, { after: ['shopify', '2026-03', 0] });
    const [file, name] = vi.mocked(props.download).mock.calls[0] ?? [];
    expect(name).toBe('tradeline-export-2026-11-29.json');
    const json = JSON.parse(await (file as Blob).text());
    expect(json).toMatchObject({ format: 'tradeline-export', version: 1, databaseVersion: 6 });
    expect(json.stores).toEqual({
      ...STORES,
      chunks: [
        { platform: 'shopify', month: '2026-03', seq: 0, records: [{ key: 'k1' }, { key: 'k2' }] },
        { platform: 'shopify', month: '2026-04', seq: 0, records: [{ key: 'k3' }] },
      ],
    });
  });

  it('deletes everything only after the seller types "delete"', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const confirm = screen.getByRole('button', { name: 'Delete everything now' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    const input = screen.getByLabelText('Type delete to confirm');
    await userEvent.type(input, 'Delete');
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(input, '{Enter}');
    expect(props.deleteAll).not.toHaveBeenCalled();
    await userEvent.clear(input);
    await userEvent.type(input, 'delete');
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(confirm);
    expect(props.deleteAll).toHaveBeenCalledOnce();
    expect((await screen.findByRole('status')).textContent).toBe(
      'Everything was deleted. Tradeline is as new.',
    );
    expect(props.onDeleted).toHaveBeenCalledOnce();
  });

  it('Cancel closes the confirmation without deleting', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    await userEvent.type(screen.getByLabelText('Type delete to confirm'), 'delete');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Type delete to confirm')).toBeNull();
    expect(props.deleteAll).not.toHaveBeenCalled();
  });
});

describe('export file', () => {
  it('is named after the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('tradeline-export-2026-01-05.json');
  });

  it('is valid JSON when there are no records at all', async () => {
    const file = await buildExport(
      async () => ({ databaseVersion: 6, stores: STORES, chunks: [], next: null }),
      new Date('2026-11-29T00:00:00.000Z'),
    );
    const json = JSON.parse(await file.text());
    expect(json.exportedAt).toBe('2026-11-29T00:00:00.000Z');
    expect(json.stores.chunks).toEqual([]);
  });
});
