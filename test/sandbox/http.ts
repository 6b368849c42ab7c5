import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ErrorBody } from '../../lib/domain/application.ts';

/** The largest request body a sandbox lender reads (413 above). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Beyond this a too-large body is no longer drained: the connection is cut. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

/** A client mistake (or a refused action), answered as `{ error: { code, message, field? } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) },
    };
  }
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function errorReply(error: HttpError): Reply {
  return { status: error.status, body: error.toBody(), headers: error.headers };
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
};

export function send(res: ServerResponse, reply: Reply): void {
  // A string body is sent as it is (the demo dashboard's pages and files name their own type).
  const raw = typeof reply.body === 'string';
  const text = reply.body === undefined ? '' : raw ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...CORS,
    'cache-control': 'no-store',
    ...(text && !raw ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}

/**
 * Reads the request body up to MAX_BODY_BYTES. A larger body is drained (so the client can read
 * the answer) and refused with 413; a far larger one cuts the connection.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES || declared > MAX_BODY_BYTES) {
        reject(
          new HttpError(
            413,
            'payload_too_large',
            `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
          ),
        );
      } else {
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', reject);
  });
}

/** `a.b.0.c` from a zod issue path. */
export function fieldOf(path: readonly PropertyKey[]): string | undefined {
  return path.length > 0 ? path.map(String).join('.') : undefined;
}

/** Parses and validates a JSON body: 415 without a JSON content type, 400 for bad JSON or a body that breaks the schema (naming the field). */
export function parseJson<T>(req: IncomingMessage, raw: Buffer, schema: z.ZodType<T>, emptyAs?: unknown): T {
  let json: unknown;
  if (raw.length === 0 && emptyAs !== undefined) {
    json = emptyAs;
  } else {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new HttpError(
        415,
        'unsupported_media_type',
        'Send the body as JSON (Content-Type: application/json).',
      );
    }
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue ? fieldOf(issue.path) : undefined;
  const message = issue?.message ?? 'invalid request';
  throw new HttpError(400, 'invalid_body', field ? `${field}: ${message}` : message, field);
}

/** JSON with sorted keys, so that two equal bodies compare equal whatever their key order or spacing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
