import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_CATALOG } from '../../lib/channels/catalog/bundled.ts';
import { parseCatalog } from '../../lib/channels/parse-catalog.ts';
import type { RequestOf, ResponseOf } from '../../lib/messaging/protocol.ts';
import { ChannelsSection } from './ChannelsSection.tsx';

type AddCatalog = (request: RequestOf<'addCatalog'>) => Promise<ResponseOf<'addCatalog'>>;

function setup(addCatalog: AddCatalog) {
  const onChanged = vi.fn();
  const add = vi.fn(addCatalog);
  render(
    <ChannelsSection
      channels={{ state: 'ready', value: BUNDLED_CATALOG.channels }}
      addCatalog={add}
      onChanged={onChanged}
    />,
  );
  return { add, onChanged };
}

describe('ChannelsSection', () => {
  it('lists every channel with model, provider, how to apply, source and checked date', () => {
    setup(async () => ({ ok: true, added: [] }));
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(BUNDLED_CATALOG.channels.length);
    const first = BUNDLED_CATALOG.channels[0];
    if (!first) throw new Error('empty catalog');
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells[2]).toBe(first.provider);
    expect(cells[4]).toBe(first.source.url);
    expect(cells[5]).toBe(first.source.checkedAt);
    expect(screen.getAllByText('Bank-partnered').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Peer-to-peer').length).toBeGreaterThan(0);
    expect(screen.getAllByText('On the provider’s site').length).toBeGreaterThan(0);
  });

  it('adds a catalog from a URL', async () => {
    const { add, onChanged } = setup(async () => ({ ok: true, added: ['acme-capital'] }));
    await userEvent.type(screen.getByLabelText('Catalog URL'), 'https://lender.example/catalog.json');
    await userEvent.click(screen.getByRole('button', { name: 'Add from URL' }));
    expect(add).toHaveBeenCalledWith({ url: 'https://lender.example/catalog.json' });
    expect((await screen.findByRole('status')).textContent).toBe('Added 1 channel: acme-capital.');
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('shows every error of a rejected catalog file', async () => {
    // The background answers with parseCatalog's verdict.
    const { add, onChanged } = setup(async (request) => {
      const parsed = parseCatalog('text' in request ? request.text : '', 'the file');
      return parsed.ok ? { ok: true, added: parsed.channels.map((c) => c.id) } : parsed;
    });
    const text = JSON.stringify({ version: 1, channels: [{ id: 'Bad Id', name: '' }] });
    await userEvent.upload(
      screen.getByLabelText('Catalog file'),
      new File([text], 'catalog.json', { type: 'application/json' }),
    );
    expect(add).toHaveBeenCalledWith({ text });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The catalog was not added:');
    const errors = within(screen.getByTestId('catalog-errors')).getAllByRole('listitem');
    expect(errors.length).toBeGreaterThan(1);
    expect(errors.map((e) => e.textContent)).toContain(
      'channels.0.id: lower-case letters, digits and dashes',
    );
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('says why a URL could not be added', async () => {
    setup(async () => Promise.reject(new Error('https://lender.example/x answered 404.')));
    await userEvent.type(screen.getByLabelText('Catalog URL'), 'https://lender.example/x');
    await userEvent.click(screen.getByRole('button', { name: 'Add from URL' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The catalog was not added: https://lender.example/x answered 404.',
    );
  });
});
