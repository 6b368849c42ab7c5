import { z } from 'zod';
import { storageError } from '../storage/errors.ts';
import {
  Envelope,
  type ErrorCode,
  isMessageType,
  type MessageType,
  type ParsedRequestOf,
  PROTOCOL,
  type Reply,
  type ResponseOf,
  type SenderKind,
} from './protocol.ts';
import { classifySender, type MessageSender, type Self } from './sender.ts';

export type Handler<T extends MessageType> = (
  data: ParsedRequestOf<T>,
  context: { sender: MessageSender; senderKind: SenderKind },
) => Promise<ResponseOf<T>>;

export type Handlers = { [T in MessageType]: Handler<T> };

export type RejectionLog = (reason: ErrorCode, detail: string, sender: MessageSender) => void;

function fail(code: ErrorCode, message: string): Reply {
  return { ok: false, error: { code, message } };
}

/**
 * Builds the background's single message entry point: it checks who sent the message, that the
 * sender may send this type, and that the payload has the declared shape, before any handler
 * runs. Replies are always an envelope (`ok`/`error`), never a thrown error.
 */
export function createRouter(handlers: Handlers, self: Self, log: RejectionLog = () => {}) {
  return async function route(message: unknown, sender: MessageSender): Promise<Reply> {
    const senderKind = classifySender(sender, self);
    if (!senderKind) {
      log('forbidden', 'sender is not this extension', sender);
      return fail('forbidden', 'Tradeline only answers its own pages and content scripts.');
    }
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return fail('invalid_request', 'Not a Tradeline message.');
    const { type, data } = envelope.data;
    if (!isMessageType(type)) return fail('unknown_type', `Unknown message type "${type}".`);
    const spec = PROTOCOL[type];
    if (!(spec.senders as readonly SenderKind[]).includes(senderKind)) {
      log('forbidden', `${senderKind} may not send ${type}`, sender);
      return fail('forbidden', `A ${senderKind} may not send "${type}".`);
    }
    const parsed = spec.request.safeParse(data);
    if (!parsed.success) {
      return fail('invalid_request', `Invalid "${type}" payload: ${z.prettifyError(parsed.error)}`);
    }
    try {
      const handler = handlers[type] as Handler<typeof type>;
      const result = await handler(parsed.data as never, { sender, senderKind });
      return { ok: true, data: spec.response.parse(result) };
    } catch (error) {
      // A full disk or quota becomes a message that says what to do (lib/storage/errors.ts).
      return fail('internal', storageError(error).message);
    }
  };
}
