// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelClient } from '../../lib/channels/client.ts';
import { DAY, MINUTE } from './machine.ts';
import { type Sandbox, SteppedClock, startSandbox } from './server.ts';
import { BANK, makePacket, newKey, P2P } from './testing.ts';

const SPEED = 1440;
const START = Date.parse('2026-12-01T09:00:00.000Z');

describe('lender time stepped to what the sandbox says comes next', () => {
  let sandbox: Sandbox;
  const clock = new SteppedClock(START, SPEED);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, speed: SPEED, clock: clock.now });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('names the next status and its moment; the clock goes there and never back', async () => {
    expect(sandbox.lenderView(BANK)).toBeNull();
    const client = createChannelClient({
      baseUrl: `${sandbox.origin}/lenders/${BANK}`,
      allowLoopbackHttp: true,
    });
    await client.create(makePacket(BANK), newKey());
    let seen = sandbox.lenderView(BANK);
    expect(seen?.view.status).toBe('submitted');
    expect(seen?.next).toEqual({ status: 'in_review', at: START + (10 * MINUTE) / SPEED });

    clock.advanceTo(seen?.next?.at ?? 0);
    seen = sandbox.lenderView(BANK);
    expect(seen?.view.status).toBe('in_review');
    expect(seen?.next).toEqual({ status: 'bank_review', at: START + (10 * MINUTE + DAY) / SPEED });

    clock.advanceTo(START); // earlier: ignored
    expect(clock.now()).toBe(START + (10 * MINUTE) / SPEED);
    clock.advanceBy(DAY);
    expect(sandbox.lenderView(BANK)?.view.status).toBe('bank_review');
  });

  it('says nothing comes next while the lender waits for the seller', async () => {
    const client = createChannelClient({
      baseUrl: `${sandbox.origin}/lenders/${P2P}`,
      allowLoopbackHttp: true,
    });
    await client.create(makePacket(P2P), newKey());
    for (let i = 0; i < 10; i += 1) {
      const next = sandbox.lenderView(P2P)?.next;
      if (!next) break;
      clock.advanceTo(next.at);
    }
    // A band B listing funds fully within its 14 days; funded waits for repayments, 30 days on.
    const seen = sandbox.lenderView(P2P);
    expect(seen?.view.status).toBe('repaying');
    expect(seen?.next).toBeNull();
  });
});
