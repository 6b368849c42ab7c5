import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FORMATS } from '../../lib/sources/registry.ts';
import { ImportPanel, provenanceOf } from './ImportPanel.tsx';
import {
  createInProcessWorker,
  type FromWorker,
  type ImportWorker,
  type StoreBatch,
} from './import-session.ts';

const ORDERS = readFileSync(resolve('components/options/fixtures/orders_export.csv'));
const UNKNOWN = readFileSync(resolve('components/options/fixtures/bank-statement.csv'));
const SHA = createHash('sha256').update(ORDERS).digest('hex');

const fileOf = (bytes: Uint8Array, name: string) =>
  new File([new Uint8Array(bytes)], name, { type: 'text/csv' });

/** The real reading session, in-process, recording every message it sends to the page. */
function recordingWorker(seen: FromWorker[], store: StoreBatch, chunkBytes = 64) {
  return (): ImportWorker => {
    const worker = createInProcessWorker({ formats: FORMATS, chunkBytes, store });
    return {
      ...worker,
      listen: (handler) =>
        worker.listen((message) => {
          seen.push(message);
          handler(message);
        }),
    };
  };
}

type Request = Parameters<StoreBatch>[0];

function storing() {
  const sent: Request[] = [];
  const importEntries = vi.fn(async (request: Request) => {
    sent.push(request);
    return {
      importId: request.provenance.sha256,
      added: request.entries.length,
      duplicates: 0,
      months: [...new Set(request.entries.map((e) => e.date.slice(0, 7)))].sort(),
    };
  });
  return { sent, importEntries };
}

function drop(file: File) {
  fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [file] } });
}

describe('ImportPanel', () => {
  it('reads a dropped file in the worker, with progress, and previews it with every issue', async () => {
    const seen: FromWorker[] = [];
    const { importEntries } = storing();
    render(<ImportPanel createWorker={recordingWorker(seen, importEntries)} onImported={() => {}} />);
    drop(fileOf(ORDERS, 'orders_export.csv'));

    const preview = await screen.findByRole('region', { name: 'Preview of “orders_export.csv”' });
    expect(within(preview).getByTestId('preview-format').textContent).toBe('Shopify orders export');
    expect(within(preview).getByTestId('preview-rows').textContent).toBe('4');
    expect(within(preview).getByTestId('preview-records').textContent).toBe('3');
    expect(within(preview).getByTestId('preview-period').textContent).toBe('2026-09-03 – 2026-10-31');
    expect(within(preview).getByTestId('preview-months').textContent).toBe('2026-09 (1), 2026-10 (2)');
    expect(within(preview).getByTestId('preview-kinds').textContent).toBe('Orders: 3');
    const first = within(within(preview).getByTestId('preview-first')).getAllByRole('row');
    expect(first.map((r) => r.textContent)).toEqual([
      'LineKindDateOrder or payoutAmount',
      '2Orders2026-09-03#1001$45.00',
      '3Orders2026-10-12#1002$120.50',
      '5Orders2026-10-31#1004$9.99',
    ]);
    expect(within(preview).getByTestId('issues-heading').textContent).toBe('1 issue');
    const issues = within(within(preview).getByTestId('preview-issues')).getAllByRole('row');
    expect(issues[1]?.textContent).toBe('4Total"abc" is not an amount; order #1003 was skipped.');

    // The bar moved: progress in steps of 64 bytes up to the whole file, before the preview.
    const progress = seen.filter((m) => m.type === 'progress').map((m) => m.read);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(ORDERS.byteLength);
    expect(seen.findIndex((m) => m.type === 'preview')).toBeGreaterThan(
      seen.findLastIndex((m) => m.type === 'progress'),
    );
    expect(importEntries).not.toHaveBeenCalled();
  });

  it('shows a progress bar while reading', async () => {
    // A worker that has only begun: the page shows how far it got.
    let handler: (m: FromWorker) => void = () => {};
    const worker: ImportWorker = { post: () => {}, listen: (h) => (handler = h), terminate: () => {} };
    render(<ImportPanel createWorker={() => worker} onImported={() => {}} />);
    drop(fileOf(new Uint8Array(2048), 'big.csv'));
    handler({ type: 'progress', read: 1024, total: 2048 });
    const bar = await screen.findByRole('progressbar', { name: 'Reading progress' });
    await waitFor(() => expect(bar.getAttribute('value')).toBe('1024'));
    expect(bar.getAttribute('max')).toBe('2048');
    expect(screen.getByTestId('read-progress').textContent).toBe('1.0 KB of 2.0 KB');
  });

  it('Import has the worker store the records in batches, each with the file’s provenance', async () => {
    const { sent, importEntries } = storing();
    const onImported = vi.fn();
    render(
      <ImportPanel createWorker={recordingWorker([], importEntries)} onImported={onImported} batchSize={2} />,
    );
    drop(fileOf(ORDERS, 'orders_export.csv'));
    await userEvent.click(await screen.findByRole('button', { name: 'Import 3 records' }));
    expect(await screen.findByText('Imported “orders_export.csv”: 3 records added.')).toBeTruthy();

    expect(sent.map((r) => r.entries.map((e) => e.orderId))).toEqual([['#1001', '#1002'], ['#1004']]);
    for (const request of sent) {
      expect(request.platform).toBe('shopify');
      expect(request.provenance).toEqual({
        kind: 'file',
        name: 'orders_export.csv',
        size: ORDERS.byteLength,
        format: 'shopify-orders',
        sha256: SHA,
        rows: 4,
        periodStart: '2026-09-03',
        periodEnd: '2026-10-31',
        readAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      expect(request.entries.every((e) => e.importId === SHA)).toBe(true);
    }
    expect(sent[0]?.provenance.readAt).toBe(sent[1]?.provenance.readAt);
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('the worker lets each batch go once stored: the same batch is never stored twice', async () => {
    const seen: FromWorker[] = [];
    const store: StoreBatch = vi.fn(async (request) => ({ added: request.entries.length, duplicates: 0 }));
    const worker = createInProcessWorker({ formats: FORMATS, chunkBytes: 64, store });
    worker.listen((m) => seen.push(m));
    worker.post({ type: 'read', file: fileOf(ORDERS, 'orders_export.csv'), name: 'orders_export.csv' });
    await waitFor(() => expect(seen.some((m) => m.type === 'preview')).toBe(true));
    const preview = seen.find((m) => m.type === 'preview');
    if (preview?.type !== 'preview') throw new Error('no preview');
    const request = {
      type: 'store' as const,
      index: 0,
      count: 2,
      size: 2,
      provenance: provenanceOf(preview.preview),
      platform: 'shopify' as const,
    };
    worker.post(request);
    await waitFor(() => expect(seen.filter((m) => m.type === 'stored')).toHaveLength(1));
    worker.post(request);
    await waitFor(() => expect(seen.some((m) => m.type === 'store-failed')).toBe(true));
    expect(seen.find((m) => m.type === 'store-failed')).toMatchObject({
      index: 0,
      detail: 'Batch 1 was stored already.',
    });
    expect(store).toHaveBeenCalledTimes(1);
    worker.post({ ...request, index: 1 });
    await waitFor(() => expect(seen.filter((m) => m.type === 'stored')).toHaveLength(2));
    expect(vi.mocked(store).mock.calls[1]?.[0].entries.map((e) => e.orderId)).toEqual(['#1004']);
    expect(vi.mocked(store).mock.calls[1]?.[0].batch).toEqual({ index: 1, count: 2 });
  });

  it('Import reads the file again and stores each batch as soon as it is read, not after the whole file', async () => {
    // A file of 9,000 orders (700 kB), read in chunks of 4 kB: batches of 3,000 records. Reading
    // starts once the first 256 kB were searched for the header.
    const head = ORDERS.toString('utf8').split('\n')[0] as string;
    const lines = Array.from(
      { length: 9000 },
      (_, i) =>
        `#${2000 + i},a@example.invalid,paid,USD,${i + 1}.00,0.00,2026-09-0${1 + (i % 9)} 10:00:00 -0700,Apron`,
    );
    const bytes = new TextEncoder().encode(`${head}\n${lines.join('\n')}\n`);
    // Where the worker had read to (the end of its furthest slice) each time it stored a batch.
    let readTo = 0;
    const file = fileOf(bytes, 'orders_export.csv');
    const slice = file.slice.bind(file);
    file.slice = (start?: number, end?: number) => {
      readTo = Math.max(readTo, Math.min(end ?? file.size, file.size));
      return slice(start, end);
    };
    const readWhenStored: number[] = [];
    const store: StoreBatch = vi.fn(async (request) => {
      readWhenStored.push(readTo);
      return { added: request.entries.length, duplicates: 0 };
    });
    const worker = createInProcessWorker({ formats: FORMATS, chunkBytes: 4096, store });
    const seen: FromWorker[] = [];
    worker.listen((m) => seen.push(m));
    worker.post({ type: 'read', file, name: 'orders_export.csv' });
    await waitFor(() => expect(seen.some((m) => m.type === 'preview')).toBe(true));
    const preview = seen.find((m) => m.type === 'preview');
    if (preview?.type !== 'preview') throw new Error('no preview');
    expect(preview.preview.records).toBe(9000);
    // The preview keeps the first records only.
    expect(preview.preview.first.map((e) => e.orderId)).toEqual(
      lines.slice(0, 10).map((l) => l.split(',')[0]),
    );

    readTo = 0;
    const base = { type: 'store' as const, count: 3, size: 3000, provenance: provenanceOf(preview.preview) };
    for (let index = 0; index < 3; index++) {
      worker.post({ ...base, index, platform: 'shopify' });
      await waitFor(() => expect(seen.filter((m) => m.type === 'stored')).toHaveLength(index + 1));
    }
    const batches = vi.mocked(store).mock.calls.map(([request]) => request);
    expect(batches.map((b) => b.entries.length)).toEqual([3000, 3000, 3000]);
    expect(batches.flatMap((b) => b.entries.map((e) => e.orderId))).toEqual(
      lines.map((l) => l.split(',')[0]),
    );
    expect(batches.map((b) => b.batch)).toEqual([0, 1, 2].map((index) => ({ index, count: 3 })));
    // The first batches were stored with only part of the file read again.
    expect(readWhenStored[0]).toBeLessThan(bytes.byteLength / 2);
    expect(readWhenStored[1]).toBeLessThan(bytes.byteLength);
    expect(readWhenStored[2]).toBe(bytes.byteLength);
  });

  it('a file changed on disk between the preview and Import is not stored, and the page says to choose it again', async () => {
    const { importEntries } = storing();
    render(<ImportPanel createWorker={recordingWorker([], importEntries)} onImported={() => {}} />);
    // What the seller picked, then saved again with a changed amount before pressing Import.
    const changed = new Uint8Array(ORDERS);
    const at = ORDERS.indexOf('45.00');
    changed[at] = '5'.charCodeAt(0);
    let current: Blob = new Blob([new Uint8Array(ORDERS)]);
    const file = fileOf(ORDERS, 'orders_export.csv');
    file.slice = (start?: number, end?: number) => current.slice(start, end);
    file.arrayBuffer = () => current.arrayBuffer();
    drop(file);
    const button = await screen.findByRole('button', { name: 'Import 3 records' });
    current = new Blob([changed]);
    await userEvent.click(button);
    await expectRefusedAsChanged(importEntries);
  });

  it('a file the browser no longer lets be read (modified since it was picked) is said to have changed', async () => {
    const { importEntries } = storing();
    render(<ImportPanel createWorker={recordingWorker([], importEntries)} onImported={() => {}} />);
    const file = fileOf(ORDERS, 'orders_export.csv');
    drop(file);
    const button = await screen.findByRole('button', { name: 'Import 3 records' });
    // What Chromium does once a picked file was modified on disk.
    file.arrayBuffer = () => Promise.reject(new DOMException('The file changed.', 'NotReadableError'));
    await userEvent.click(button);
    await expectRefusedAsChanged(importEntries);
  });

  it('a batch that does not hold what the preview counted fails the file, and its earlier batches are undone', async () => {
    const seen: FromWorker[] = [];
    const store: StoreBatch = vi.fn(async (request) => ({ added: request.entries.length, duplicates: 0 }));
    const discard = vi.fn(async () => {});
    const worker = createInProcessWorker({ formats: FORMATS, chunkBytes: 64, store, discard });
    worker.listen((m) => seen.push(m));
    worker.post({ type: 'read', file: fileOf(ORDERS, 'orders_export.csv'), name: 'orders_export.csv' });
    await waitFor(() => expect(seen.some((m) => m.type === 'preview')).toBe(true));
    const preview = seen.find((m) => m.type === 'preview');
    if (preview?.type !== 'preview') throw new Error('no preview');
    // Three records asked for as two batches of one (a page's mistake): the second cannot be made.
    const request = { type: 'store' as const, count: 2, size: 1, provenance: provenanceOf(preview.preview) };
    for (let index = 0; index < 2; index++) {
      worker.post({ ...request, index, platform: 'shopify' });
      await waitFor(() =>
        expect(seen.filter((m) => m.type === 'stored' || m.type === 'store-failed')).toHaveLength(index + 1),
      );
    }
    expect(seen.filter((m) => m.type === 'stored')).toHaveLength(1);
    expect(seen.find((m) => m.type === 'store-failed')).toMatchObject({
      index: 1,
      detail: 'The file read again does not match its preview at batch 2 of 2.',
    });
    expect(store).toHaveBeenCalledTimes(1);
    expect(discard).toHaveBeenCalledWith(SHA);
  });

  it('never stores more than 20,000 records in one batch', async () => {
    const { sent, importEntries } = storing();
    // 20,001 orders, more than one batch holds: asked for batches of 999,999, it still splits them.
    const rows = Array.from(
      { length: 20_001 },
      (_, i) => `#${i + 1},a@example.invalid,paid,USD,1.00,0.00,2026-09-03 10:00:00 -0700,Apron`,
    );
    const big = new TextEncoder().encode(
      `Name,Email,Financial Status,Currency,Total,Refunded Amount,Created at,Lineitem name\n${rows.join('\n')}\n`,
    );
    render(
      <ImportPanel
        createWorker={recordingWorker([], importEntries, 1 << 20)}
        onImported={() => {}}
        batchSize={999_999}
      />,
    );
    drop(fileOf(big, 'orders_export.csv'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Import 20,001 records' }, { timeout: 10_000 }),
    );
    await screen.findByRole('status', {}, { timeout: 10_000 });
    expect(sent.map((r) => r.entries.length)).toEqual([20_000, 1]);
  });

  it('Cancel stores nothing', async () => {
    const { importEntries } = storing();
    const onImported = vi.fn();
    render(<ImportPanel createWorker={recordingWorker([], importEntries)} onImported={onImported} />);
    drop(fileOf(ORDERS, 'orders_export.csv'));
    const preview = await screen.findByRole('region', { name: 'Preview of “orders_export.csv”' });
    await userEvent.click(within(preview).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(importEntries).not.toHaveBeenCalled();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('Cancel while reading stops the worker', async () => {
    const terminate = vi.fn();
    let handler: (m: FromWorker) => void = () => {};
    const worker: ImportWorker = { post: () => {}, listen: (h) => (handler = h), terminate };
    render(<ImportPanel createWorker={() => worker} onImported={() => {}} />);
    drop(fileOf(ORDERS, 'orders_export.csv'));
    handler({ type: 'progress', read: 10, total: ORDERS.byteLength });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(terminate).toHaveBeenCalled();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('a file picked with the file input is read the same way', async () => {
    render(<ImportPanel createWorker={recordingWorker([], storing().importEntries)} onImported={() => {}} />);
    await userEvent.upload(screen.getByLabelText('Choose a file'), fileOf(ORDERS, 'picked.csv'));
    expect(await screen.findByRole('region', { name: 'Preview of “picked.csv”' })).toBeTruthy();
  });

  it('says plainly when a file is not a known report, and lists the formats', async () => {
    const { importEntries } = storing();
    render(<ImportPanel createWorker={recordingWorker([], importEntries)} onImported={() => {}} />);
    drop(fileOf(UNKNOWN, 'bank-statement.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“bank-statement.csv” is not a report Tradeline can read.');
    const formats = within(screen.getByTestId('known-formats')).getAllByRole('listitem');
    expect(formats.map((li) => li.textContent)).toEqual(FORMATS.map((f) => f.label));
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(importEntries).not.toHaveBeenCalled();
  });

  it('says that nothing of the file was kept when a batch is refused', async () => {
    let calls = 0;
    const importEntries = vi.fn(async (request: Request) => {
      calls += 1;
      if (calls === 2) throw new Error('Invalid "importEntries" payload');
      return {
        importId: request.provenance.sha256,
        added: request.entries.length,
        duplicates: 0,
        months: [],
      };
    });
    const onImported = vi.fn();
    render(
      <ImportPanel createWorker={recordingWorker([], importEntries)} onImported={onImported} batchSize={2} />,
    );
    drop(fileOf(ORDERS, 'orders_export.csv'));
    await userEvent.click(await screen.findByRole('button', { name: 'Import 3 records' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Storing stopped after 1 batch: Invalid "importEntries" payload. Nothing of the file was kept (the batch already stored was undone): import it again.',
    );
    expect(onImported).toHaveBeenCalledOnce();
  });
});

/** Import refused because the file changed since its preview: said to the seller, nothing stored. */
async function expectRefusedAsChanged(
  importEntries: ReturnType<typeof storing>['importEntries'],
): Promise<void> {
  expect(
    await screen.findByText(
      'Nothing was stored: the file changed after it was read; choose it again to see what it holds now',
    ),
  ).toBeTruthy();
  expect(importEntries).not.toHaveBeenCalled();
}
