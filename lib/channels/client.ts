import type { z } from 'zod';
import {
  AcceptRequest,
  ApplicationPacket,
  ApplicationView,
  CreatedApplication,
  DocumentUpload,
  ErrorBody,
  type ApplicationPacket as Packet,
  WithdrawRequest,
} from '../domain/application.ts';

/**
 * Client for the Channel API (DESIGN.md, "Channel API"). One client per channel base URL.
 *
 * - Every response is validated with the zod schemas of lib/domain/application.ts.
 * - Each request has a timeout (AbortSignal.timeout) and the response body a size limit.
 * - Failures throw a ChannelError whose `retryable` flag tells the outbox whether trying again
 *   with the same Idempotency-Key can help. The client never retries by itself.
 * - HTTPS only; plain HTTP to loopback hosts (127.0.0.0/8, localhost, [::1]) only when the caller
 *   allows it (development and test builds, for the sandbox lenders), never in a release build.
 * - Before each request, `isPermitted` (the background's `permissions.contains`) must confirm
 *   the seller granted this channel's origin when applying; otherwise nothing is sent.
 * - Redirects are refused: a channel endpoint that moves is a configuration problem, and
 *   following it could leave HTTPS.
 */

// ---- Errors ----

/** Codes of failures detected by the client itself (the channel's own codes pass through). */
export type ClientErrorCode =
  | 'insecure_url'
  | 'invalid_url'
  | 'invalid_request'
  | 'network_error'
  | 'timeout'
  | 'response_too_large'
  | 'invalid_response'
  | 'unexpected_redirect'
  | 'not_permitted';

export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  /** HTTP status, or null when no HTTP answer arrived (network, timeout) or the client refused to send. */
  readonly status: number | null;
  /** The channel's `error.code`, or one of ClientErrorCode, or `http_<status>` for an unparseable error body. */
  readonly code: string;
  /** The request field the channel blamed, e.g. `business.contactEmail`. */
  readonly field: string | undefined;
  /** True when sending the same request again later may succeed: network errors, timeouts, 5xx, 408, 429. */
  readonly retryable: boolean;
  /** From a `Retry-After` header, when the channel sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    status: number | null;
    code: string;
    message: string;
    field?: string | undefined;
    retryable: boolean;
    retryAfterMs?: number | undefined;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Whether an HTTP status is worth retrying: server errors, request timeout, too many requests. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

// ---- URL rule ----

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || IPV4_LOOPBACK.test(host);
}

export interface UrlRule {
  /** Plain HTTP to a loopback host is accepted (development and test builds only). */
  allowLoopbackHttp?: boolean;
}

/**
 * Parses a channel base URL and enforces HTTPS (plain HTTP only on loopback, and only when the
 * build allows it). Throws ChannelError.
 */
export function checkBaseUrl(baseUrl: string, rule: UrlRule = {}): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new ChannelError({
      status: null,
      code: 'invalid_url',
      message: `The channel address "${baseUrl}" is not a valid URL.`,
      retryable: false,
      cause,
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new ChannelError({
      status: null,
      code: 'invalid_url',
      message: 'The channel address must not contain a user name or password.',
      retryable: false,
    });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && rule.allowLoopbackHttp === true && isLoopbackHost(url.hostname)) return url;
  throw new ChannelError({
    status: null,
    code: 'insecure_url',
    message:
      url.protocol === 'http:'
        ? `Refusing to send an application to ${url.origin} over plain HTTP: channels must use HTTPS${rule.allowLoopbackHttp ? ' (only local test servers on 127.0.0.1, localhost or [::1] may use HTTP)' : ''}.`
        : `The channel address must start with https:// (got ${url.protocol}).`,
    retryable: false,
  });
}

// ---- Client ----

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

export interface ChannelClientOptions {
  /** The channel's `submission.baseUrl`, e.g. `https://api.lender.example/tradeline/v1`. */
  baseUrl: string;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per request, covering the answer's headers and body. */
  timeoutMs?: number;
  /** Answers with a larger body are rejected (`response_too_large`). */
  maxResponseBytes?: number;
  /** Plain HTTP to loopback (the sandbox lenders): development and test builds only. */
  allowLoopbackHttp?: boolean;
  /**
   * Asked before every request with the channel's origin: false means the seller has not granted
   * it (optional host permission) and nothing is sent (`not_permitted`).
   */
  isPermitted?: (origin: string) => Promise<boolean>;
}

export interface ChannelClient {
  readonly baseUrl: string;
  /** `POST /applications`. Send the same key again (after a failure) to get the same answer. */
  create(packet: Packet, idempotencyKey: string): Promise<CreatedApplication>;
  /** `GET /applications/{id}`. */
  read(id: string, token: string): Promise<ApplicationView>;
  /** `POST /applications/{id}/documents`: answers an info request. */
  uploadDocument(id: string, token: string, document: DocumentUpload): Promise<ApplicationView>;
  /** `POST /applications/{id}/accept`. */
  accept(id: string, token: string, offerId: string): Promise<ApplicationView>;
  /** `POST /applications/{id}/withdraw`. */
  withdraw(id: string, token: string, reason?: string): Promise<ApplicationView>;
}

export function createChannelClient(options: ChannelClientOptions): ChannelClient {
  const base = checkBaseUrl(options.baseUrl, { allowLoopbackHttp: options.allowLoopbackHttp ?? false });
  const baseUrl = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    init: { token?: string; idempotencyKey?: string; body?: unknown },
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    if (init.idempotencyKey !== undefined) headers['idempotency-key'] = init.idempotencyKey;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const url = `${baseUrl}${path}`;
    if (options.isPermitted && !(await options.isPermitted(base.origin))) {
      throw new ChannelError({
        status: null,
        code: 'not_permitted',
        message: `Tradeline was not allowed to contact ${base.host}: apply again from the popup and allow access to ${base.host} when the browser asks.`,
        retryable: false,
      });
    }
    const signal = AbortSignal.timeout(timeoutMs);

    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: init.body === undefined ? null : JSON.stringify(init.body),
        redirect: 'manual',
        signal,
      });
    } catch (cause) {
      throw transportError(cause, signal, timeoutMs, base.host);
    }

    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      throw new ChannelError({
        status: response.status === 0 ? null : response.status,
        code: 'unexpected_redirect',
        message: `${base.host} answered with a redirect; channel endpoints must not move.`,
        retryable: false,
      });
    }

    const text = await readLimited(response, maxBytes, signal, timeoutMs, base.host);
    if (!response.ok) throw httpError(response, text, base.host);

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new ChannelError({
        status: response.status,
        code: 'invalid_response',
        message: `${base.host} answered with something that is not JSON.`,
        retryable: false,
        cause,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
      throw new ChannelError({
        status: response.status,
        code: 'invalid_response',
        message: `${base.host} answered with an unexpected response${where}.`,
        retryable: false,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  function appPath(id: string, suffix = ''): string {
    requireText(id, 'id');
    return `/applications/${encodeURIComponent(id)}${suffix}`;
  }

  /** A channel answers about the application asked for, never another one (its or anyone's). */
  function sameApplication(id: string, view: ApplicationView): ApplicationView {
    if (view.id === id) return view;
    throw new ChannelError({
      status: 200,
      code: 'invalid_response',
      message: `${base.host} answered about application ${view.id} when asked about ${id}; the answer was ignored.`,
      retryable: false,
    });
  }

  return {
    baseUrl,
    async create(packet, idempotencyKey) {
      requireText(idempotencyKey, 'idempotencyKey', 200);
      const body = validate(ApplicationPacket, packet);
      return call('POST', '/applications', CreatedApplication, { idempotencyKey, body });
    },
    async read(id, token) {
      requireText(token, 'token');
      return sameApplication(id, await call('GET', appPath(id), ApplicationView, { token }));
    },
    async uploadDocument(id, token, document) {
      requireText(token, 'token');
      const body = validate(DocumentUpload, document);
      return sameApplication(
        id,
        await call('POST', appPath(id, '/documents'), ApplicationView, { token, body }),
      );
    },
    async accept(id, token, offerId) {
      requireText(token, 'token');
      const body = validate(AcceptRequest, { offerId });
      return sameApplication(
        id,
        await call('POST', appPath(id, '/accept'), ApplicationView, { token, body }),
      );
    },
    async withdraw(id, token, reason) {
      requireText(token, 'token');
      const body = validate(WithdrawRequest, reason === undefined ? {} : { reason });
      return sameApplication(
        id,
        await call('POST', appPath(id, '/withdraw'), ApplicationView, { token, body }),
      );
    },
  };
}

// ---- Helpers ----

function requireText(value: string, name: string, max = 1000): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new ChannelError({
      status: null,
      code: 'invalid_request',
      message: `${name} must be a non-empty string of at most ${max} characters.`,
      field: name,
      retryable: false,
    });
  }
}

/** Checks what we are about to send, so a bad packet fails here with the field, not at the channel. */
function validate<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  throw new ChannelError({
    status: null,
    code: 'invalid_request',
    message: field ? `${field}: ${issue?.message}` : (issue?.message ?? 'invalid request'),
    field,
    retryable: false,
    cause: parsed.error,
  });
}

function isTimeout(cause: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (cause instanceof Error && cause.name === 'TimeoutError');
}

function transportError(cause: unknown, signal: AbortSignal, timeoutMs: number, host: string): ChannelError {
  if (isTimeout(cause, signal)) {
    return new ChannelError({
      status: null,
      code: 'timeout',
      message: `${host} did not answer within ${timeoutMs / 1000} s.`,
      retryable: true,
      cause,
    });
  }
  return new ChannelError({
    status: null,
    code: 'network_error',
    message: `Could not reach ${host} (${describe(cause)}).`,
    retryable: true,
    cause,
  });
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause;
  if (inner instanceof Error) {
    const code = (inner as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${inner.message}` : inner.message;
  }
  return cause.message;
}

async function readLimited(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
  host: string,
): Promise<string> {
  const tooLarge = () =>
    new ChannelError({
      status: response.status,
      code: 'response_too_large',
      message: `${host} sent an answer larger than ${Math.round(maxBytes / 1024)} KB; it was not read.`,
      retryable: false,
    });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof ChannelError) throw cause;
    throw transportError(cause, signal, timeoutMs, host);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function httpError(response: Response, text: string, host: string): ChannelError {
  const retryable = isRetryableStatus(response.status);
  const retryAfterMs = retryAfter(response);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) {
    const { code, message, field } = parsed.data.error;
    // 409 idempotency_key_in_use: the first attempt with this key is still being processed;
    // the same request later gets its answer (the protocol says to retry after Retry-After).
    const inUse = response.status === 409 && code === 'idempotency_key_in_use';
    return new ChannelError({
      status: response.status,
      code,
      message,
      field,
      retryable: retryable || inUse,
      retryAfterMs,
    });
  }
  return new ChannelError({
    status: response.status,
    code: `http_${response.status}`,
    message: `${host} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    retryable,
    retryAfterMs,
  });
}
