import type { Settings } from '../../lib/domain/records.ts';
import { S } from './strings.ts';

/** The business details form's fields, in the order shown (BusinessDetails' field names). */
export const BUSINESS_FIELDS = [
  'legalName',
  'registrationNumber',
  'country',
  'yearsTrading',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;
export type BusinessField = (typeof BUSINESS_FIELDS)[number];
export type BusinessDraft = Record<BusinessField, string>;

/** Fields most channels ask for (required in BusinessDetails). */
export const NEEDED: ReadonlySet<BusinessField> = new Set([
  'legalName',
  'country',
  'yearsTrading',
  'contactName',
  'contactEmail',
]);

const MAX_LENGTH: Partial<Record<BusinessField, number>> = {
  legalName: 200,
  registrationNumber: 50,
  contactName: 200,
  contactPhone: 40,
};

/** Checks a stored value against its BusinessDetails schema (components/options/business-check.ts). */
export type BusinessCheck = (field: BusinessField, value: string | number) => boolean;

let loading: Promise<BusinessCheck> | undefined;
let loaded: BusinessCheck | undefined;

/** Loads the check once (zod and the application schemas come with it); the same promise after. */
export function loadBusinessCheck(): Promise<BusinessCheck> {
  loading ??= import('./business-check.ts').then(
    (m) => {
      loaded = m.passesSchema;
      return loaded;
    },
    (error: unknown) => {
      loading = undefined; // a later form asks again
      throw error;
    },
  );
  return loading;
}

/** The check once loaded (the form then renders without waiting). */
export function loadedBusinessCheck(): BusinessCheck | undefined {
  return loaded;
}

export function draftFrom(business: Settings['business']): BusinessDraft {
  const draft = {} as BusinessDraft;
  for (const field of BUSINESS_FIELDS) {
    const value = business?.[field];
    draft[field] = value === undefined ? '' : String(value);
  }
  return draft;
}

/** What a field's text is stored as: years trading is a number, the rest strings, trimmed. */
function storedValue(field: BusinessField, text: string): string | number {
  const trimmed = text.trim();
  if (field === 'yearsTrading') return trimmed === '' ? Number.NaN : Number(trimmed.replace(',', '.'));
  return trimmed;
}

/**
 * The message for a field as typed, or null when it is fine. An empty field is not an error
 * (a half-filled form is kept; the packet builder checks field by field); a filled one must
 * pass its BusinessDetails schema.
 */
export function fieldError(check: BusinessCheck, field: BusinessField, text: string): string | null {
  if (text.trim() === '') return null;
  if (check(field, storedValue(field, text))) return null;
  switch (field) {
    case 'country':
      return S.settings.errors.country;
    case 'yearsTrading':
      return S.settings.errors.yearsTrading;
    case 'contactEmail':
      return S.settings.errors.contactEmail;
    default:
      return S.settings.errors.tooLong(MAX_LENGTH[field] ?? 0);
  }
}

/** The filled, valid fields, as `settings.business` stores them (undefined when none). */
export function businessFrom(check: BusinessCheck, draft: BusinessDraft): Settings['business'] {
  const out: Record<string, string | number> = {};
  for (const field of BUSINESS_FIELDS) {
    if (draft[field].trim() === '' || fieldError(check, field, draft[field])) continue;
    out[field] = storedValue(field, draft[field]);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
