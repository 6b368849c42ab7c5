// @vitest-environment node
/**
 * docs/channel-api.yaml (the Channel API's OpenAPI 3.1 description) against the code.
 *
 * Drift: every schema component is compared with `z.toJSONSchema(schema, { io: 'input' })` of
 * the zod schema it documents, after removing what is only documentation (descriptions, titles,
 * examples, `x-…` keys) and resolving `$ref`s. Properties, required lists, enums, consts,
 * types, formats, patterns, lengths and bounds must match. Then the paths the protocol needs,
 * exactly their status codes, their bodies, OpenAPI 3.1 structure, `$ref` resolution, and the
 * examples (each parsed by its zod schema, each error code with its documented status).
 *
 * Against the sandbox (test/sandbox): the request body limit; every error it answers, elicited
 * over HTTP, has the documented status and is documented on that operation; every code in its
 * source is elicited; `x-notInSandbox` and `x-sandboxCodes` are exactly the codes it never
 * answers and the codes only it answers; its lenders and seller actions move only along
 * `x-transitions`. The last block proves the checks fail on a drifted copy.
 *
 * After changing a zod schema: `npx tsx scripts/build-openapi.ts` regenerates the components.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, type Node, parse, parseDocument } from 'yaml';
import { z } from 'zod';
import { ErrorCode, generateSchemas, OPENAPI_PATH, OPENAPI_SCHEMAS } from '../../scripts/build-openapi.ts';
import { HttpError, MAX_BODY_BYTES } from '../../test/sandbox/http.ts';
import {
  acceptOffer,
  answerRequest,
  DAY,
  HOUR,
  MINUTE,
  type SandboxApplication,
  withdraw,
} from '../../test/sandbox/machine.ts';
import { LENDERS } from '../../test/sandbox/router.ts';
import {
  BANK,
  DIRECT,
  makePacket,
  newKey,
  P2P,
  startTestSandbox,
  type TestSandbox,
} from '../../test/sandbox/testing.ts';
import {
  AcceptRequest,
  ApplicationPacket,
  ApplicationStatus,
  ApplicationView,
  BusinessDetails,
  ConsentReceipt,
  CreatedApplication,
  DocumentUpload,
  ErrorBody,
  InfoRequest,
  MAX_DOCUMENT_BASE64_CHARS,
  Offer,
  ProfileSummary,
  StageDetail,
  StatusEvent,
  TERMINAL_STATUSES,
  WithdrawRequest,
} from '../domain/application.ts';
import { Catalog, Channel, FinancingModel } from '../domain/channel.ts';

type Obj = { [key: string]: unknown };
// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is walked dynamically
type Doc = any;

const TEXT = readFileSync(OPENAPI_PATH, 'utf8');
const DOC: Doc = parse(TEXT);

/** The schemas on the wire, imported straight from lib/domain (not through the generator's list). */
const WIRE_SCHEMAS: Record<string, z.ZodType> = {
  ApplicationPacket,
  ConsentReceipt,
  BusinessDetails,
  ProfileSummary,
  CreatedApplication,
  ApplicationView,
  StatusEvent,
  Offer,
  InfoRequest,
  StageDetail,
  ErrorBody,
  ApplicationStatus,
  Channel,
  Catalog,
  DocumentUpload,
  AcceptRequest,
  WithdrawRequest,
};

/** Every component: the wire schemas plus the shared pieces the generator factors out. */
const ALL_SCHEMAS: Record<string, z.ZodType> = { ...Object.fromEntries(OPENAPI_SCHEMAS), ...WIRE_SCHEMAS };

// ---- JSON Schema comparison ----

const ANNOTATIONS = new Set([
  'description',
  'title',
  'examples',
  'example',
  '$comment',
  'externalDocs',
  'deprecated',
  'discriminator',
  '$schema',
  '$id',
]);
/** Keywords whose value maps names to schemas: the names are data, never annotations. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
/** Keywords whose value is data: compared as is (after sorting the order-free ones). */
const UNORDERED = new Set(['required', 'enum', 'type']);
const VALUES = new Set(['const', 'default', ...UNORDERED]);

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function resolvePointer(doc: Doc, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are allowed, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObj(node) && !Array.isArray(node)) return undefined;
    node = (node as Obj)[key];
    if (node === undefined) return undefined;
  }
  return node;
}

/** The schema with every `$ref` replaced by its target (siblings of a `$ref` are kept). */
function deref(node: unknown, doc: Doc, stack: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(n, doc, stack));
  if (!isObj(node)) return node;
  let base: Obj = {};
  let rest: Obj = node;
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (stack.includes(ref)) throw new Error(`cyclic $ref ${[...stack, ref].join(' -> ')}`);
    const target = resolvePointer(doc, ref);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    base = deref(target, doc, [...stack, ref]) as Obj;
    const { $ref: _, ...siblings } = node;
    rest = siblings;
  }
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(rest)) {
    if (SCHEMA_MAPS.has(k) && isObj(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, deref(s, doc, stack)]));
    } else out[k] = VALUES.has(k) ? v : deref(v, doc, stack);
  }
  return out;
}

/** Only what constrains a value: annotations and `x-` keys dropped, order-free lists sorted. */
function normalizeSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(normalizeSchema);
  if (!isObj(schema)) return schema;
  const out: Obj = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k) || k.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(k) && isObj(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, normalizeSchema(s)]));
    } else if (UNORDERED.has(k) && Array.isArray(v)) {
      out[k] = [...v].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    } else out[k] = VALUES.has(k) ? v : normalizeSchema(v);
  }
  return out;
}

const show = (v: unknown): string => JSON.stringify(v);

/** Differences between the schema zod generates (`expected`) and the YAML's (`actual`), one line each. */
function diffSchemas(expected: unknown, actual: unknown, at: string): string[] {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const key = at.slice(at.lastIndexOf('.') + 1);
    if (UNORDERED.has(key)) {
      const a = new Set(actual.map(show));
      const e = new Set(expected.map(show));
      return [
        ...[...e].filter((v) => !a.has(v)).map((v) => `${at}: ${v} is in zod but not in the YAML`),
        ...[...a].filter((v) => !e.has(v)).map((v) => `${at}: ${v} is in the YAML but not in zod`),
      ];
    }
    if (expected.length !== actual.length) {
      return [`${at}: zod has ${expected.length} entries, the YAML ${actual.length}`];
    }
    return expected.flatMap((e, i) => diffSchemas(e, actual[i], `${at}.${i}`));
  }
  if (isObj(expected) && isObj(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) => {
      if (!(k in actual)) return [`${at}.${k}: missing in the YAML (zod: ${show(expected[k])})`];
      if (!(k in expected)) return [`${at}.${k}: in the YAML (${show(actual[k])}) but not in zod`];
      return diffSchemas(expected[k], actual[k], `${at}.${k}`);
    });
  }
  return show(expected) === show(actual)
    ? []
    : [`${at}: zod has ${show(expected)}, the YAML ${show(actual)}`];
}

/** How `components.schemas[name]` differs from the zod schema (empty when they agree). */
function schemaDrift(doc: Doc, name: string, schema: z.ZodType): string[] {
  const component = doc?.components?.schemas?.[name];
  if (component === undefined) return [`components.schemas.${name} is missing`];
  const fromZod = normalizeSchema(z.toJSONSchema(schema, { io: 'input' }));
  let fromYaml: unknown;
  try {
    fromYaml = normalizeSchema(deref(component, doc));
  } catch (e) {
    return [`${name}: ${(e as Error).message}`];
  }
  return diffSchemas(fromZod, fromYaml, name);
}

// ---- Document structure ----

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function allRefs(node: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => allRefs(n, `${at}/${i}`));
  if (!isObj(node)) return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [{ ref: v, at }] : allRefs(v, `${at}/${k}`),
  );
}

/** Follows `$ref`s until a non-reference object (responses, parameters, examples). */
function follow(doc: Doc, node: unknown): Doc {
  let n = node;
  for (let i = 0; i < 10 && isObj(n) && typeof n.$ref === 'string'; i++) n = resolvePointer(doc, n.$ref);
  return n;
}

/** Problems that make the document invalid OpenAPI 3.1 (structurally), or leave a `$ref` dangling. */
function structureProblems(doc: Doc): string[] {
  const problems: string[] = [];
  if (typeof doc?.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi))
    problems.push('openapi must be 3.1.x');
  if (typeof doc?.info?.title !== 'string' || typeof doc?.info?.version !== 'string') {
    problems.push('info.title and info.version are required strings');
  }
  if (!isObj(doc?.paths)) problems.push('paths is required');
  if (!isObj(doc?.components) || !isObj(doc.components.schemas))
    problems.push('components.schemas is required');
  for (const { ref, at } of allRefs(doc)) {
    try {
      if (resolvePointer(doc, ref) === undefined) problems.push(`${at}: $ref ${ref} does not resolve`);
    } catch (e) {
      problems.push(`${at}: ${(e as Error).message}`);
    }
  }
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries((doc?.paths ?? {}) as Obj)) {
    if (!path.startsWith('/')) problems.push(`${path}: a path starts with /`);
    if (!isObj(item)) continue;
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const op = item[method] as Doc;
      if (op === undefined) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof op.operationId === 'string') {
        if (operationIds.has(op.operationId))
          problems.push(`${where}: duplicate operationId ${op.operationId}`);
        operationIds.add(op.operationId);
      }
      const params = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map(
        (p) => follow(doc, p),
      );
      for (const p of params) {
        if (!p || typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(p.in)) {
          problems.push(`${where}: a parameter needs a name and a valid in`);
        } else if (p.in === 'path' && (p.required !== true || !templated.includes(p.name))) {
          problems.push(`${where}: path parameter ${p.name} must be required and in the path`);
        }
      }
      for (const name of templated) {
        if (!params.some((p) => p?.in === 'path' && p.name === name)) {
          problems.push(`${where}: path parameter {${name}} is not declared`);
        }
      }
      if (!isObj(op.responses) || Object.keys(op.responses).length === 0) {
        problems.push(`${where}: responses are required`);
        continue;
      }
      for (const [status, response] of Object.entries(op.responses as Obj)) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${where}: bad response key ${status}`);
        if (typeof follow(doc, response)?.description !== 'string') {
          problems.push(`${where} ${status}: a response needs a description`);
        }
      }
      for (const requirement of (op.security ?? doc.security ?? []) as Obj[]) {
        for (const scheme of Object.keys(requirement)) {
          if (!doc.components?.securitySchemes?.[scheme])
            problems.push(`${where}: unknown security scheme ${scheme}`);
        }
      }
    }
  }
  return problems;
}

/** Map keys that YAML reads as numbers or booleans (OpenAPI wants response codes quoted: '200'). */
function nonStringKeys(text: string): string[] {
  const bad: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== 'string') bad.push(`${at}/${String(key)}`);
        walk(pair.value, `${at}/${String(key)}`);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item as Node, `${at}/${i}`);
      });
    }
  };
  walk(parseDocument(text).contents, '#');
  return bad;
}

// ---- The operations the protocol needs ----

interface Expected {
  method: (typeof METHODS)[number];
  path: string;
  statuses: string[];
  ok: [string, string];
  request?: string;
  bearer: boolean;
}

/** Exactly the statuses each operation documents (the 409 of a create and every 429 are not answered by the sandbox). */
const OPERATIONS: Expected[] = [
  {
    method: 'post',
    path: '/applications',
    statuses: ['201', '400', '409', '413', '415', '422', '429', '5XX'],
    ok: ['201', 'CreatedApplication'],
    request: 'ApplicationPacket',
    bearer: false,
  },
  {
    method: 'get',
    path: '/applications/{id}',
    statuses: ['200', '401', '404', '429', '5XX'],
    ok: ['200', 'ApplicationView'],
    bearer: true,
  },
  {
    method: 'post',
    path: '/applications/{id}/documents',
    statuses: ['200', '400', '401', '404', '409', '413', '415', '422', '429', '5XX'],
    ok: ['200', 'ApplicationView'],
    request: 'DocumentUpload',
    bearer: true,
  },
  {
    method: 'post',
    path: '/applications/{id}/accept',
    statuses: ['200', '400', '401', '404', '409', '413', '415', '422', '429', '5XX'],
    ok: ['200', 'ApplicationView'],
    request: 'AcceptRequest',
    bearer: true,
  },
  {
    method: 'post',
    path: '/applications/{id}/withdraw',
    statuses: ['200', '400', '401', '404', '409', '413', '415', '429', '5XX'],
    ok: ['200', 'ApplicationView'],
    request: 'WithdrawRequest',
    bearer: true,
  },
  { method: 'get', path: '/lenders', statuses: ['200', '429', '5XX'], ok: ['200', 'Catalog'], bearer: false },
];

const schemaRef = (name: string): string => `#/components/schemas/${name}`;

/** Problems with one expected operation: missing, a status code missing, wrong bodies or security. */
function operationProblems(doc: Doc, e: Expected): string[] {
  const where = `${e.method.toUpperCase()} ${e.path}`;
  const op = doc?.paths?.[e.path]?.[e.method];
  if (!op) return [`${where} is missing`];
  const problems: string[] = [];
  for (const status of e.statuses) {
    if (!op.responses?.[status]) problems.push(`${where}: no ${status} response`);
  }
  for (const status of Object.keys(op.responses ?? {})) {
    if (!e.statuses.includes(status)) problems.push(`${where}: a ${status} response that is not expected`);
  }
  for (const [status, raw] of Object.entries((op.responses ?? {}) as Obj)) {
    const response = follow(doc, raw);
    const ref = response?.content?.['application/json']?.schema?.$ref;
    const want =
      status === e.ok[0] ? schemaRef(e.ok[1]) : status.startsWith('2') ? undefined : schemaRef('ErrorBody');
    if (want && ref !== want)
      problems.push(`${where} ${status}: application/json should be ${want}, is ${ref}`);
  }
  const body = op.requestBody?.content?.['application/json']?.schema?.$ref;
  if (e.request && (op.requestBody?.required !== true || body !== schemaRef(e.request))) {
    problems.push(`${where}: request body should be required ${schemaRef(e.request)}, is ${body}`);
  }
  const bearer = (op.security ?? doc.security ?? []).some((r: Obj) => 'bearer' in r);
  if (bearer !== e.bearer)
    problems.push(`${where}: ${e.bearer ? 'needs' : 'must not need'} the bearer token`);
  return problems;
}

interface BodyExample {
  at: string;
  schema: string;
  /** The response status (`400`, `5XX`); undefined for a request body. */
  status: string | undefined;
  value: unknown;
}

/** `examples` of every request and response body whose schema is a component, resolved. */
function bodyExamples(doc: Doc): BodyExample[] {
  const out: BodyExample[] = [];
  const fromContent = (content: unknown, at: string, status: string | undefined): void => {
    for (const [type, media] of Object.entries((content ?? {}) as Record<string, Doc>)) {
      const ref: unknown = media?.schema?.$ref;
      if (typeof ref !== 'string') continue;
      const schema = ref.replace('#/components/schemas/', '');
      for (const [name, example] of Object.entries((media.examples ?? {}) as Obj)) {
        out.push({ at: `${at} ${type} ${name}`, schema, status, value: follow(doc, example)?.value });
      }
    }
  };
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Doc>)) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      fromContent(op.requestBody?.content, `${method.toUpperCase()} ${path} request`, undefined);
      for (const [status, response] of Object.entries((op.responses ?? {}) as Obj)) {
        fromContent(follow(doc, response)?.content, `${method.toUpperCase()} ${path} ${status}`, status);
      }
    }
  }
  return out;
}

/** The status an error code comes with, from `x-enumDescriptions` or `x-sandboxCodes` (`'400: …'`). */
function documentedStatus(doc: Doc, code: string): string | undefined {
  const codes = doc?.components?.schemas?.ErrorCode ?? {};
  const text = codes['x-enumDescriptions']?.[code] ?? codes['x-sandboxCodes']?.[code];
  return typeof text === 'string' ? /^(\d{3}):/.exec(text)?.[1] : undefined;
}

/** Error examples whose code comes with another status than the response they are examples of. */
function exampleStatusProblems(doc: Doc): string[] {
  return bodyExamples(doc).flatMap(({ at, schema, status, value }) => {
    if (schema !== 'ErrorBody' || status === undefined) return [];
    const code = (value as ErrorBody).error.code;
    const documented = documentedStatus(doc, code);
    const fits = status.endsWith('XX') ? documented?.[0] === status[0] : documented === status;
    return fits ? [] : [`${at}: ${code} is documented with ${documented}`];
  });
}

// ---- The sandbox against the document ----

const SANDBOX_DIR = resolve(dirname(OPENAPI_PATH), '../test/sandbox');

/** Every error code written in the sandbox's source: `HttpError(status, 'code')`, its 401 helper, inline bodies. */
function sandboxSourceCodes(): Set<string> {
  const files = [SANDBOX_DIR, join(SANDBOX_DIR, 'lenders')].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'testing.ts')
      .map((f) => join(dir, f)),
  );
  const patterns = [
    /new HttpError\(\s*\d{3},\s*'([a-z_]+)'/g,
    /unauthorized\(\s*'([a-z_]+)'/g,
    /\bcode: '([a-z_]+)'/g,
  ];
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) codes.add(m[1] as string);
  }
  return codes;
}

/** One answer of the sandbox: the documented operation (or `sandbox` for its own routes), status, error code. */
interface Observation {
  scenario: string;
  op: string;
  status: number;
  /** '' for a success. */
  code: string;
}

/**
 * Elicits every answer the sandbox gives, over HTTP: each error code on the operations that can
 * answer it, and a success of each operation. `maxKey` is the documented longest Idempotency-Key.
 */
async function observeSandbox(t: TestSandbox, maxKey: number): Promise<Observation[]> {
  const observed: Observation[] = [];
  const request = async (
    scenario: string,
    op: string,
    path: string,
    init: { method?: string; body?: unknown; type?: string; key?: string | null; token?: string } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
    if (init.key !== undefined && init.key !== null) headers['idempotency-key'] = init.key;
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    const body =
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body);
    const res = await fetch(`${t.origin}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const json: Doc = JSON.parse(await res.text());
    const code = res.status >= 400 ? ErrorBody.parse(json).error.code : '';
    observed.push({ scenario, op, status: res.status, code });
    return json;
  };
  const apps = (channel: string) => `/lenders/${channel}/applications`;
  const create = (
    scenario: string,
    channel: string,
    body: unknown,
    key: string | null = newKey(),
    type?: string,
  ) => request(scenario, 'POST /applications', apps(channel), { body, key, ...(type ? { type } : {}) });
  const read = (scenario: string, channel: string, id: string, token?: string) =>
    request(
      scenario,
      'GET /applications/{id}',
      `${apps(channel)}/${id}`,
      token === undefined ? {} : { token },
    );
  type App = { id: string; token: string };
  const act = (
    scenario: string,
    channel: string,
    app: App,
    action: 'documents' | 'accept' | 'withdraw',
    body: unknown,
    type?: string,
  ) =>
    request(scenario, `POST /applications/{id}/${action}`, `${apps(channel)}/${app.id}/${action}`, {
      body,
      token: app.token,
      ...(type ? { type } : {}),
    });
  const upload = (requestId: string, change: Partial<DocumentUpload> = {}): DocumentUpload => ({
    requestId,
    filename: 'statement-2026-10.pdf',
    contentType: 'application/pdf',
    contentBase64: 'JVBERi0xLjcK',
    ...change,
  });
  const key = (length: number) => `k-${newKey()}-`.padEnd(length, 'x');

  // The directory, the sandbox's own routes.
  await request('the catalog', 'GET /lenders', '/lenders');
  await request('an unknown endpoint', 'sandbox', '/nowhere');
  await request('a wrong method', 'sandbox', apps(DIRECT));
  await create('an unknown channel', 'sandbox-nobody', makePacket('sandbox-nobody'));

  // POST /applications
  const first: App = await create('the longest documented key', DIRECT, makePacket(DIRECT), key(maxKey));
  await create('a key one character too long', DIRECT, makePacket(DIRECT), key(maxKey + 1));
  await create('a key with a space', DIRECT, makePacket(DIRECT), 'a key');
  await create('no key', DIRECT, makePacket(DIRECT), null);
  await create('an empty key', DIRECT, makePacket(DIRECT), '');
  await create('a body that is not JSON', DIRECT, '{"packetVersion": 1,');
  await create('a body that is not application/json', DIRECT, makePacket(DIRECT), newKey(), 'text/plain');
  await create(
    'a body over the limit',
    DIRECT,
    makePacket(DIRECT, (p) => {
      p.requested = { ...p.requested, purpose: 'x'.repeat(MAX_BODY_BYTES) };
    }),
  );
  await create(
    'a packet that breaks the schema',
    DIRECT,
    makePacket(DIRECT, (p) => {
      p.business = { ...p.business, contactEmail: 'not-an-email' };
    }),
  );
  await create('a packet for another channel', DIRECT, makePacket(P2P));
  await create(
    'consent for another channel',
    DIRECT,
    makePacket(DIRECT, (p) => {
      p.consent.recipient.channelId = P2P;
    }),
  );
  await create(
    'a required field left out',
    BANK,
    makePacket(BANK, (p) => {
      delete p.business?.registrationNumber;
    }),
  );
  await create(
    'a currency the lender does not lend in',
    DIRECT,
    makePacket(DIRECT, (p) => {
      p.requested = { amount: { amount: 1_000_000, currency: 'EUR' } };
    }),
  );
  await create(
    'an amount that is not positive',
    DIRECT,
    makePacket(DIRECT, (p) => {
      p.requested = { amount: { amount: 0, currency: 'USD' } };
    }),
  );
  const reused = newKey();
  await create('a key, first use', P2P, makePacket(P2P), reused);
  await create('the same key and body again', P2P, makePacket(P2P), reused);
  await create(
    'the same key with another body',
    P2P,
    makePacket(P2P, (p) => {
      p.requested = { ...p.requested, purpose: 'Something else' };
    }),
    reused,
  );

  // GET /applications/{id}
  const a: App = await create('an application', DIRECT, makePacket(DIRECT));
  await read('no token', DIRECT, a.id);
  await read("another application's token", DIRECT, a.id, first.token);
  await read('an unknown id', DIRECT, 'app_missing', a.token);
  await read('the application', DIRECT, a.id, a.token);

  // Bodies of the actions (the application is submitted: no request, no offer).
  await act('documents: not JSON', DIRECT, a, 'documents', '{');
  await act('documents: not application/json', DIRECT, a, 'documents', upload('x'), 'text/plain');
  await act('documents: not a MIME type', DIRECT, a, 'documents', upload('x', { contentType: 'pdf' }));
  await act(
    'documents: contentBase64 too long',
    DIRECT,
    a,
    'documents',
    upload('x', {
      contentBase64: 'A'.repeat(MAX_DOCUMENT_BASE64_CHARS + 4),
    }),
  );
  await act(
    'documents: a body over the limit',
    DIRECT,
    a,
    'documents',
    upload('x', {
      contentBase64: 'A'.repeat(MAX_BODY_BYTES),
    }),
  );
  await act('documents: an unknown request', DIRECT, a, 'documents', upload('nope'));
  await act('accept: no offerId', DIRECT, a, 'accept', { offer: 'x' });
  await act('accept: a body over the limit', DIRECT, a, 'accept', { offerId: 'x'.repeat(MAX_BODY_BYTES) });
  await act('accept: not application/json', DIRECT, a, 'accept', '{"offerId":"x"}', 'text/plain');
  await act('accept: an unknown offer', DIRECT, a, 'accept', { offerId: 'nope' });
  await act('withdraw: a reason too long', DIRECT, a, 'withdraw', { reason: 'x'.repeat(501) });
  await act('withdraw: a body over the limit', DIRECT, a, 'withdraw', { reason: 'x'.repeat(MAX_BODY_BYTES) });
  await act('withdraw: not application/json', DIRECT, a, 'withdraw', '{}', 'text/plain');

  // The actions refused by the application's status.
  const asked: App = await create(
    'an application that will be asked for a document',
    BANK,
    makePacket(BANK, (p) => {
      p.business = { ...p.business, yearsTrading: 1 };
    }),
  );
  const expiring: App = await create('an application whose offer will expire', DIRECT, makePacket(DIRECT));
  const withdrawn: App = await create('an application that will be withdrawn', DIRECT, makePacket(DIRECT));
  t.tick(10 * MINUTE + 2 * HOUR + MINUTE);
  const requestId = (await read('asked for a document', BANK, asked.id, asked.token)).requests[0]?.id ?? '?';
  await act('withdraw while a document is asked for', BANK, asked, 'withdraw', {});
  await act('documents: the application was withdrawn', BANK, asked, 'documents', upload(requestId));
  t.tick(DAY);
  const expiringOffer = (await read('an offer', DIRECT, expiring.id, expiring.token)).offers[0]?.id ?? '?';
  const withdrawnOffer = (await read('an offer', DIRECT, withdrawn.id, withdrawn.token)).offers[0]?.id ?? '?';
  await request(
    'withdraw with an empty body',
    'POST /applications/{id}/withdraw',
    `${apps(DIRECT)}/${withdrawn.id}/withdraw`,
    {
      method: 'POST',
      token: withdrawn.token,
    },
  );
  await act('accept: the application was withdrawn', DIRECT, withdrawn, 'accept', {
    offerId: withdrawnOffer,
  });
  t.tick(8 * DAY);
  await act('accept: the offer expired', DIRECT, expiring, 'accept', { offerId: expiringOffer });
  await act('withdraw: the application expired', DIRECT, expiring, 'withdraw', {});

  // Injected faults, on every operation.
  t.sandbox.faults.set({ errorRate: 1, seed: 3 });
  for (let round = 0; round < 2; round++) {
    await request('errorRate fault', 'GET /lenders', '/lenders');
    await create('errorRate fault', DIRECT, makePacket(DIRECT));
    await read('errorRate fault', DIRECT, a.id, a.token);
    await act('errorRate fault', DIRECT, a, 'documents', upload('nope'));
    await act('errorRate fault', DIRECT, a, 'accept', { offerId: 'nope' });
    await act('errorRate fault', DIRECT, a, 'withdraw', {});
  }
  t.sandbox.faults.set({ duplicateRate: 1, routes: ['read'], count: 1 });
  await read('duplicate-delivery fault', DIRECT, a.id, a.token);
  t.sandbox.faults.clear();
  return observed;
}

/**
 * How the observed answers disagree with the document: an error whose code is not documented, or
 * with another status, or on an operation that does not document it (a protocol code must be
 * mentioned in that operation's response); a success the operation does not document; and
 * `x-notInSandbox` / `x-sandboxCodes` not exactly the codes the sandbox never / alone answers.
 */
function conformanceProblems(doc: Doc, observed: readonly Observation[]): string[] {
  const problems: string[] = [];
  const codes = doc?.components?.schemas?.ErrorCode ?? {};
  const protocol: Obj = codes['x-enumDescriptions'] ?? {};
  const sandboxOnly: Obj = codes['x-sandboxCodes'] ?? {};
  for (const o of observed) {
    const at = `${o.scenario}: ${o.status} ${o.code || '(success)'}`;
    const [method = '', path = ''] = o.op.split(' ');
    const responses: Obj = doc?.paths?.[path]?.[method.toLowerCase()]?.responses ?? {};
    if (o.code === '' || o.code in protocol) {
      const key = [String(o.status), `${String(o.status)[0]}XX`].find((k) => k in responses);
      if (key === undefined) {
        problems.push(`${at}: ${o.op} documents no ${o.status} response`);
        continue;
      }
      if (o.code === '') continue;
      if (documentedStatus(doc, o.code) !== String(o.status)) {
        problems.push(`${at}: ErrorCode documents ${o.code} with ${documentedStatus(doc, o.code)}`);
      }
      if (!JSON.stringify(follow(doc, responses[key])).includes(o.code)) {
        problems.push(`${at}: the ${key} response of ${o.op} does not mention ${o.code}`);
      }
    } else if (o.code in sandboxOnly) {
      if (documentedStatus(doc, o.code) !== String(o.status)) {
        problems.push(`${at}: x-sandboxCodes documents ${o.code} with ${documentedStatus(doc, o.code)}`);
      }
    } else problems.push(`${at}: ${o.code} is neither an ErrorCode nor in x-sandboxCodes`);
  }
  const answered = new Set(observed.map((o) => o.code).filter(Boolean));
  const never = Object.keys(protocol).filter((c) => !answered.has(c));
  const own = [...answered].filter((c) => !(c in protocol));
  const listed = [...((codes['x-notInSandbox'] as string[] | undefined) ?? [])].sort();
  if (show(listed) !== show(never.sort())) {
    problems.push(`x-notInSandbox is ${show(listed)}, the sandbox never answered ${show(never)}`);
  }
  const sandboxListed = Object.keys(sandboxOnly).sort();
  if (show(sandboxListed) !== show(own.sort())) {
    problems.push(`x-sandboxCodes has ${show(sandboxListed)}, the sandbox's own codes are ${show(own)}`);
  }
  return problems;
}

const NOW = Date.parse('2026-12-01T09:00:00Z');

/** An application of the sandbox in `status`, with one open offer `o1` and one open request `r1`. */
function sandboxApp(status: ApplicationStatus): SandboxApplication {
  return {
    id: 'app_test',
    status,
    enteredAt: NOW,
    events: [],
    offers: [{ id: 'o1', expiresAt: new Date(NOW + DAY).toISOString() }],
    requests: [{ id: 'r1', item: 'bank_statement', message: 'Please.', status: 'open' }],
    documents: [],
    detail: {},
  } as unknown as SandboxApplication;
}

/** The seller's actions in the sandbox, the status each leads to, and whether the document's edge to it must work. */
const SELLER_ACTIONS: ReadonlyArray<[string, ApplicationStatus, boolean, (app: SandboxApplication) => void]> =
  [
    ['withdraw', 'withdrawn', true, (app) => withdraw(app, undefined, NOW)],
    ['accept', 'accepted', true, (app) => acceptOffer(app, 'o1', NOW)],
    [
      'documents',
      'in_review',
      false,
      (app) =>
        answerRequest(
          app,
          { requestId: 'r1', filename: 'a.pdf', contentType: 'application/pdf', contentBase64: 'AAAA' },
          NOW,
        ),
    ],
  ];

/**
 * Where the sandbox moves an application along an edge `x-transitions` does not have: its
 * lenders' timed transitions, and the seller's actions from every status the model has. The
 * document's edges to `withdrawn` and `accepted` must also be ones the sandbox takes.
 */
function transitionProblems(doc: Doc): string[] {
  const status = doc?.components?.schemas?.ApplicationStatus ?? {};
  const tradelineOnly = Object.entries((status['x-enumDescriptions'] ?? {}) as Obj)
    .filter(([, text]) => String(text).startsWith('Tradeline only'))
    .map(([s]) => s);
  const problems: string[] = [];
  for (const [model, lender] of Object.entries(LENDERS)) {
    const edges: Record<string, string[]> = status['x-transitions']?.[model] ?? {};
    const allows = (from: string, to: string) => (edges[from] ?? []).includes(to);
    for (const { from, to } of lender.transitions) {
      if (!allows(from, to)) problems.push(`${model}: the sandbox lender moves ${from} -> ${to}`);
    }
    const statuses = new Set([...Object.keys(edges), ...Object.values(edges).flat()]);
    for (const from of statuses) {
      if (tradelineOnly.includes(from)) continue;
      for (const [action, target, exact, run] of SELLER_ACTIONS) {
        const app = sandboxApp(from as ApplicationStatus);
        try {
          run(app);
        } catch (e) {
          if (!(e instanceof HttpError)) throw e;
        }
        const moved = app.status === from ? null : app.status;
        if (moved !== null && !allows(from, moved)) {
          problems.push(`${model}: ${action} moves ${from} -> ${moved} in the sandbox`);
        }
        if (exact && allows(from, target) && moved !== target) {
          problems.push(
            `${model}: ${from} -> ${target} is documented, but the sandbox refuses ${action} there`,
          );
        }
      }
    }
  }
  return problems;
}

const clone = (): Doc => structuredClone(DOC);
const REGENERATE = 'the YAML and the zod schemas differ: run npx tsx scripts/build-openapi.ts';

// ---- The tests ----

describe('docs/channel-api.yaml: schema components match the zod schemas', () => {
  it.each(Object.keys(WIRE_SCHEMAS))('%s', (name) => {
    expect(schemaDrift(DOC, name, WIRE_SCHEMAS[name] as z.ZodType), REGENERATE).toEqual([]);
  });

  it('every other component matches its zod schema, and there is no component without one', () => {
    const drift = Object.entries(ALL_SCHEMAS).flatMap(([name, schema]) => schemaDrift(DOC, name, schema));
    expect(drift, REGENERATE).toEqual([]);
    expect(Object.keys(DOC.components.schemas).sort()).toEqual(Object.keys(ALL_SCHEMAS).sort());
  });

  it('the generator (scripts/build-openapi.ts) writes exactly what z.toJSONSchema says', () => {
    const generated = { components: { schemas: generateSchemas() } };
    for (const [name, schema] of Object.entries(ALL_SCHEMAS)) {
      expect(schemaDrift(generated, name, schema), name).toEqual([]);
    }
  });

  it('documents every status and every error code, and the transitions use real statuses', () => {
    const status = DOC.components.schemas.ApplicationStatus;
    expect(Object.keys(status['x-enumDescriptions']).sort()).toEqual([...ApplicationStatus.options].sort());
    const errorCode = DOC.components.schemas.ErrorCode;
    expect(Object.keys(errorCode['x-enumDescriptions']).sort()).toEqual([...ErrorCode.options].sort());
    expect([...status['x-terminal']].sort()).toEqual([...TERMINAL_STATUSES].sort());

    const transitions = status['x-transitions'] as Record<string, Record<string, string[]>>;
    expect(Object.keys(transitions).sort()).toEqual([...FinancingModel.options].sort());
    for (const [model, edges] of Object.entries(transitions)) {
      const seen = new Set(['draft']);
      const queue = ['draft'];
      while (queue.length > 0) {
        for (const next of edges[queue.shift() as string] ?? []) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      for (const [from, tos] of Object.entries(edges)) {
        expect(ApplicationStatus.options, `${model}: ${from}`).toContain(from);
        expect(TERMINAL_STATUSES, `${model}: terminal ${from} has no way out`).not.toContain(from);
        expect(seen.has(from), `${model}: ${from} is reachable from draft`).toBe(true);
        for (const to of tos) expect(ApplicationStatus.options, `${model}: ${from} -> ${to}`).toContain(to);
      }
      // Every reachable non-terminal status can move on, and every model can end each terminal way.
      for (const s of seen)
        if (!TERMINAL_STATUSES.includes(s as ApplicationStatus)) expect(edges[s]).toBeDefined();
      for (const end of TERMINAL_STATUSES) expect(seen.has(end), `${model} reaches ${end}`).toBe(true);
    }
    expect(transitions['platform-direct']).not.toHaveProperty('bank_review');
    expect(transitions['platform-direct']).not.toHaveProperty('listed');
    expect(transitions['bank-partnered']).toHaveProperty('bank_review');
    expect(transitions.p2p).toHaveProperty('funding');
  });
});

describe('docs/channel-api.yaml: the operations of the Channel API', () => {
  it('is structurally valid OpenAPI 3.1 and every $ref resolves', () => {
    expect(structureProblems(DOC)).toEqual([]);
    expect(nonStringKeys(TEXT)).toEqual([]);
  });

  it.each(OPERATIONS.map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))('%s', (_, e) => {
    expect(operationProblems(DOC, e)).toEqual([]);
  });

  it('POST /applications: Idempotency-Key header (1–255), Location on 201, idempotency_key_reused on 422', () => {
    const op = DOC.paths['/applications'].post;
    const key = op.parameters
      .map((p: unknown) => follow(DOC, p))
      .find((p: Doc) => p.name === 'Idempotency-Key');
    expect(key).toMatchObject({
      in: 'header',
      required: true,
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
    expect(follow(DOC, op.responses['201'].headers.Location).schema.type).toBe('string');
    const codes = Object.values(op.responses['422'].content['application/json'].examples).map(
      (x) => (follow(DOC, x) as Doc).value.error.code,
    );
    expect(codes).toContain('idempotency_key_reused');
    expect(op.security ?? DOC.security ?? []).toEqual([]);
    expect(DOC.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('states the request body limit the sandbox enforces and the document limit of DocumentUpload', () => {
    const n = (x: number) => x.toLocaleString('en-US');
    expect([MAX_BODY_BYTES, MAX_DOCUMENT_BASE64_CHARS]).toEqual([1024 * 1024, 1_000_000]);
    expect(DOC.info.description).toContain(`1 MiB (${n(MAX_BODY_BYTES)} bytes)`);
    expect(DOC.components.responses.PayloadTooLarge.description).toContain(
      `1 MiB (${n(MAX_BODY_BYTES)} bytes)`,
    );
    const decoded = (MAX_DOCUMENT_BASE64_CHARS / 4) * 3;
    for (const text of [
      DOC.info.description,
      DOC.paths['/applications/{id}/documents'].post.description,
      DOC.components.schemas.DocumentUpload.description,
    ] as string[]) {
      expect(text).toContain(`${n(MAX_DOCUMENT_BASE64_CHARS)} `);
      expect(text).toContain(`${n(decoded)} bytes`);
      expect(text).toContain(`1 MiB (${n(MAX_BODY_BYTES)} bytes)`);
    }
    // The largest upload the schema allows fits in a body the sandbox reads: the schema, not a 413, limits a file.
    const largest: DocumentUpload = {
      requestId: 'r'.repeat(100),
      filename: 'f'.repeat(200),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: 'A'.repeat(MAX_DOCUMENT_BASE64_CHARS),
    };
    expect(DocumentUpload.safeParse(largest).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(largest))).toBeLessThan(MAX_BODY_BYTES);
    // No other limit survives anywhere in the document.
    expect(TEXT).not.toMatch(/\b(?:10|14) MiB|64 KiB|13,981,016/);
  });

  it('GET /lenders is described as optional', () => {
    expect(DOC.paths['/lenders'].get.description).toMatch(/optional/i);
  });

  it('every example parses with its zod schema and uses documented error codes, with their status', () => {
    const examples = bodyExamples(DOC);
    expect(examples.length).toBeGreaterThan(10);
    for (const { at, schema, value } of examples) {
      const zodSchema = ALL_SCHEMAS[schema];
      expect(zodSchema, `${at}: ${schema} has a zod schema`).toBeDefined();
      const parsed = (zodSchema as z.ZodType).safeParse(value);
      expect(parsed.success ? [] : parsed.error.issues, at).toEqual([]);
      if (schema === 'ErrorBody') expect(ErrorCode.options, at).toContain((value as ErrorBody).error.code);
    }
    expect(exampleStatusProblems(DOC)).toEqual([]);
  });

  it('every error code comes with one status, and sandbox-only codes are not protocol codes', () => {
    const codes = DOC.components.schemas.ErrorCode;
    for (const code of [...ErrorCode.options, ...Object.keys(codes['x-sandboxCodes'])]) {
      expect(documentedStatus(DOC, code), code).toMatch(/^[45]\d\d$/);
    }
    for (const code of Object.keys(codes['x-sandboxCodes'])) expect(ErrorCode.options).not.toContain(code);
    for (const code of codes['x-notInSandbox']) expect(ErrorCode.options).toContain(code);
  });

  it('every error code is used by some response', () => {
    const responses = JSON.stringify([DOC.paths, DOC.components.responses]);
    for (const code of ErrorCode.options) expect(responses, code).toContain(code);
  });
});

describe('docs/channel-api.yaml against the sandbox lenders (test/sandbox)', () => {
  let t: TestSandbox;
  let observed: Observation[] = [];
  const maxKey = DOC.components.parameters.IdempotencyKey.schema.maxLength as number;
  beforeAll(async () => {
    t = await startTestSandbox();
    observed = await observeSandbox(t, maxKey);
  }, 30_000);
  afterAll(async () => {
    await t.sandbox.close();
  });
  const answer = (scenario: string) =>
    observed.filter((o) => o.scenario === scenario).map((o) => [o.status, o.code]);

  it('every answer of the sandbox is documented, with its status, on its operation', () => {
    expect(observed.length).toBeGreaterThan(60);
    expect(conformanceProblems(DOC, observed)).toEqual([]);
  });

  it('every error code in the sandbox source is elicited', () => {
    const inSource = sandboxSourceCodes();
    // The scan works: it sees codes written each way.
    for (const code of [
      'idempotency_key_reused',
      'invalid_body',
      'invalid_token',
      'invalid_state',
      'upstream_timeout',
    ]) {
      expect(inSource).toContain(code);
    }
    const answered = new Set(observed.map((o) => o.code));
    expect([...inSource].filter((code) => !answered.has(code))).toEqual([]);
  });

  it('takes Idempotency-Keys of the documented length, no longer', () => {
    expect(maxKey).toBe(255);
    expect(answer('the longest documented key')).toEqual([[201, '']]);
    expect(answer('a key one character too long')).toEqual([[400, 'idempotency_key_invalid']]);
  });

  it('takes an empty /withdraw body as {}, as the document says', () => {
    expect(answer('withdraw with an empty body')).toEqual([[200, '']]);
    expect(DOC.paths['/applications/{id}/withdraw'].post.requestBody.description).toContain('empty body');
  });

  it('answers 400 invalid_body for a body that breaks the schema, 422 for values the channel refuses', () => {
    expect(answer('a packet that breaks the schema')).toEqual([[400, 'invalid_body']]);
    expect(answer('documents: contentBase64 too long')).toEqual([[400, 'invalid_body']]);
    expect(answer('an amount that is not positive')).toEqual([[422, 'invalid_field']]);
    expect(answer('documents: a body over the limit')).toEqual([[413, 'payload_too_large']]);
  });

  it('its lenders and the seller actions move only along x-transitions', () => {
    expect(transitionProblems(DOC)).toEqual([]);
  });
});

describe('the checks catch drift', () => {
  it('an enum value removed from the YAML', () => {
    const doc = clone();
    doc.components.schemas.ApplicationStatus.enum = doc.components.schemas.ApplicationStatus.enum.filter(
      (s: string) => s !== 'expired',
    );
    expect(schemaDrift(doc, 'ApplicationStatus', ApplicationStatus)).toEqual([
      'ApplicationStatus.enum: "expired" is in zod but not in the YAML',
    ]);
    // ...and seen through the $ref from ApplicationView.status.
    expect(schemaDrift(doc, 'ApplicationView', ApplicationView).join('\n')).toContain('"expired"');
  });

  it('a property, a required entry, a length, a type and a format changed in the YAML', () => {
    const doc = clone();
    const s = doc.components.schemas;
    delete s.Offer.properties.counter;
    s.CreatedApplication.required = s.CreatedApplication.required.filter((r: string) => r !== 'token');
    s.ErrorBody.properties.error.properties.code.maxLength = 99;
    s.Money.properties.amount.type = 'number';
    delete s.IsoDateTime.format;
    expect(schemaDrift(doc, 'Offer', Offer).join('\n')).toContain(
      'Offer.properties.counter: missing in the YAML',
    );
    expect(schemaDrift(doc, 'CreatedApplication', CreatedApplication)).toEqual([
      'CreatedApplication.required: "token" is in zod but not in the YAML',
    ]);
    expect(schemaDrift(doc, 'ErrorBody', ErrorBody)).toEqual([
      'ErrorBody.properties.error.properties.code.maxLength: zod has 100, the YAML 99',
    ]);
    expect(schemaDrift(doc, 'ApplicationPacket', ApplicationPacket).join('\n')).toContain(
      'requested.properties.amount.properties.amount.type: zod has "integer", the YAML "number"',
    );
    expect(schemaDrift(doc, 'StatusEvent', StatusEvent)).toEqual([
      'StatusEvent.properties.at.format: missing in the YAML (zod: "date-time")',
    ]);
  });

  it('a zod schema that changed without the YAML', () => {
    const changed = Offer.extend({ secured: z.boolean(), apr: z.number().min(0).max(5) });
    expect(schemaDrift(DOC, 'Offer', changed).sort()).toEqual([
      'Offer.properties.apr.maximum: zod has 5, the YAML 10',
      'Offer.properties.secured: missing in the YAML (zod: {"type":"boolean"})',
      'Offer.required: "secured" is in zod but not in the YAML',
    ]);
    const widened = z.enum([...ApplicationStatus.options, 'on_hold']);
    expect(schemaDrift(DOC, 'ApplicationStatus', widened)).toEqual([
      'ApplicationStatus.enum: "on_hold" is in zod but not in the YAML',
    ]);
  });

  it('but not a changed description, example or x- key', () => {
    const doc = clone();
    doc.components.schemas.Offer.description = 'Something else.';
    doc.components.schemas.Offer.properties.apr.description = 'Reworded.';
    doc.components.schemas.Offer['x-note'] = 'internal';
    doc.components.schemas.Channel.properties.description.examples = ['A lender.'];
    expect(schemaDrift(doc, 'Offer', Offer)).toEqual([]);
    expect(schemaDrift(doc, 'Channel', Channel)).toEqual([]);
  });

  it('a property named like an annotation (Channel.description) is still compared', () => {
    const doc = clone();
    delete doc.components.schemas.Channel.properties.description;
    expect(schemaDrift(doc, 'Channel', Channel).join('\n')).toContain(
      'Channel.properties.description: missing',
    );
  });

  it('a dangling $ref, a missing component, a missing status code, a wrong body', () => {
    const doc = clone();
    doc.components.schemas.Offer.properties.amount = { $ref: '#/components/schemas/Nope' };
    delete doc.components.schemas.InfoRequest;
    delete doc.paths['/applications'].post.responses['422'];
    doc.paths['/applications/{id}/accept'].post.responses['409'].content['application/json'].schema = {
      $ref: '#/components/schemas/Offer',
    };
    doc.paths['/applications/{id}'].get.security = [];
    const structure = structureProblems(doc).join('\n');
    expect(structure).toContain('$ref #/components/schemas/Nope does not resolve');
    expect(structure).toContain('$ref #/components/schemas/InfoRequest does not resolve');
    expect(schemaDrift(doc, 'Offer', Offer)).toEqual(['Offer: unresolved $ref #/components/schemas/Nope']);
    expect(schemaDrift(doc, 'InfoRequest', InfoRequest)).toEqual([
      'components.schemas.InfoRequest is missing',
    ]);
    const ops = OPERATIONS.flatMap((e) => operationProblems(doc, e));
    expect(ops).toContain('POST /applications: no 422 response');
    expect(ops).toContain(
      'POST /applications/{id}/accept 409: application/json should be #/components/schemas/ErrorBody, is #/components/schemas/Offer',
    );
    expect(ops).toContain('GET /applications/{id}: needs the bearer token');
  });

  it('a document that is not OpenAPI 3.1, and an unquoted status code', () => {
    const doc = clone();
    doc.openapi = '3.0.3';
    doc.paths['/applications/{id}'].parameters = [];
    expect(structureProblems(doc)).toEqual(
      expect.arrayContaining([
        'openapi must be 3.1.x',
        'GET /applications/{id}: path parameter {id} is not declared',
      ]),
    );
    expect(nonStringKeys("responses:\n  200:\n    description: ok\n  '201':\n    description: ok\n")).toEqual(
      ['#/responses/200'],
    );
  });
  it('an undocumented or unexpected status on an operation, an error example under the wrong status', () => {
    const doc = clone();
    const withdrawOp = doc.paths['/applications/{id}/withdraw'].post;
    withdrawOp.responses['422'] = doc.paths['/applications/{id}/accept'].post.responses['422'];
    delete doc.paths['/applications'].post.responses['415'];
    doc.paths['/applications/{id}/documents'].post.responses['409'].content[
      'application/json'
    ].examples.notRequested.value.error.code = 'unknown_request';
    const ops = OPERATIONS.flatMap((e) => operationProblems(doc, e));
    expect(ops).toContain('POST /applications/{id}/withdraw: a 422 response that is not expected');
    expect(ops).toContain('POST /applications: no 415 response');
    expect(exampleStatusProblems(doc)).toEqual([
      'POST /applications/{id}/documents 409 application/json notRequested: unknown_request is documented with 422',
    ]);
  });

  it('a sandbox answer the document lacks, or gives another status, or does not mention', () => {
    const answers: Observation[] = [
      { scenario: 'a', op: 'POST /applications', status: 422, code: 'invalid_field' },
      { scenario: 'b', op: 'POST /applications', status: 400, code: 'invalid_body' },
      { scenario: 'c', op: 'GET /applications/{id}', status: 504, code: 'upstream_timeout' },
      { scenario: 'd', op: 'POST /applications/{id}/withdraw', status: 200, code: '' },
    ];
    // Fillers: every other code the sandbox answers, so that only the four answers can disagree
    // (the fillers' own lines, with no operation and no status, are left out).
    const codes0 = DOC.components.schemas.ErrorCode;
    const fillers: Observation[] = [...ErrorCode.options, ...Object.keys(codes0['x-sandboxCodes'])]
      .filter((code) => !codes0['x-notInSandbox'].includes(code) && !answers.some((a) => a.code === code))
      .map((code) => ({ scenario: 'filler', op: 'none', status: 0, code }));
    const problems = (doc: Doc) =>
      conformanceProblems(doc, [...answers, ...fillers]).filter((p) => !p.startsWith('filler: '));
    expect(problems(DOC)).toEqual([]);

    const doc = clone();
    const codes = doc.components.schemas.ErrorCode;
    codes['x-enumDescriptions'].invalid_body = '422: moved.';
    delete codes['x-sandboxCodes'].upstream_timeout;
    codes['x-notInSandbox'] = ['rate_limited'];
    doc.paths['/applications'].post.responses['422'].description = 'Refused.';
    doc.paths['/applications'].post.responses['422'].content['application/json'].examples = {};
    delete doc.paths['/applications/{id}/withdraw'].post.responses['200'];
    expect(problems(doc).sort()).toEqual(
      [
        'a: 422 invalid_field: the 422 response of POST /applications does not mention invalid_field',
        'b: 400 invalid_body: ErrorCode documents invalid_body with 422',
        'c: 504 upstream_timeout: upstream_timeout is neither an ErrorCode nor in x-sandboxCodes',
        'd: 200 (success): POST /applications/{id}/withdraw documents no 200 response',
        `x-notInSandbox is ["rate_limited"], the sandbox never answered ["idempotency_key_in_use","rate_limited"]`,
        `x-sandboxCodes has ["method_not_allowed","not_found","unknown_channel"], the sandbox's own codes are ["method_not_allowed","not_found","unknown_channel","upstream_timeout"]`,
      ].sort(),
    );
  });

  it('a sandbox transition x-transitions lacks, and a documented withdrawal the sandbox refuses', () => {
    const doc = clone();
    const p2pEdges = doc.components.schemas.ApplicationStatus['x-transitions'].p2p;
    p2pEdges.in_review = p2pEdges.in_review.filter((s: string) => s !== 'listed');
    p2pEdges.funded = [...p2pEdges.funded, 'withdrawn'];
    const platformEdges = doc.components.schemas.ApplicationStatus['x-transitions']['platform-direct'];
    platformEdges.offer = platformEdges.offer.filter((s: string) => s !== 'accepted');
    expect(transitionProblems(doc).sort()).toEqual([
      'p2p: funded -> withdrawn is documented, but the sandbox refuses withdraw there',
      'p2p: the sandbox lender moves in_review -> listed',
      'platform-direct: accept moves offer -> accepted in the sandbox',
    ]);
  });
});
