// ISO 4217 minor-unit exponents. Most currencies have 2; these are the exceptions
// (ISO 4217 list one, "Minor unit" column). Intl's CLDR digits differ for a few
// (e.g. it rounds IDR and HUF for display), so the exponent is not taken from Intl.
// biome-ignore format: a table reads better as a table
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

let known: ReadonlySet<string> | undefined;

/** ISO 4217 codes the runtime knows (Node and Chromium both ship the full list). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(code);
}

/** Number of decimal places of the currency's minor unit (2 for USD, 0 for JPY, 3 for KWD). */
export function minorUnitExponent(code: string): number {
  return EXPONENT_EXCEPTIONS[code] ?? 2;
}
