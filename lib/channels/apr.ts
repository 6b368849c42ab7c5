/**
 * Cost of financing as an APR, from the cash flows the seller would actually see: money received
 * at the start, then repayments. APR = periodic internal rate of return x periods per year (the
 * US Truth in Lending convention of a nominal annual rate).
 */

/** Net present value at a periodic rate of `received` now against `payments` at the end of periods 1..n. */
export function npv(rate: number, received: number, payments: readonly number[]): number {
  let value = -received;
  let discount = 1;
  for (const p of payments) {
    discount /= 1 + rate;
    value += p * discount;
  }
  return value;
}

/**
 * The periodic rate at which repayments are worth what was received. NPV falls as the rate
 * rises, so bisection always converges; 200 halvings of [0, 100] are far below a cent.
 * (No library: a root finder on a monotone function is ten lines, and financial libraries on npm
 * bring date handling and formats Tradeline does not use.)
 */
export function periodicRate(received: number, payments: readonly number[]): number {
  const total = payments.reduce((a, b) => a + b, 0);
  if (received <= 0 || total <= received) return 0;
  let lo = 0;
  let hi = 100;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (npv(mid, received, payments) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function apr(received: number, payments: readonly number[], periodsPerYear: number): number {
  return periodicRate(received, payments) * periodsPerYear;
}

/** Level installment that repays `principal` over `n` periods at periodic `rate`. */
export function installment(principal: number, rate: number, n: number): number {
  if (rate === 0) return principal / n;
  return (principal * rate) / (1 - (1 + rate) ** -n);
}

/**
 * Monthly repayments of a percent-of-sales product: `holdback` of the forecast monthly sales
 * until `total` is repaid (the last one partial).
 */
export function holdbackSchedule(
  total: number,
  holdback: number,
  monthlySales: number,
  maxMonths = 600,
): number[] {
  const payment = holdback * monthlySales;
  if (payment <= 0) return [];
  const out: number[] = [];
  let left = total;
  while (left > 1e-9 && out.length < maxMonths) {
    const p = Math.min(payment, left);
    out.push(p);
    left -= p;
  }
  return out;
}
