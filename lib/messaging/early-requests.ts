import { contentRuntime, nativeRuntime } from './native-runtime.ts';

/**
 * A page's first requests, sent by a classic script without imports that its HTML runs first
 * (entrypoints/popup-early, entrypoints/options-early) while the page's modules (Preact, the
 * components, the message tables) are still being fetched: the background answers while they
 * load and run, instead of after. Sent through the native runtime API; the page's module takes
 * the answers (`takeEarly`) and its client checks them as any other.
 */
const EARLY = '__tradelineEarly';

type EarlyAnswers = Map<string, Promise<unknown>>;

function answers(scope: object): EarlyAnswers | undefined {
  return (scope as Record<string, EarlyAnswers | undefined>)[EARLY];
}

/** Sends each request type with empty data now; `takeEarly` hands each answer out once. */
export function sendEarly(types: readonly string[], scope: object = globalThis): void {
  const { runtime, answersWithPromises } = nativeRuntime(scope);
  const send = contentRuntime(runtime, answersWithPromises).sendMessage;
  const early: EarlyAnswers = new Map();
  for (const type of types) {
    const answer = send({ channel: 'tradeline/v1', type, data: {} });
    answer.catch(() => {}); // handed out later; never an unhandled rejection meanwhile
    early.set(type, answer);
  }
  (scope as Record<string, EarlyAnswers>)[EARLY] = early;
}

/** The early answer to `message` if one was sent for exactly it and not taken yet. */
export function takeEarly(message: unknown, scope: object = globalThis): Promise<unknown> | undefined {
  const early = answers(scope);
  if (!early || typeof message !== 'object' || message === null) return undefined;
  const { type, data } = message as { type?: unknown; data?: unknown };
  const empty = typeof data === 'object' && data !== null && Object.keys(data).length === 0;
  if (typeof type !== 'string' || !empty) return undefined;
  const answer = early.get(type);
  early.delete(type);
  return answer;
}
