import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportRecord } from '../../lib/domain/records.ts';
import { FORMATS } from '../../lib/sources/registry.ts';
import { coverageMonths, coverageOf } from './coverage.ts';
import { createInProcessWorker } from './import-session.ts';
import { SourcesSection, type SourcesSectionProps } from './SourcesSection.tsx';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

const ORDERS: ImportRecord = {
  id: A,
  provenance: {
    kind: 'file',
    name: 'orders_export.csv',
    size: 1234,
    format: 'shopify-orders',
    sha256: A,
    rows: 120,
    periodStart: '2026-01-04',
    periodEnd: '2026-04-28',
    readAt: '2026-11-01T10:00:00.000Z',
  },
  importedAt: '2026-11-01T10:00:00.000Z',
  platform: 'shopify',
  added: 118,
  duplicates: 2,
  months: ['2026-01', '2026-02', '2026-04'],
};

const PAYOUTS: ImportRecord = {
  id: B,
  provenance: {
    kind: 'page',
    url: 'https://admin.shopify.com/store/northwind/payouts',
    format: 'shopify-payouts',
    sha256: B,
    rows: 6,
    readAt: '2026-11-01T10:00:00.000Z',
  },
  importedAt: '2026-11-02T10:00:00.000Z',
  platform: 'shopify',
  added: 6,
  duplicates: 0,
  months: ['2026-04', '2026-05'],
};

function setup(overrides: Partial<SourcesSectionProps> = {}) {
  const props: SourcesSectionProps = {
    imports: { state: 'ready', value: [PAYOUTS, ORDERS] },
    formats: FORMATS.map(({ id, label }) => ({ id, label })),
    createWorker: () => createInProcessWorker({ formats: FORMATS, store: vi.fn() }),
    removeImport: vi.fn(async (importId: string) => ({ importId, removed: 118, months: [], reimport: [B] })),
    onChanged: vi.fn(),
    ...overrides,
  };
  render(<SourcesSection {...props} />);
  return props;
}

/** The Remove button of the row naming `name` (its description is the source's name). */
const removeButton = (name: string) => {
  const button = screen
    .getAllByRole('button', { name: 'Remove' })
    .find(
      (b) =>
        b.getAttribute('aria-describedby') &&
        document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent === name,
    );
  if (!button) throw new Error(`no Remove button for ${name}`);
  return button;
};

describe('coverage', () => {
  it('spans every source’s period, month by month', () => {
    const months = coverageMonths([ORDERS, PAYOUTS]);
    expect(months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(coverageOf(ORDERS, months)).toEqual(['records', 'records', 'covered', 'records', 'none']);
    expect(coverageOf(PAYOUTS, months)).toEqual(['none', 'none', 'none', 'records', 'records']);
  });
});

describe('SourcesSection', () => {
  it('lists each source with its format, rows, records added, period and month grid', () => {
    setup();
    const rows = screen.getAllByRole('row').slice(1);
    const cells = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .slice(0, 5)
        .map((c) => c.textContent),
    );
    expect(cells).toEqual([
      [
        'https://admin.shopify.com/store/northwind/payouts',
        'Shopify Payments payouts export',
        '6',
        '6',
        '2026-04 – 2026-05',
      ],
      ['orders_export.csv', 'Shopify orders export', '120', '118', '2026-01-04 – 2026-04-28'],
    ]);
    const grids = screen.getAllByTestId('coverage');
    expect(grids.map((g) => g.getAttribute('aria-label'))).toEqual([
      '2 months with records of 2 months covered',
      '3 months with records of 4 months covered',
    ]);
    expect([...(grids[1]?.querySelectorAll('span') ?? [])].map((s) => s.getAttribute('title'))).toEqual([
      '2026-01: records',
      '2026-02: records',
      '2026-03: covered, no records',
      '2026-04: records',
      '2026-05: not covered',
    ]);
    expect(screen.getByRole('columnheader', { name: 'Months (2026-01 – 2026-05)' })).toBeTruthy();
  });

  it('tells a new seller what to import', () => {
    setup({ imports: { state: 'ready', value: [] } });
    expect(screen.getByText('Nothing imported yet.')).toBeTruthy();
    expect(screen.getByText('Choose a file')).toBeTruthy();
  });

  it('asks for confirmation before removing a source, and keeps it when the seller declines', async () => {
    const props = setup();
    await userEvent.click(removeButton('orders_export.csv'));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove orders_export.csv' });
    expect(dialog.textContent).toContain('Its 118 records will be deleted from your history');
    expect(props.removeImport).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(props.removeImport).not.toHaveBeenCalled();
  });

  it('removes a source once confirmed, and names the sources to import again', async () => {
    const props = setup();
    await userEvent.click(removeButton('orders_export.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Remove this source' }));
    expect(props.removeImport).toHaveBeenCalledWith(A);
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe(
      'Removed “orders_export.csv” (118 records).' +
        'Records these sources shared with it were skipped when they were imported; import them again to get those records back: https://admin.shopify.com/store/northwind/payouts.',
    );
    expect(props.onChanged).toHaveBeenCalledOnce();
  });

  it('says why a removal failed', async () => {
    setup({ removeImport: vi.fn(async () => Promise.reject(new Error('There is no import aaaa'))) });
    await userEvent.click(removeButton('orders_export.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Remove this source' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not remove it: There is no import aaaa',
    );
  });

  it('says which import was interrupted and undone, in the seller’s words, until dismissed', async () => {
    const dismissInterrupted = vi.fn(async () => {});
    const props = setup({
      interrupted: [{ importId: A, name: 'orders_q2.csv', at: '2026-11-29T10:00:00.000Z' }],
      dismissInterrupted,
    });
    const notice = screen.getByTestId('import-interrupted');
    expect(notice.textContent).toContain(
      'The import of “orders_q2.csv” was interrupted; nothing of it was kept. Import it again.',
    );
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(dismissInterrupted).toHaveBeenCalledWith(A);
    expect(props.onChanged).toHaveBeenCalled();
  });
});
