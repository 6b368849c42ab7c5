/**
 * Writes the `components.schemas` of docs/channel-api.yaml (the Channel API's OpenAPI 3.1
 * description) from the zod schemas that the code uses on the wire.
 *
 *   npx tsx scripts/build-openapi.ts           rewrite components.schemas in place
 *   npx tsx scripts/build-openapi.ts --check   exit 1 if the file is not what the generator writes
 *
 * Structure (types, properties, required, enums, formats, patterns, limits) comes from
 * `z.toJSONSchema(…, { io: 'input' })`: what the zod parser accepts. Annotations already in the
 * YAML at the same place (description, title, examples, `x-…`) are kept, so the prose lives in
 * the YAML and survives regeneration. Everything outside components.schemas (info, paths,
 * responses, parameters, security) is hand-written and left as it is.
 *
 * lib/channels/openapi.test.ts checks the committed YAML against z.toJSONSchema semantically,
 * so a zod change that is not carried into the YAML fails the unit tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScalar, parseDocument, visit } from 'yaml';
import { z } from 'zod';
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
  MonthlyAggregate,
  Offer,
  ProfileSummary,
  SourceProvenance,
  StageDetail,
  StatusEvent,
  WithdrawRequest,
} from '../lib/domain/application.ts';
import {
  Catalog,
  Channel,
  EligibilityRule,
  FinancingModel,
  PacketField,
  Pricing,
  Repayment,
  RuleMetric,
  Sizing,
  Submission,
} from '../lib/domain/channel.ts';
import { CurrencyCode, Money } from '../lib/domain/money.ts';
import { IsoDate, IsoDateTime, IsoMonth, Sha256 } from '../lib/domain/provenance.ts';
import { Platform } from '../lib/domain/records.ts';

export const OPENAPI_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/channel-api.yaml');

// ---- Error codes ----
// ErrorBody.error.code is a plain string on the wire (so that a new code does not break an old
// client); this enum is the list the document gives, with the status of each in the YAML's
// `x-enumDescriptions`. Codes that only the Tradeline sandbox answers (its own routes and injected
// faults) are not part of the protocol: they are listed in `x-sandboxCodes` instead.

/** Values of `ErrorBody.error.code` (a string in ErrorBody, so that new codes do not break old clients). */
export const ErrorCode = z.enum([
  // 400
  'idempotency_key_missing',
  'idempotency_key_invalid',
  'invalid_json',
  'invalid_body',
  // 401, 404
  'unauthorized',
  'invalid_token',
  'application_not_found',
  // 409
  'idempotency_key_in_use',
  'invalid_state',
  'offer_expired',
  // 413, 415
  'payload_too_large',
  'unsupported_media_type',
  // 422
  'idempotency_key_reused',
  'channel_mismatch',
  'consent_mismatch',
  'missing_field',
  'unsupported_currency',
  'invalid_field',
  'unknown_offer',
  'unknown_request',
  // 429, 5xx
  'rate_limited',
  'internal_error',
  'unavailable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

// ---- The components, in document order ----

const packetShape = ApplicationPacket.shape;

/**
 * Every schema component of the document and the zod schema it is generated from. A schema
 * listed here becomes a `$ref` wherever another listed schema uses it.
 */
export const OPENAPI_SCHEMAS: ReadonlyArray<readonly [string, z.ZodType]> = [
  // The application packet (POST /applications)
  ['ApplicationPacket', ApplicationPacket],
  ['PacketBusinessDetails', packetShape.business.unwrap()],
  ['BusinessDetails', BusinessDetails],
  ['ProfileSummary', ProfileSummary],
  ['MonthlyAggregate', MonthlyAggregate],
  ['SourceProvenance', SourceProvenance],
  ['ConsentReceipt', ConsentReceipt],
  ['PacketField', PacketField],
  // Answers
  ['CreatedApplication', CreatedApplication],
  ['ApplicationView', ApplicationView],
  ['ApplicationStatus', ApplicationStatus],
  ['StageDetail', StageDetail],
  ['StatusEvent', StatusEvent],
  ['Offer', Offer],
  ['InfoRequest', InfoRequest],
  // Later calls
  ['DocumentUpload', DocumentUpload],
  ['AcceptRequest', AcceptRequest],
  ['WithdrawRequest', WithdrawRequest],
  // Errors
  ['ErrorBody', ErrorBody],
  ['ErrorCode', ErrorCode],
  // The channel directory (GET /lenders) and catalog entries
  ['Catalog', Catalog],
  ['Channel', Channel],
  ['FinancingModel', FinancingModel],
  ['Platform', Platform],
  ['EligibilityRule', EligibilityRule],
  ['RuleMetric', RuleMetric],
  ['Sizing', Sizing],
  ['Pricing', Pricing],
  ['Repayment', Repayment],
  ['Submission', Submission],
  // Shared scalars
  ['Money', Money],
  ['CurrencyCode', CurrencyCode],
  ['IsoDate', IsoDate],
  ['IsoDateTime', IsoDateTime],
  ['IsoMonth', IsoMonth],
  ['Sha256', Sha256],
];

export type JsonSchema = { [key: string]: unknown };

/** Keys that document a schema without constraining it: kept from the YAML, ignored by the drift test. */
export function isAnnotationKey(key: string): boolean {
  return (
    key.startsWith('x-') ||
    [
      'description',
      'title',
      'examples',
      'example',
      '$comment',
      'externalDocs',
      'deprecated',
      'discriminator',
    ].includes(key)
  );
}

/** The components as z.toJSONSchema writes them (no annotations), with `$ref`s between components. */
export function generateSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of OPENAPI_SCHEMAS) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { io: 'input', uri: (id) => `#/components/schemas/${id}` });
  const schemas: Record<string, JsonSchema> = {};
  for (const [id] of OPENAPI_SCHEMAS) {
    const { $schema: _s, $id: _i, ...rest } = out.schemas[id] as JsonSchema;
    schemas[id] = rest;
  }
  return schemas;
}

function isObject(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keywords whose value is a map from names to schemas (the names are not keywords). */
export const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
/** Keywords whose value is data, not a schema. */
export const VALUE_KEYWORDS = new Set(['enum', 'const', 'required', 'default', 'examples', 'example']);

/** `generated` (a schema) with the annotations of `current` (the schema in the YAML) at the same places. */
export function withAnnotations(generated: unknown, current: unknown): unknown {
  if (Array.isArray(generated)) {
    return generated.map((item, i) => withAnnotations(item, Array.isArray(current) ? current[i] : undefined));
  }
  if (!isObject(generated)) return generated;
  const cur = isObject(current) ? current : {};
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(cur)) if (isAnnotationKey(k)) out[k] = v;
  for (const [k, v] of Object.entries(generated)) {
    if (isAnnotationKey(k) && k in out) continue;
    if (VALUE_KEYWORDS.has(k)) out[k] = v;
    else if (SCHEMA_MAP_KEYWORDS.has(k) && isObject(v)) {
      const curMap = isObject(cur[k]) ? (cur[k] as JsonSchema) : {};
      out[k] = Object.fromEntries(
        Object.entries(v).map(([name, sub]) => [name, withAnnotations(sub, curMap[name])]),
      );
    } else out[k] = withAnnotations(v, cur[k]);
  }
  return out;
}

/** The document text with components.schemas regenerated. */
export function buildDocument(text: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`${OPENAPI_PATH}: ${doc.errors[0]?.message}`);
  const current = doc.toJS() as { components?: { schemas?: Record<string, unknown> } };
  const generated = generateSchemas();
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated)) {
    schemas[id] = withAnnotations(schema, current.components?.schemas?.[id]);
  }
  const node = doc.createNode(schemas);
  visit(node, {
    // Multi-line prose reads best as a literal block.
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && scalar.value.includes('\n')) scalar.type = 'BLOCK_LITERAL';
    },
    // Short lists of words (`required`, small enums, transitions) on one line.
    Seq(_key, seq) {
      const words = seq.items.map((item) => (isScalar(item) ? String(item.value) : null));
      if (words.every((w) => w !== null && /^[\w.-]+$/.test(w)) && words.join(', ').length <= 70)
        seq.flow = true;
    },
  });
  doc.setIn(['components', 'schemas'], node);
  return doc.toString({ lineWidth: 110, minContentWidth: 40, singleQuote: true });
}

function main(): void {
  const check = process.argv.includes('--check');
  const before = readFileSync(OPENAPI_PATH, 'utf8');
  const after = buildDocument(before);
  if (check) {
    if (after !== before) {
      console.error(`${OPENAPI_PATH} is out of date: run npx tsx scripts/build-openapi.ts`);
      process.exit(1);
    }
    console.log(`${OPENAPI_PATH} is up to date.`);
    return;
  }
  if (after === before) {
    console.log(`${OPENAPI_PATH}: unchanged.`);
    return;
  }
  writeFileSync(OPENAPI_PATH, after);
  console.log(`${OPENAPI_PATH}: ${OPENAPI_SCHEMAS.length} schema components written.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
