import { describe, expect, it, vi } from 'vitest';
import { sendEarly, takeEarly } from './early-requests.ts';

function chromeScope(reply: (message: unknown) => Promise<unknown>) {
  const sendMessage = vi.fn(reply);
  return {
    scope: {
      chrome: { runtime: { id: 'ext', getURL: String, sendMessage, onMessage: { addListener() {} } } },
    },
    sendMessage,
  };
}

describe('a page’s first requests, sent before its bundle runs', () => {
  it('sends each at once and hands each answer out exactly once, to the same request only', async () => {
    const { scope, sendMessage } = chromeScope(async (m) => ({
      ok: true,
      data: (m as { type: string }).type,
    }));
    sendEarly(['getOverview', 'getProfile'], scope);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(sendMessage).toHaveBeenCalledWith({ channel: 'tradeline/v1', type: 'getOverview', data: {} });
    // A request with data is not the one sent early.
    expect(takeEarly({ channel: 'tradeline/v1', type: 'getProfile', data: { x: 1 } }, scope)).toBeUndefined();
    const overview = { channel: 'tradeline/v1', type: 'getOverview', data: {} };
    await expect(takeEarly(overview, scope)).resolves.toEqual({ ok: true, data: 'getOverview' });
    // Taken once: a reload asks the background again.
    expect(takeEarly(overview, scope)).toBeUndefined();
    expect(takeEarly({ channel: 'tradeline/v1', type: 'listImports', data: {} }, scope)).toBeUndefined();
  });

  it('keeps a failure for whoever takes the answer (and none is unhandled meanwhile)', async () => {
    const { scope } = chromeScope(async () => {
      throw new Error('Could not establish connection.');
    });
    sendEarly(['getOverview'], scope);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeEarly({ type: 'getOverview', data: {} }, scope)).rejects.toThrow('Could not establish');
  });

  it('hands out nothing when nothing was sent early', () => {
    expect(takeEarly({ type: 'getOverview', data: {} }, {})).toBeUndefined();
  });
});
