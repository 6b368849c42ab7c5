import { z } from 'zod';

/** The routes of the sandbox that faults can hit (admin and health routes never are). */
export const FaultRoute = z.enum(['catalog', 'create', 'read', 'documents', 'accept', 'withdraw']);
export type FaultRoute = z.infer<typeof FaultRoute>;

const share = z.number().min(0).max(1);

/**
 * Faults to inject, per request, for reliability tests. Each matching request draws from a
 * seeded PRNG, so a given seed and request sequence always fails the same way.
 */
export const FaultConfig = z
  .object({
    /** Wall-clock delay before every matching request is handled (not scaled by the speed). */
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /** Share of requests answered 500 or 503 (half each) before anything happens. */
    errorRate: share.default(0),
    /** Share of requests whose connection is cut before anything happens. */
    dropBeforeRate: share.default(0),
    /** Share of requests handled (the application is created, the offer accepted…) whose connection is then cut. */
    dropAfterRate: share.default(0),
    /**
     * Share of requests handled whose answer is lost on the way back: the client gets a 504 and
     * sends the request again, a duplicate delivery the lender must recognise by its Idempotency-Key.
     */
    duplicateRate: share.default(0),
    /** Only these routes (all lender routes when absent). */
    routes: z.array(FaultRoute).min(1).optional(),
    /** Only the next N matching requests; the faults then switch themselves off. */
    count: z.number().int().positive().optional(),
    seed: z.number().int().default(1),
  })
  .strict();
export type FaultConfig = z.input<typeof FaultConfig>;
type Settings = z.output<typeof FaultConfig>;

export type FaultKind = 'error_500' | 'error_503' | 'drop_before' | 'drop_after' | 'duplicate';

/** What happens to one request. */
export interface FaultPlan {
  latencyMs: number;
  before: 'drop' | 500 | 503 | null;
  after: 'drop' | 'duplicate' | null;
}

const NONE: FaultPlan = { latencyMs: 0, before: null, after: null };

/** mulberry32: a tiny seedable PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  #settings: Settings | null = null;
  #random: () => number = mulberry32(1);
  #remaining = Number.POSITIVE_INFINITY;
  /** Every fault injected since the last `set`/`clear`, in order. */
  readonly log: { route: FaultRoute; kind: FaultKind }[] = [];

  /** Replaces the faults (validated; throws a ZodError on a bad config) and reseeds the PRNG. */
  set(config: FaultConfig): Settings {
    const settings = FaultConfig.parse(config);
    this.#settings = settings;
    this.#random = mulberry32(settings.seed);
    this.#remaining = settings.count ?? Number.POSITIVE_INFINITY;
    this.log.length = 0;
    return settings;
  }

  clear(): void {
    this.#settings = null;
    this.#remaining = Number.POSITIVE_INFINITY;
    this.log.length = 0;
  }

  get settings(): Readonly<Settings> | null {
    return this.#settings;
  }

  /** Decides the fate of one request. Draws the same number of values whatever the outcome. */
  plan(route: FaultRoute): FaultPlan {
    const s = this.#settings;
    if (s === null || (s.routes && !s.routes.includes(route))) return NONE;
    if (--this.#remaining <= 0) this.#settings = null;
    const dropBefore = this.#random();
    const error = this.#random();
    const which = this.#random();
    const dropAfter = this.#random();
    const duplicate = this.#random();
    const plan: FaultPlan = { latencyMs: s.latencyMs, before: null, after: null };
    if (dropBefore < s.dropBeforeRate) plan.before = 'drop';
    else if (error < s.errorRate) plan.before = which < 0.5 ? 500 : 503;
    else if (dropAfter < s.dropAfterRate) plan.after = 'drop';
    else if (duplicate < s.duplicateRate) plan.after = 'duplicate';
    const kind: FaultKind | null =
      plan.before === 'drop'
        ? 'drop_before'
        : plan.before === 500
          ? 'error_500'
          : plan.before === 503
            ? 'error_503'
            : plan.after === 'drop'
              ? 'drop_after'
              : plan.after === 'duplicate'
                ? 'duplicate'
                : null;
    if (kind) this.log.push({ route, kind });
    return plan;
  }
}
