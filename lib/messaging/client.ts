import { type MessageType, PROTOCOL, Reply, type RequestOf, type ResponseOf } from './protocol.ts';

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

/** A typed client: `client.send('getOverview', {})` resolves to the validated response. */
export function createClient(transport: Transport) {
  return {
    async send<T extends MessageType>(type: T, data: RequestOf<T>): Promise<ResponseOf<T>> {
      const raw = await transport({ channel: 'tradeline/v1', type, data });
      const reply = Reply.safeParse(raw);
      if (!reply.success) throw new MessageError('invalid_reply', 'The background sent no valid reply.');
      if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.message);
      return PROTOCOL[type].response.parse(reply.data.data) as ResponseOf<T>;
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
