import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BusinessDetails } from '../../lib/domain/application.ts';
import type { ApplyRequest, PreviewRequest } from './api.ts';
import { OffersTab, type OffersTabProps } from './OffersTab.tsx';
import {
  BANK,
  COMPLETE_BUSINESS,
  DIRECT,
  DIRECT_INFO,
  OFFERS,
  P2P,
  previews,
  SHOPIFY,
} from './test-fixtures.ts';

function renderOffers(
  props: Partial<OffersTabProps> = {},
  business: Partial<BusinessDetails> = COMPLETE_BUSINESS,
) {
  const previewApplication = vi.fn(async (r: PreviewRequest) => previews(r, business));
  const apply = vi.fn(async (_: ApplyRequest) => [DIRECT_INFO]);
  const all: OffersTabProps = {
    hasHistory: true,
    loadOffers: async () => OFFERS,
    previewApplication,
    apply,
    newSubmissionId: vi.fn(() => 'submission-0001'),
    onOpenOptions: vi.fn(),
    onOpenLink: vi.fn(),
    onApplied: vi.fn(),
    ...props,
  };
  render(<OffersTab {...all} />);
  return { ...all, previewApplication, apply };
}

const cards = () => screen.getAllByRole('article').map((a) => a.getAttribute('data-testid'));

describe('OffersTab', () => {
  it('lists eligible channels first, largest amount first, with their terms side by side', async () => {
    renderOffers();
    await screen.findByText('You prequalify for 3 channels');
    expect(cards()).toEqual([
      `offer-${BANK.id}`,
      `offer-${DIRECT.id}`,
      `offer-${SHOPIFY.id}`,
      `offer-${P2P.id}`,
    ]);

    const bank = within(screen.getByTestId(`offer-${BANK.id}`));
    expect(bank.getByTestId('offer-amount').textContent).toBe('$36,000');
    expect(bank.getByTestId('offer-apr').textContent).toBe('11.3%');
    expect(bank.getByText('$360')).toBeTruthy();
    expect(bank.getByText('12 months')).toBeTruthy();
    expect(bank.getByText('Monthly installments')).toBeTruthy();
    expect(bank.getByText('Platform + partner bank')).toBeTruthy();

    const direct = within(screen.getByTestId(`offer-${DIRECT.id}`));
    expect(direct.getByTestId('offer-amount').textContent).toBe('$18,400');
    expect(direct.getByTestId('offer-apr').textContent).toBe('28.4%');
    expect(direct.getByText('$1,840')).toBeTruthy();
    expect(direct.getByText('about 9 months')).toBeTruthy();
    expect(direct.getByText('12% of each sale')).toBeTruthy();
  });

  it('shows what stands between the seller and the other channels', async () => {
    renderOffers();
    const gaps = await screen.findByRole('list', { name: `What stands between you and ${P2P.name}` });
    expect(
      within(gaps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['2 more months of history', 'refund rate 7.1% above 5%']);
    expect(screen.queryByRole('checkbox', { name: P2P.name })).toBeNull();
  });

  it("sends link-out channels to the provider's own site instead of applying", async () => {
    const { onOpenLink } = renderOffers();
    const shopify = within(await screen.findByTestId(`offer-${SHOPIFY.id}`));
    expect(shopify.queryByRole('checkbox')).toBeNull();
    await userEvent.click(shopify.getByRole('button', { name: "Apply on Shopify's site" }));
    expect(onOpenLink).toHaveBeenCalledWith(SHOPIFY.submission.kind === 'link' ? SHOPIFY.submission.url : '');
  });

  it('can keep a record of a link-out application, to update it by hand later', async () => {
    const onTrackLinkOut = vi.fn(async () => ({}));
    renderOffers({ onTrackLinkOut });
    const shopify = within(await screen.findByTestId(`offer-${SHOPIFY.id}`));
    await userEvent.click(shopify.getByRole('button', { name: 'Track it here' }));
    expect(onTrackLinkOut).toHaveBeenCalledWith(SHOPIFY.id);
    expect(
      await shopify.findByText('Tracked: record what the provider tells you under Applications.'),
    ).toBeTruthy();
    expect(shopify.queryByRole('button', { name: 'Track it here' })).toBeNull();
  });

  it('opens one consent sheet per ticked channel, with every field and what is withheld', async () => {
    const { previewApplication } = renderOffers();
    const apply = await screen.findByRole('button', { name: 'Apply' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: DIRECT.name }));
    await userEvent.click(screen.getByRole('checkbox', { name: BANK.name }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 2 channels' }));

    expect(await screen.findByRole('heading', { name: 'Review what is sent' })).toBeTruthy();
    await screen.findByTestId(`sheet-${BANK.id}`);
    expect(previewApplication).toHaveBeenCalledWith({
      channelIds: [BANK.id, DIRECT.id],
      purpose: 'Working capital: inventory',
    });
    const bank = within(screen.getByTestId(`sheet-${BANK.id}`));
    expect(bank.getByRole('heading', { name: BANK.name })).toBeTruthy();
    expect(bank.getByText(BANK.provider)).toBeTruthy();
    expect(
      bank.getByText(`Apply for financing from ${BANK.name} (${BANK.provider}): Working capital: inventory`),
    ).toBeTruthy();
    expect(bank.getByRole('rowheader', { name: 'Registration number' })).toBeTruthy();
    expect(bank.getByRole('cell', { name: '91440300MA5F000000' })).toBeTruthy();
    expect(bank.getByRole('cell', { name: '$18,400.00' })).toBeTruthy();
    const direct = within(screen.getByTestId(`sheet-${DIRECT.id}`));
    expect(direct.getByRole('cell', { name: 'Shenzhen Bright Lamp Trading Co., Ltd.' })).toBeTruthy();
    // The platform lender does not ask for the registration number: it is listed as withheld.
    expect(direct.queryByRole('rowheader', { name: 'Registration number' })).toBeNull();
    expect(direct.getByText('Registration number', { selector: 'li' })).toBeTruthy();
    expect(direct.getByText(/never sent to any channel/)).toBeTruthy();
  });

  it('blocks applying while a field is not yet given, and says where to fill it', async () => {
    const { registrationNumber: _, ...withoutRegistration } = COMPLETE_BUSINESS;
    const { onOpenOptions, previewApplication } = renderOffers({}, withoutRegistration);
    await userEvent.click(await screen.findByRole('checkbox', { name: BANK.name }));
    await userEvent.click(screen.getByRole('checkbox', { name: DIRECT.name }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 2 channels' }));

    const bank = within(await screen.findByTestId(`sheet-${BANK.id}`));
    expect(bank.getByText('not yet given')).toBeTruthy();
    expect(bank.getByTestId(`missing-${BANK.id}`).textContent).toBe('Missing: Registration number.');
    expect(screen.queryByTestId(`missing-${DIRECT.id}`)).toBeNull();

    const agree = screen.getByRole('button', { name: 'I agree, send to 2 lenders' }) as HTMLButtonElement;
    expect(agree.disabled).toBe(true);
    expect(agree.getAttribute('aria-describedby')).toBeTruthy();
    const why = document.getElementById(agree.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toContain('Settings → Business details');
    await userEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(previewApplication).toHaveBeenCalledTimes(2);
  });

  it('applies once, after the explicit agreement, with the channels and the purpose written', async () => {
    let finish: (value: []) => void = () => {};
    const apply = vi.fn((_: ApplyRequest) => new Promise<[]>((resolve) => (finish = resolve)));
    const { onApplied, newSubmissionId, previewApplication } = renderOffers({ apply });
    await userEvent.click(await screen.findByRole('checkbox', { name: DIRECT.name }));
    await userEvent.click(screen.getByRole('checkbox', { name: BANK.name }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 2 channels' }));
    await screen.findByTestId(`sheet-${BANK.id}`);
    expect(apply).not.toHaveBeenCalled();

    const purpose = screen.getByLabelText('Purpose of the financing');
    await userEvent.clear(purpose);
    await userEvent.type(purpose, 'Stock for the Q4 season');
    // The sheets must show the new purpose before the seller can agree to them.
    expect(
      (screen.getByRole('button', { name: 'I agree, send to 2 lenders' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Update the sheets' }));
    await screen.findByText(
      `Apply for financing from ${BANK.name} (${BANK.provider}): Stock for the Q4 season`,
    );
    expect(previewApplication).toHaveBeenLastCalledWith({
      channelIds: [BANK.id, DIRECT.id],
      purpose: 'Stock for the Q4 season',
    });

    await userEvent.dblClick(screen.getByRole('button', { name: 'I agree, send to 2 lenders' }));
    expect(apply).toHaveBeenCalledOnce();
    expect(apply).toHaveBeenCalledWith({
      channelIds: [BANK.id, DIRECT.id],
      purpose: 'Stock for the Q4 season',
      submissionId: 'submission-0001',
    });
    expect(newSubmissionId).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeTruthy();
    finish([]);
    await vi.waitFor(() => expect(onApplied).toHaveBeenCalledOnce());
  });

  it('keeps the same submission id when applying again after an error', async () => {
    const apply = vi
      .fn<(r: ApplyRequest) => Promise<never[]>>()
      .mockRejectedValueOnce(new Error('The background did not answer'))
      .mockResolvedValueOnce([]);
    renderOffers({ apply });
    await userEvent.click(await screen.findByRole('checkbox', { name: DIRECT.name }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 1 channel' }));
    await userEvent.click(await screen.findByRole('button', { name: 'I agree, send to 1 lender' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The background did not answer');
    await userEvent.click(screen.getByRole('button', { name: 'I agree, send to 1 lender' }));
    expect(apply.mock.calls.map(([r]) => r.submissionId)).toEqual(['submission-0001', 'submission-0001']);
  });

  it('says what to do when there is no history, no eligible channel, or an error', async () => {
    const { unmount } = render(
      <OffersTab
        hasHistory={false}
        loadOffers={async () => OFFERS}
        previewApplication={vi.fn()}
        apply={vi.fn()}
        newSubmissionId={() => 'x'}
        onOpenOptions={() => {}}
        onOpenLink={() => {}}
        onApplied={() => {}}
      />,
    );
    expect(screen.getByText(/Import your sales history first/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import a report' })).toBeTruthy();
    unmount();

    const none = { ...OFFERS, offers: OFFERS.offers.map((o) => ({ ...o, eligible: false })) };
    const second = render(
      <OffersTab
        hasHistory={true}
        loadOffers={async () => none}
        previewApplication={vi.fn()}
        apply={vi.fn()}
        newSubmissionId={() => 'x'}
        onOpenOptions={() => {}}
        onOpenLink={() => {}}
        onApplied={() => {}}
      />,
    );
    expect(await screen.findByText(/You do not prequalify for any channel yet/)).toBeTruthy();
    second.unmount();

    renderOffers({
      loadOffers: async () => {
        throw new Error('catalog unreadable');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('catalog unreadable');
  });
});
