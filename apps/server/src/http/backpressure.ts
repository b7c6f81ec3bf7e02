import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HeweiError } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';

export interface BackpressureOptions {
  /** requests in progress at once before new ones are turned away (HEWEI_MAX_IN_FLIGHT) */
  maxInFlight: number;
  /** turn new requests away while the event loop lags more than this, in ms (HEWEI_MAX_LAG_MS); 0: never */
  maxLagMs: number;
}

/**
 * From the environment. The lag check is on by default on PostgreSQL only: the embedded engine
 * runs its queries on the event loop, so a long query there is work, not overload.
 */
export const backpressureFromEnv = (
  dbKind: 'pglite' | 'postgres',
  env = process.env,
): BackpressureOptions => ({
  maxInFlight: Number(env.HEWEI_MAX_IN_FLIGHT ?? 512),
  maxLagMs: Number(env.HEWEI_MAX_LAG_MS ?? (dbKind === 'postgres' ? 1000 : 0)),
});

/**
 * Beyond capacity, a quick 503 with Retry-After instead of a queue that grows until clients time
 * out: a request that arrives while too many are in progress, or while the event loop lags, is
 * refused before any work (performance.md P9). Health checks always pass through.
 */
export function registerBackpressure(
  app: FastifyInstance,
  o: BackpressureOptions,
  /** the worst event-loop delay lately, in ms; measured by default (a test may drive it) */
  worstLagMs: () => number = measureLag(app),
) {
  let inFlight = 0;
  const lagging = () => o.maxLagMs > 0 && worstLagMs() > o.maxLagMs;

  app.addHook('onRequest', async (req) => {
    if (req.url === '/healthz' || req.url === '/readyz') return;
    // a live stream (server push, a mediation room) stays open for minutes: it is not work in
    // progress, so it takes no slot — but a new one is still refused while the loop stalls
    const longLived =
      Boolean(req.headers.upgrade) || String(req.headers.accept ?? '').includes('text/event-stream');
    if (lagging() || (!longLived && inFlight >= o.maxInFlight)) throw new HeweiError('OVERLOADED');
    if (longLived) return;
    inFlight++;
    (req as { counted?: boolean }).counted = true;
  });
  const done = async (req: object) => {
    if ((req as { counted?: boolean }).counted) {
      (req as { counted?: boolean }).counted = false;
      inFlight--;
    }
  };
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
}

/** The worst delay over the last half-second window and the current one. */
function measureLag(app: FastifyInstance): () => number {
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  let previousMaxMs = 0;
  const sampler = setInterval(() => {
    previousMaxMs = lag.max / 1e6;
    lag.reset();
  }, 500);
  sampler.unref();
  app.addHook('onClose', async () => {
    clearInterval(sampler);
    lag.disable();
  });
  return () => Math.max(previousMaxMs, lag.max / 1e6);
}
