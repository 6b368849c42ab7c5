import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApplicationStatus, ApplicationView } from '../../lib/domain/application.ts';
import type { Catalog } from '../../lib/domain/channel.ts';
import { type FaultPlan, Faults } from './faults.ts';
import { errorReply, HttpError, type Reply, send } from './http.ts';
import { advance, nextTransition, type SandboxApplication, view } from './machine.ts';
import { catalogFor, faultRoute, handle, LENDERS, matchRoute, type SandboxState } from './router.ts';

/** At the default speed a nominal day of lender time passes in one real minute. */
export const DEFAULT_SPEED = 1440;

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default; the sandbox is not meant to be reachable from elsewhere. */
  host?: string;
  /** Lender time runs this many times faster than the clock. */
  speed?: number;
  /** Epoch milliseconds; inject one in tests so that time moves only when the test says so. */
  clock?: () => number;
  /** Called with one line per request answered (the CLI prints them). */
  log?: (line: string) => void;
}

export interface Sandbox {
  /** e.g. `http://127.0.0.1:38211`. */
  origin: string;
  speed: number;
  /** The sandbox channels with base URLs on `origin` (what `GET /lenders` answers). */
  catalog: Catalog;
  /** Fault injection, also reachable as `POST /__faults`. */
  faults: Faults;
  /** How many applications the lenders hold (reliability tests count duplicates with it). */
  applicationCount(): number;
  /**
   * The latest application a sandbox lender holds, as the lender sees it now, with the status it
   * moves to next on its own and when (clock ms; null when it waits for the seller or is over).
   * The demo and the journey test step a `SteppedClock` to these moments.
   */
  lenderView(channelId: string): LenderView | null;
  close(): Promise<void>;
}

export interface LenderView {
  view: ApplicationView;
  next: { status: ApplicationStatus; at: number } | null;
}

/**
 * Lender time that moves only when told to: `advanceTo` a moment the sandbox named, or by a
 * nominal duration. With it every status is reached exactly, whatever the machine's load.
 */
export class SteppedClock {
  private at: number;
  constructor(
    start: number,
    private readonly speed: number,
  ) {
    this.at = start;
  }
  readonly now = (): number => this.at;
  advanceTo(ms: number): void {
    if (ms > this.at) this.at = ms;
  }
  /** Moves on by `nominalMs` of lender time (divided by the sandbox's speed). */
  advanceBy(nominalMs: number): void {
    this.at += nominalMs / this.speed;
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const speed = options.speed ?? DEFAULT_SPEED;
  if (!(Number.isFinite(speed) && speed > 0))
    throw new RangeError(`speed must be a positive number, got ${speed}`);
  const host = options.host ?? '127.0.0.1';
  const state: SandboxState = {
    origin: '',
    speed,
    clock: options.clock ?? Date.now,
    faults: new Faults(),
    applications: new Map(),
    idempotency: new Map(),
  };
  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((req, res) => {
    void serve(req, res, state, delay, options.log);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  state.origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    origin: state.origin,
    speed,
    catalog: catalogFor(state.origin),
    faults: state.faults,
    applicationCount: () => state.applications.size,
    lenderView: (channelId) => {
      let latest: SandboxApplication | undefined;
      for (const app of state.applications.values()) {
        if (app.channel.id !== channelId) continue;
        if (!latest || (app.events[0]?.at ?? '') >= (latest.events[0]?.at ?? '')) latest = app;
      }
      if (!latest) return null;
      const lender = LENDERS[latest.channel.model];
      advance(latest, lender, state.clock(), state.speed);
      const next = nextTransition(latest, lender, state.speed);
      return {
        view: view(latest),
        next: next ? { status: next.transition.to, at: next.due } : null,
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
  delay: (ms: number) => Promise<void>,
  log: ((line: string) => void) | undefined,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const done = (reply: Reply | 'dropped') => {
    log?.(`${req.method} ${path} → ${reply === 'dropped' ? 'connection dropped' : reply.status}`);
    if (reply === 'dropped') req.socket.destroy();
    else send(res, reply);
  };
  try {
    if (req.method === 'OPTIONS') return done({ status: 204, body: undefined });
    const route = matchRoute(path);
    const name = faultRoute(route);
    const plan: FaultPlan | null = name ? state.faults.plan(name) : null;
    if (plan && plan.latencyMs > 0) await delay(plan.latencyMs);
    if (plan?.before === 'drop') return done('dropped');
    if (plan?.before === 500 || plan?.before === 503) return done(injectedError(plan.before));

    let reply: Reply;
    try {
      reply = await handle(req, route, state);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply = errorReply(error);
    }
    if (plan?.after === 'drop') return done('dropped');
    if (plan?.after === 'duplicate') {
      return done({
        status: 504,
        body: {
          error: {
            code: 'upstream_timeout',
            message: 'The request was received but its answer was lost (injected fault); send it again.',
          },
        },
      });
    }
    done(reply);
  } catch (error) {
    // A sandbox bug: answer it as one rather than crash the server.
    const message = error instanceof Error ? error.message : String(error);
    if (!res.headersSent) done({ status: 500, body: { error: { code: 'internal_error', message } } });
  }
}

function injectedError(status: 500 | 503): Reply {
  return status === 503
    ? {
        status,
        body: {
          error: { code: 'unavailable', message: 'The lender is briefly unavailable (injected fault).' },
        },
        headers: { 'retry-after': '1' },
      }
    : { status, body: { error: { code: 'internal_error', message: 'The lender failed (injected fault).' } } };
}
