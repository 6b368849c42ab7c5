import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StoredApplication } from '../../lib/domain/application.ts';
import { ApplicationsTab, type ApplicationsTabProps } from './ApplicationsTab.tsx';
import type { ApplicationAction } from './api.ts';
import {
  BANK,
  BANK_IN_REVIEW,
  DIRECT,
  DIRECT_COUNTER,
  DIRECT_INFO,
  FAILED,
  P2P,
  P2P_FUNDING,
  RETRYING,
} from './test-fixtures.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');

function renderApps(apps: StoredApplication[], props: Partial<ApplicationsTabProps> = {}) {
  const applicationAction = vi.fn(async (id: string, action: ApplicationAction) => {
    const app = apps.find((a) => a.id === id) as StoredApplication;
    return action.action === 'withdraw' ? { ...app, status: 'withdrawn' as const } : app;
  });
  const all: ApplicationsTabProps = {
    loadApplications: vi.fn(async () => apps),
    applicationAction,
    checkNow: vi.fn(async () => ({ sent: 1, polled: 2 })),
    now: () => NOW,
    onShowOffers: vi.fn(),
    ...props,
  };
  render(<ApplicationsTab {...all} />);
  return all;
}

const card = async (channelId: string) => within(await screen.findByTestId(`application-${channelId}`));

describe('ApplicationsTab', () => {
  it('lets the seller record what a link-out provider said', async () => {
    const manual = {
      ...BANK_IN_REVIEW,
      id: 'own:shopify',
      channelId: 'shopify-capital',
      channelName: 'Shopify Capital',
      status: 'draft' as const,
      outbox: { state: 'manual' as const, attempts: 0, nextAttemptAt: null, sendingSince: null },
      remote: undefined,
      packet: null,
    };
    const { applicationAction } = renderApps([manual]);
    const c = await card('shopify-capital');
    await userEvent.selectOptions(c.getByLabelText('Status'), 'offer');
    await userEvent.type(c.getByLabelText('Note'), 'Offered 8,000 USD');
    await userEvent.click(c.getByRole('button', { name: 'Record' }));
    expect(applicationAction).toHaveBeenCalledWith('own:shopify', {
      action: 'update',
      status: 'offer',
      note: 'Offered 8,000 USD',
    });
  });

  it('shows a bank-partnered application in bank review, with both stages and its timeline', async () => {
    renderApps([BANK_IN_REVIEW]);
    const c = await card(BANK.id);
    expect(c.getByRole('heading', { name: BANK.name })).toBeTruthy();
    expect(c.getByTestId('application-status').textContent).toBe('Bank review');
    const stages = c.getByRole('list', { name: 'Review stages' });
    const [platform, bank] = within(stages).getAllByRole('listitem');
    expect(platform?.textContent).toBe('Platform review: passed');
    expect(bank?.textContent).toContain('Bank review (Sandbox Partner Bank): pending');
    expect(bank?.getAttribute('aria-current')).toBe('step');
    expect(c.getByText('Timeline (4 events)')).toBeTruthy();
    expect(c.getByText('Platform review passed; Sandbox Partner Bank is reviewing')).toBeTruthy();
    expect(c.getAllByText('by the lender').length).toBe(3);
  });

  it("shows a P2P listing's funding progress", async () => {
    renderApps([P2P_FUNDING]);
    const c = await card(P2P.id);
    expect(c.getByText('62% funded')).toBeTruthy();
    expect(c.getByText(/96 investors/)).toBeTruthy();
    const bar = c.getByRole('progressbar', { name: 'Funding progress' }) as HTMLProgressElement;
    expect(bar.value).toBe(62);
  });

  it('answers an information request with the attached file, as base64', async () => {
    const { applicationAction } = renderApps([DIRECT_INFO]);
    const c = await card(DIRECT.id);
    expect(c.getByText('Please send your latest business bank statement (PDF).')).toBeTruthy();
    const file = new File(['%PDF-1.4 statement'], 'statement-oct.pdf', { type: 'application/pdf' });
    await userEvent.upload(c.getByLabelText('Attach a file for: bank statement'), file);
    await userEvent.click(c.getByRole('button', { name: 'Send statement-oct.pdf' }));
    await vi.waitFor(() => expect(applicationAction).toHaveBeenCalledOnce());
    expect(applicationAction).toHaveBeenCalledWith(DIRECT_INFO.id, {
      action: 'answer',
      document: {
        requestId: 'req-1',
        filename: 'statement-oct.pdf',
        contentType: 'application/pdf',
        contentBase64: Buffer.from('%PDF-1.4 statement').toString('base64'),
      },
    });
  });

  it('refuses a file over 700 KB before sending anything, and says so', async () => {
    const { applicationAction } = renderApps([DIRECT_INFO]);
    const c = await card(DIRECT.id);
    const big = new File([new Uint8Array(900 * 1024)], 'scan.png', { type: 'image/png' });
    await userEvent.upload(c.getByLabelText('Attach a file for: bank statement'), big);
    expect(c.getByRole('alert').textContent).toContain(
      'This file is 900 KB; files up to 700 KB can be sent.',
    );
    expect(c.queryByRole('button', { name: /^Send / })).toBeNull();
    expect(applicationAction).not.toHaveBeenCalled();
  });

  it('accepts a counter-offer after confirming its terms', async () => {
    const { applicationAction } = renderApps([DIRECT_COUNTER]);
    const c = await card(DIRECT.id);
    const offer = within(c.getByTestId('lender-offer-offer-1'));
    expect(offer.getByText('Counter-offer: different from what you asked')).toBeTruthy();
    expect(offer.getByText('$15,000.00')).toBeTruthy();
    expect(offer.getByText('$1,500.00')).toBeTruthy();
    expect(offer.getByText('26.2%')).toBeTruthy();
    expect(offer.getByText('9 months')).toBeTruthy();
    await userEvent.click(offer.getByRole('button', { name: 'Accept this offer' }));
    expect(applicationAction).not.toHaveBeenCalled();
    expect(offer.getByText('Accept $15,000.00? This commits you to the lender’s terms.')).toBeTruthy();
    await userEvent.click(offer.getByRole('button', { name: 'Yes, accept' }));
    expect(applicationAction).toHaveBeenCalledWith(DIRECT_COUNTER.id, {
      action: 'accept',
      offerId: 'offer-1',
    });
  });

  it('does not offer to accept an expired offer', async () => {
    renderApps([DIRECT_COUNTER], { now: () => new Date('2026-12-01T00:00:00.000Z') });
    const c = await card(DIRECT.id);
    expect(c.getByText('Expired')).toBeTruthy();
    expect(c.queryByRole('button', { name: 'Accept this offer' })).toBeNull();
  });

  it('withdraws only after the seller confirms', async () => {
    const { applicationAction } = renderApps([BANK_IN_REVIEW]);
    const c = await card(BANK.id);
    await userEvent.click(c.getByRole('button', { name: 'Withdraw' }));
    expect(c.getByText(/Withdraw your application to .*This cannot be undone\./)).toBeTruthy();
    expect(document.activeElement).toBe(c.getByRole('button', { name: 'Keep it' }));
    await userEvent.click(c.getByRole('button', { name: 'Keep it' }));
    expect(applicationAction).not.toHaveBeenCalled();

    await userEvent.click(c.getByRole('button', { name: 'Withdraw' }));
    await userEvent.click(c.getByRole('button', { name: 'Yes, withdraw' }));
    expect(applicationAction).toHaveBeenCalledWith(BANK_IN_REVIEW.id, { action: 'withdraw' });
    await vi.waitFor(() => expect(c.getByTestId('application-status').textContent).toBe('Withdrawn'));
    expect(c.queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('says why an application was declined and when to apply again', async () => {
    const declined: StoredApplication = {
      ...BANK_IN_REVIEW,
      status: 'declined',
      detail: { bank: { stage: 'done', platformDecision: 'passed', bankDecision: 'declined' } },
      declineReasons: ['The partner bank lends to bands A to C; this profile is band D.'],
      reapplyAfter: '2027-02-01',
    };
    renderApps([declined]);
    const c = await card(BANK.id);
    expect(c.getByText('The partner bank lends to bands A to C; this profile is band D.')).toBeTruthy();
    expect(c.getByText('You can apply again after Feb 1, 2027.')).toBeTruthy();
    expect(c.queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('says plainly when a lender refused an application and when it is being retried', async () => {
    renderApps([FAILED, RETRYING]);
    const failed = await card(BANK.id);
    expect(failed.getByRole('alert').textContent).toContain(
      'The lender refused this application: business.registrationNumber: expected 18 characters.',
    );
    const retrying = await card(P2P.id);
    expect(retrying.getByRole('status').textContent).toContain(
      'Not delivered yet, retrying (3 attempts so far): The lender did not answer (503).',
    );
  });

  it('shows what went wrong with an action', async () => {
    renderApps([DIRECT_COUNTER], {
      applicationAction: async () => {
        throw new Error('The offer is no longer open');
      },
    });
    const c = await card(DIRECT.id);
    await userEvent.click(c.getByRole('button', { name: 'Accept this offer' }));
    await userEvent.click(c.getByRole('button', { name: 'Yes, accept' }));
    expect((await c.findByRole('alert')).textContent).toContain('The offer is no longer open');
  });

  it('"Check now" runs the outbox and polling, then reads the applications again', async () => {
    const props = renderApps([BANK_IN_REVIEW]);
    await card(BANK.id);
    await userEvent.click(screen.getByRole('button', { name: 'Check now' }));
    await screen.findByText('Checked just now: 1 application sent, 2 statuses updated.');
    expect(props.checkNow).toHaveBeenCalledOnce();
    expect(props.loadApplications).toHaveBeenCalledTimes(2);
  });

  it('says what to do when there is nothing yet, and what happened when reading fails', async () => {
    const { onShowOffers } = renderApps([]);
    expect(await screen.findByText(/No applications yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'See offers' }));
    expect(onShowOffers).toHaveBeenCalledOnce();
  });

  it('reports a failed read', async () => {
    renderApps([], {
      loadApplications: async () => {
        throw new Error('database is closed');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('database is closed');
  });
});
