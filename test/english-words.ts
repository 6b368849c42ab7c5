/**
 * English words left in a text meant to be Chinese: a heuristic for the tests that render the
 * pages in Simplified Chinese. Words of 3+ Latin letters count, except brand and format names
 * (the allow-list and `names`), codes written in capitals (USD, CSV, SHA, TRANSACTION_EVENT_ID),
 * identifiers (`shopify-orders`, digests) and what the text quotes from the seller's file or page (between “” or "").
 */
const ALLOWED = new Set(
  [
    'Tradeline',
    'Amazon',
    'Shopify',
    'PayPal',
    'Stripe',
    'eBay',
    'Etsy',
    'Walmart',
    'AliExpress',
    'Alibaba',
    'DHgate',
    'Payoneer',
    'PingPong',
    'WorldFirst',
    'Kiva',
  ].map((w) => w.toLowerCase()),
);

export function englishWords(text: string, names: readonly string[] = []): string[] {
  const allowed = new Set([...ALLOWED, ...names.flatMap((n) => n.toLowerCase().match(/[a-z]{3,}/g) ?? [])]);
  const unquoted = text
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ');
  return (unquoted.match(/[A-Za-z][A-Za-z0-9_/-]*/g) ?? []).filter(
    (word) =>
      /[a-z]/.test(word) && // all capitals: a code (USD, CSV, SHA, MM/DD/YY)
      !/[0-9_/-]/.test(word) && // identifiers: format ids, column names, digests
      !/^[0-9a-f]{8,}$/.test(word) &&
      (word.match(/[A-Za-z]/g)?.length ?? 0) >= 3 &&
      !allowed.has(word.toLowerCase()),
  );
}
