import { SANDBOX_CHANNELS } from '../../lib/channels/catalog/sandbox.ts';
import { type ChannelClientOptions, createChannelClient } from '../../lib/channels/client.ts';
import type { ApplicationPacket } from '../../lib/domain/application.ts';
import { type Sandbox, startSandbox } from './server.ts';

/** Helpers for tests of the sandbox lenders and of the Channel API client. */

export const BANK = 'sandbox-bank-partnered';
export const DIRECT = 'sandbox-platform-direct';
export const P2P = 'sandbox-p2p';

const usd = (dollars: number) => ({ amount: Math.round(dollars * 100), currency: 'USD' });

/**
 * A valid packet for a sandbox channel (every packet field present): a band B seller with two
 * years of sales, $480,000 over the last 12 months, $30,000 in the weakest month, asking for
 * $40,000 of inventory finance. `change` edits a copy.
 */
export function makePacket(
  channelId: string,
  change?: (packet: ApplicationPacket) => void,
): ApplicationPacket {
  const channel = SANDBOX_CHANNELS.find((c) => c.id === channelId);
  const packet: ApplicationPacket = {
    packetVersion: 1,
    channelId,
    requested: { amount: usd(40_000), purpose: 'Inventory for the holiday season' },
    business: {
      legalName: 'Harbour Lights Trading Ltd',
      registrationNumber: '12345678',
      country: 'GB',
      yearsTrading: 4,
      contactName: 'Mei Chen',
      contactEmail: 'mei@harbourlights.example',
      contactPhone: '+44 20 7946 0000',
    },
    profile: {
      summary: {
        currency: 'USD',
        asOf: '2026-11-30',
        score: 78,
        band: 'B',
        monthsOfHistory: 24,
        ttmSales: usd(480_000),
        avgMonthlySales: usd(40_000),
        lowestMonthSales: usd(30_000),
        refundRate: 0.03,
        chargebackRate: 0.002,
        growthRate: 0.12,
        dataCoverage: 0.96,
      },
      monthly: [
        {
          month: '2026-10',
          orders: 812,
          grossSales: usd(41_000),
          refunds: usd(1_200),
          fees: usd(6_100),
          payouts: usd(33_700),
        },
      ],
    },
    provenance: [
      {
        format: 'amazon-settlement-v2',
        kind: 'file',
        periodStart: '2024-12-01',
        periodEnd: '2026-11-30',
        rows: 19_480,
        sha256: 'a'.repeat(64),
      },
    ],
    consent: {
      receiptId: 'receipt-1',
      version: 'tradeline-consent/1',
      consentAt: '2026-12-01T08:59:00.000Z',
      subject: { legalName: 'Harbour Lights Trading Ltd', contactEmail: 'mei@harbourlights.example' },
      recipient: {
        channelId,
        name: channel?.name ?? channelId,
        provider: channel?.provider ?? 'unknown',
        url: 'http://127.0.0.1:8787/lenders',
      },
      purpose: 'Apply for financing',
      fields: channel?.requiredFields ?? [],
    },
  };
  const copy = structuredClone(packet);
  change?.(copy);
  return copy;
}

/** Sets the profile's score and band. */
export function rated(score: number, band: 'A' | 'B' | 'C' | 'D' | 'E') {
  return (packet: ApplicationPacket) => {
    const summary = packet.profile?.summary;
    if (summary) Object.assign(summary, { score, band });
  };
}

/** Asks for `dollars`. */
export function asking(dollars: number) {
  return (packet: ApplicationPacket) => {
    packet.requested = { ...packet.requested, amount: usd(dollars) };
  };
}

export const START = Date.parse('2026-12-01T09:00:00.000Z');

export interface TestSandbox {
  sandbox: Sandbox;
  origin: string;
  /** Moves the sandbox clock on; nothing sleeps. */
  tick(ms: number): void;
  now(): number;
  /** A Channel API client for one of the sandbox channels. */
  client(
    channelId: string,
    options?: Omit<ChannelClientOptions, 'baseUrl'>,
  ): ReturnType<typeof createChannelClient>;
  baseUrl(channelId: string): string;
}

/** A sandbox on a random loopback port whose clock moves only by `tick` (speed 1 unless told). */
export async function startTestSandbox(speed = 1): Promise<TestSandbox> {
  let now = START;
  const sandbox = await startSandbox({ port: 0, speed, clock: () => now });
  const baseUrl = (channelId: string) => `${sandbox.origin}/lenders/${channelId}`;
  return {
    sandbox,
    origin: sandbox.origin,
    tick: (ms) => {
      now += ms;
    },
    now: () => now,
    client: (channelId, options) =>
      createChannelClient({ baseUrl: baseUrl(channelId), allowLoopbackHttp: true, ...options }),
    baseUrl,
  };
}

let keys = 0;
/** A fresh Idempotency-Key. */
export function newKey(): string {
  keys += 1;
  return `test-key-${process.pid}-${keys}`;
}
