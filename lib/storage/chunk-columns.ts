import { LedgerEntry, type RecordChunk } from '../domain/records.ts';

/**
 * A record chunk as it is stored: its records as columns, one per field of the ledger schema (an
 * amount's `amount` and `currency` each a column of their own). The structured clone writes every
 * property name of every object it copies, so 10,000 records stored as objects carry each name
 * 10,000 times; as columns, once. A column every record shares (the platform, the import, most
 * often the kind and currency) is stored once, and a column of few strings (the dates of a month)
 * as those strings and one byte per record. Putting a million orders this way took about half
 * the time of putting them as records, building the columns included (1.1 s against 2.1 s,
 * docs/performance.md, eighth round).
 *
 * Exact: a record the columns cannot hold as it is (a field outside the schema, an amount with
 * more than its two fields, a field set to `undefined`) is also stored whole, and read back
 * whole. Chunks stored as records before this still read (chunkOf).
 */
export interface ColumnChunk {
  platform: string;
  month: string;
  seq: number;
  /** How many records. */
  count: number;
  /** Per column, the record's field, or [field, its field] for an amount's field. */
  fields: Field[];
  columns: Column[];
  /** Records stored whole (see above), by their place in the chunk. */
  whole?: { at: number[]; records: unknown[] };
}

type Field = string | [string, string];

/**
 * One field's values, in the first of these forms that holds them:
 * - the value every record has (not for numbers: `===` does not tell 0 from -0);
 * - at most MAX_STRINGS strings, and which one each record has (0: none);
 * - strings only: all of them as one string, and each one's length. Chromium's structured clone
 *   writes one long string much faster than 10,000 short ones;
 * - one value per record (undefined: the record has no such field), built with `map` so that the
 *   array is packed and of the narrowest kind: the structured clone writes such an array in one
 *   loop, and any other array (holey, or numbers as generic elements) entry by entry, slower.
 */
type Column =
  | unknown[]
  | { same: unknown }
  | { strings: string[]; at: Uint8Array }
  | { joined: string; lengths: Int32Array };

/** What the chunks store holds: columns, or records as stored before columns. */
export type StoredChunk = ColumnChunk | RecordChunk;

type Fields = Record<string, unknown>;
type Reader = (record: Fields) => unknown;

/**
 * How each field of the ledger schema is read, an amount's fields apart. Written out rather than
 * read as `record[name]`: a load by a fixed name is several times faster than one by a variable
 * name, and encoding is on the path of every import. A test checks this list against the schema;
 * a field missing here would still be kept, its records stored whole.
 */
export const READERS: Record<string, Reader> = {
  kind: (record) => record.kind,
  key: (record) => record.key,
  platform: (record) => record.platform,
  date: (record) => record.date,
  importId: (record) => record.importId,
  row: (record) => record.row,
  orderId: (record) => record.orderId,
  status: (record) => record.status,
  marketplace: (record) => record.marketplace,
  feeType: (record) => record.feeType,
  payoutId: (record) => record.payoutId,
  description: (record) => record.description,
};
export const MONEY_READERS: Record<string, Record<string, Reader>> = {
  gross: {
    amount: (record) => (record.gross as Fields | undefined)?.amount,
    currency: (record) => (record.gross as Fields | undefined)?.currency,
  },
  amount: {
    amount: (record) => (record.amount as Fields | undefined)?.amount,
    currency: (record) => (record.amount as Fields | undefined)?.currency,
  },
};

/** Per kind of the ledger schema, its fields in the schema's order, an amount's fields apart. */
const FIELDS_OF_KIND = new Map<unknown, { plain: string[]; money: string[] }>(
  LedgerEntry.options.map((kind) => {
    const names = Object.keys(kind.shape);
    return [
      kind.shape.kind.value,
      {
        plain: names.filter((name) => name in READERS),
        money: names.filter((name) => name in MONEY_READERS),
      },
    ];
  }),
);

/** More strings than this in a column, and it is stored one value per record. */
const MAX_STRINGS = 64;

function isPlainObject(value: unknown): value is Fields {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** How many enumerable fields an object has, without building Object.keys' array per record. */
function fieldCount(value: Fields): number {
  let count = 0;
  for (const _ in value) count += 1;
  return count;
}

/**
 * One field's values as a column (null: no record has the field). `defined` counts each
 * record's defined values.
 */
function encode(records: readonly Fields[], read: Reader, defined: Uint8Array): Column | null {
  const count = records.length;
  const first = read(records[0] as Fields);
  // Numbers are never shared: `===` does not tell 0 from -0, and the structured clone does.
  if (typeof first !== 'number') {
    let i = 1;
    while (i < count && read(records[i] as Fields) === first) i += 1;
    if (i === count) {
      if (first === undefined) return null;
      for (let k = 0; k < count; k++) defined[k] = (defined[k] ?? 0) + 1;
      return { same: first };
    }
  }
  const values = records.map(read);
  for (let i = 0; i < count; i++) if (values[i] !== undefined) defined[i] = (defined[i] ?? 0) + 1;
  if (typeof first !== 'string' && first !== undefined) return values;
  return fewStrings(values) ?? joinedStrings(values) ?? values;
}

/** A column of strings only, as one string and each one's length (null: not all strings). */
function joinedStrings(values: unknown[]): Column | null {
  const lengths = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string') return null;
    lengths[i] = value.length;
  }
  return { joined: values.join(''), lengths };
}

/** A column of at most MAX_STRINGS strings (undefined among them): each record's as a byte. */
function fewStrings(values: unknown[]): Column | null {
  const count = values.length;
  const strings: string[] = [];
  const at = new Uint8Array(count);
  let last: unknown;
  let lastAt = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    if (value === last) {
      at[i] = lastAt;
      continue;
    }
    // 0 is "no value": the strings are numbered from 1.
    let index = 0;
    if (value !== undefined) {
      if (typeof value !== 'string') return null;
      index = strings.indexOf(value) + 1;
      if (index === 0) {
        if (strings.length === MAX_STRINGS) return null;
        index = strings.push(value);
      }
    }
    last = value;
    lastAt = index;
    at[i] = index;
  }
  return { strings, at };
}

/** The fields of the kinds in a chunk, each once, in the schema's order. */
function fieldsOfKinds(records: readonly Fields[]): { plain: string[]; money: string[] } {
  const kinds: unknown[] = [];
  let last: unknown;
  for (const record of records) {
    const { kind } = record;
    if (kind === last) continue;
    last = kind;
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  const plain = new Set<string>();
  const money = new Set<string>();
  for (const kind of kinds) {
    // A kind outside the schema: its records are stored whole (their fields are not counted).
    const fields = FIELDS_OF_KIND.get(kind);
    for (const name of fields?.plain ?? []) plain.add(name);
    for (const name of fields?.money ?? []) money.add(name);
  }
  return { plain: [...plain], money: [...money] };
}

/** The chunk as stored: its records as columns. */
export function toColumns(chunk: RecordChunk): ColumnChunk {
  const count = chunk.records.length;
  let records = chunk.records as unknown as Fields[];
  const fields: Field[] = [];
  const columns: Column[] = [];
  // Per record: how many fields it has, and how many the columns hold. A record whose counts
  // differ is stored whole too.
  const has = new Uint8Array(count);
  const defined = new Uint8Array(count);
  const odd = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const record = records[i];
    if (typeof record === 'object' && record !== null) has[i] = Math.min(fieldCount(record), 255);
    else odd[i] = 1;
  }
  if (odd.includes(1)) {
    // Not an object (a damaged record): stored whole only, read as if it had no fields.
    records = records.map((record, i) => (odd[i] ? {} : record));
  }
  const add = (field: Field, column: Column | null): void => {
    if (column === null) return;
    fields.push(field);
    columns.push(column);
  };
  const kinds = count === 0 ? { plain: [], money: [] } : fieldsOfKinds(records);
  for (const name of kinds.plain) add(name, encode(records, READERS[name] as Reader, defined));
  for (const name of kinds.money) {
    const readers = Object.entries(MONEY_READERS[name] as Record<string, Reader>);
    // An amount the columns hold has its fields and no other: as many as it has, all defined.
    const counted = new Uint8Array(count);
    for (const [sub, read] of readers) add([name, sub], encode(records, read, counted));
    for (let i = 0; i < count; i++) {
      const amount = (records[i] as Fields)[name];
      if (amount === undefined) continue;
      defined[i] = (defined[i] ?? 0) + 1;
      if (counted[i] !== readers.length || fieldCount(amount as Fields) !== readers.length) odd[i] = 1;
    }
  }
  const whole: { at: number[]; records: unknown[] } = { at: [], records: [] };
  for (let i = 0; i < count; i++) {
    if (odd[i] || has[i] !== defined[i] || has[i] === 255) {
      whole.at.push(i);
      whole.records.push(chunk.records[i]);
    }
  }
  const stored: ColumnChunk = {
    platform: chunk.platform,
    month: chunk.month,
    seq: chunk.seq,
    count,
    fields,
    columns,
  };
  if (whole.at.length > 0) stored.whole = whole;
  return stored;
}

function isField(field: unknown): field is Field {
  return (
    typeof field === 'string' ||
    (Array.isArray(field) &&
      field.length === 2 &&
      typeof field[0] === 'string' &&
      typeof field[1] === 'string')
  );
}

/** What is wrong with one stored column (null: nothing). */
function columnProblem(column: unknown, count: number): string | null {
  if (Array.isArray(column)) return column.length === count ? null : 'is not one value per record';
  if (!isPlainObject(column)) return 'is not a column';
  if ('same' in column) return null;
  if ('joined' in column) {
    const { joined, lengths } = column;
    if (typeof joined !== 'string' || !(lengths instanceof Int32Array) || lengths.length !== count)
      return 'is not one value per record';
    let total = 0;
    for (const length of lengths) total += length;
    return total === joined.length && lengths.every((l) => l >= 0) ? null : 'has strings that do not add up';
  }
  const { strings, at } = column;
  if (!Array.isArray(strings) || !(at instanceof Uint8Array) || at.length !== count)
    return 'is not one value per record';
  for (const index of at) if (index > strings.length) return 'names a string it does not have';
  return null;
}

/** What is wrong with a stored value's columns (null: they can be read back as records). */
function columnsProblem(value: Fields): string | null {
  const { fields, columns, count, whole } = value;
  if (!Array.isArray(fields) || !Array.isArray(columns)) return 'columns missing';
  if (fields.length !== columns.length) return 'columns do not match their fields';
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return 'record count missing';
  for (const [i, column] of columns.entries()) {
    if (!isField(fields[i])) return `column ${i + 1} has no field name`;
    const problem = columnProblem(column, count);
    if (problem !== null) return `column ${i + 1} ${problem}`;
  }
  if (whole !== undefined) {
    const ok =
      isPlainObject(whole) &&
      Array.isArray(whole.at) &&
      Array.isArray(whole.records) &&
      whole.at.length === whole.records.length &&
      whole.at.every((at) => Number.isInteger(at) && at >= 0 && at < count);
    if (!ok) return 'records stored whole do not match their places';
  }
  return null;
}

/** A stored column as one value per record (a shared value: that value, for `count` records). */
function valuesOf(column: Column, count: number): unknown[] {
  if (Array.isArray(column)) return column;
  if ('same' in column) return new Array(count).fill(column.same);
  if ('joined' in column) {
    const { joined, lengths } = column;
    const values: string[] = new Array(count);
    let start = 0;
    for (let i = 0; i < count; i++) {
      const end = start + (lengths[i] as number);
      values[i] = joined.slice(start, end);
      start = end;
    }
    return values;
  }
  const { strings, at } = column;
  return Array.from(at, (index) => (index === 0 ? undefined : strings[index - 1]));
}

/**
 * The chunk a stored value stands for: columns read back as records; a chunk stored as records
 * (or anything else) as it is. Damaged columns come back without records and with what is wrong
 * (`columnsProblem`), for chunk-check.ts to name when it sets the chunk aside.
 */
export function chunkOf(value: unknown): unknown {
  if (!isPlainObject(value) || !('columns' in value || 'fields' in value)) return value;
  const problem = columnsProblem(value);
  const { fields, columns, count, whole, ...rest } = value;
  if (problem !== null) return { ...rest, columnsProblem: problem };
  const names = fields as Field[];
  const values = (columns as Column[]).map((column) => valuesOf(column, count as number));
  const records: unknown[] = new Array(count as number);
  for (let i = 0; i < (count as number); i++) {
    const record: Fields = {};
    for (let f = 0; f < names.length; f++) {
      const v = (values[f] as unknown[])[i];
      if (v === undefined) continue;
      const field = names[f] as Field;
      if (typeof field === 'string') record[field] = v;
      else {
        const [name, sub] = field;
        const inner = record[name];
        if (isPlainObject(inner)) inner[sub] = v;
        else record[name] = { [sub]: v };
      }
    }
    records[i] = record;
  }
  if (whole) {
    const { at, records: kept } = whole as { at: number[]; records: unknown[] };
    for (let k = 0; k < at.length; k++) records[at[k] as number] = kept[k];
  }
  return { ...rest, records };
}
