/**
 * docs/channel-api.yaml (the Channel API's OpenAPI 3.1 description) against the code.
 *
 * Drift: every schema component is compared with `z.toJSONSchema(schema, { io: 'input' })` of
 * the zod schema it documents, after removing what is only documentation (descriptions, titles,
 * examples, `x-…` keys) and resolving `$ref`s. Properties, required lists, enums, consts,
 * types, formats, patterns, lengths and bounds must match. Then the paths the protocol needs,
 * their status codes and bodies, OpenAPI 3.1 structure, `$ref` resolution, and the examples
 * (each parsed by its zod schema). The last block proves the checks fail on a drifted copy.
 *
 * After changing a zod schema: `npx tsx scripts/build-openapi.ts` regenerates the components.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, type Node, parse, parseDocument } from 'yaml';
import { z } from 'zod';
import {
  AcceptRequest,
  DocumentUpload,
  ErrorCode,
  generateSchemas,
  MAX_DOCUMENT_BASE64_CHARS,
  MAX_DOCUMENT_BYTES,
  OPENAPI_PATH,
  OPENAPI_SCHEMAS,
  WithdrawRequest,
} from '../../scripts/build-openapi.ts';
import {
  ApplicationPacket,
  ApplicationStatus,
  ApplicationView,
  BusinessDetails,
  ConsentReceipt,
  CreatedApplication,
  ErrorBody,
  InfoRequest,
  Offer,
  ProfileSummary,
  StageDetail,
  StatusEvent,
  TERMINAL_STATUSES,
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

const OPERATIONS: Expected[] = [
  {
    method: 'post',
    path: '/applications',
    statuses: ['201', '400', '413', '422', '5XX'],
    ok: ['201', 'CreatedApplication'],
    request: 'ApplicationPacket',
    bearer: false,
  },
  {
    method: 'get',
    path: '/applications/{id}',
    statuses: ['200', '401', '404', '5XX'],
    ok: ['200', 'ApplicationView'],
    bearer: true,
  },
  {
    method: 'post',
    path: '/applications/{id}/documents',
    statuses: ['200', '400', '401', '404', '409', '413', '422', '5XX'],
    ok: ['200', 'ApplicationView'],
    request: 'DocumentUpload',
    bearer: true,
  },
  {
    method: 'post',
    path: '/applications/{id}/accept',
    statuses: ['200', '400', '401', '404', '409', '422', '5XX'],
    ok: ['200', 'ApplicationView'],
    request: 'AcceptRequest',
    bearer: true,
  },
  {
    method: 'post',
    path: '/applications/{id}/withdraw',
    statuses: ['200', '400', '401', '404', '409', '5XX'],
    ok: ['200', 'ApplicationView'],
    request: 'WithdrawRequest',
    bearer: true,
  },
  { method: 'get', path: '/lenders', statuses: ['200'], ok: ['200', 'Catalog'], bearer: false },
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

/** `examples` of every request and response body whose schema is a component, resolved. */
function bodyExamples(doc: Doc): { at: string; schema: string; value: unknown }[] {
  const out: { at: string; schema: string; value: unknown }[] = [];
  const fromContent = (content: unknown, at: string): void => {
    for (const [type, media] of Object.entries((content ?? {}) as Record<string, Doc>)) {
      const ref: unknown = media?.schema?.$ref;
      if (typeof ref !== 'string') continue;
      const schema = ref.replace('#/components/schemas/', '');
      for (const [name, example] of Object.entries((media.examples ?? {}) as Obj)) {
        out.push({ at: `${at} ${type} ${name}`, schema, value: follow(doc, example)?.value });
      }
    }
  };
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Doc>)) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      fromContent(op.requestBody?.content, `${method.toUpperCase()} ${path} request`);
      for (const [status, response] of Object.entries((op.responses ?? {}) as Obj)) {
        fromContent(follow(doc, response)?.content, `${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }
  return out;
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

  it('states the document size limits the code uses', () => {
    expect(MAX_DOCUMENT_BASE64_CHARS).toBe(13_981_016);
    const upload = DOC.paths['/applications/{id}/documents'].post.description as string;
    expect(upload).toContain('10 MiB');
    expect(upload).toContain(MAX_DOCUMENT_BASE64_CHARS.toLocaleString('en-US'));
    expect(DOC.info.description).toContain(`${MAX_DOCUMENT_BYTES.toLocaleString('en-US')} bytes`);
  });

  it('GET /lenders is described as optional', () => {
    expect(DOC.paths['/lenders'].get.description).toMatch(/optional/i);
  });

  it('every example parses with its zod schema and uses documented error codes', () => {
    const examples = bodyExamples(DOC);
    expect(examples.length).toBeGreaterThan(10);
    for (const { at, schema, value } of examples) {
      const zodSchema = ALL_SCHEMAS[schema];
      expect(zodSchema, `${at}: ${schema} has a zod schema`).toBeDefined();
      const parsed = (zodSchema as z.ZodType).safeParse(value);
      expect(parsed.success ? [] : parsed.error.issues, at).toEqual([]);
      if (schema === 'ErrorBody') expect(ErrorCode.options, at).toContain((value as ErrorBody).error.code);
    }
  });

  it('every error code is used by some response', () => {
    const responses = JSON.stringify([DOC.paths, DOC.components.responses]);
    for (const code of ErrorCode.options) expect(responses, code).toContain(code);
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
});
