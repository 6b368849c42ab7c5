import type { MessageType, RequestOf, ResponseOf } from './protocol.ts';

/** Sends one raw message; `browser.runtime.sendMessage` in extension pages and content scripts. */
export type Transport = (message: unknown) => Promise<unknown>;

export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

type ReplyEnvelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The reply envelope (protocol.ts `Reply`): `{ ok: true, data }` or `{ ok: false, error: { code, message } }`. */
function envelope(raw: unknown): ReplyEnvelope | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.ok === true && 'data' in raw) return { ok: true, data: raw.data };
  const error = raw.error;
  if (
    raw.ok === false &&
    isRecord(error) &&
    typeof error.code === 'string' &&
    typeof error.message === 'string'
  )
    return { ok: false, error: { code: error.code, message: error.message } };
  return undefined;
}

/**
 * A typed client: `client.send('getOverview', {})` resolves to the background's answer.
 *
 * The answer's data is not parsed again here: the background's router parses every answer with
 * the message's response schema before sending it (router.ts), and only the extension's own
 * contexts can answer `runtime.sendMessage`. Parsing it twice cost the popup and the options
 * page building every zod schema of the protocol before their first paint (issue 10).
 */
export function createClient(transport: Transport) {
  return {
    async send<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
      const reply = envelope(await transport({ channel: 'tradeline/v1', type, data }));
      if (!reply) throw new MessageError('invalid_reply', 'The background sent no valid reply.');
      if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
      return reply.data as ResponseOf<T>;
    },
  };
}

export type Client = ReturnType<typeof createClient>;

/**
 * A loader whose first call answers with `first` (a request already sent, e.g. to learn the
 * seller's language before the first render) and whose later calls ask afresh: a page's first
 * load reuses the answer instead of asking twice.
 */
export function firstThenFresh<T>(first: Promise<T>, fresh: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined = first;
  return () => {
    const answer = pending ?? fresh();
    pending = undefined;
    return answer;
  };
}
