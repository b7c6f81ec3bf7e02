import autocannon from 'autocannon';

export interface LoadResult {
  throughput: number;
  p50: number;
  /** autocannon reports p97.5, not p95: judged against a p95 goal it is the stricter figure */
  p97_5: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: autocannon.Request[];
  warmup?: number;
}

/** Runs autocannon for a fixed time (after a short warm-up) and keeps what the results file needs. */
export async function load(o: LoadOptions): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url: o.url,
      connections: o.connections,
      duration,
      headers: o.headers,
      requests: o.requests,
      timeout: 10,
    });
  if (o.warmup) await run(o.warmup);
  const r = await run(o.duration);
  const codes: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) codes[k] = (v as { count: number }).count;
  return {
    throughput: Math.round(r.requests.average),
    p50: r.latency.p50,
    p97_5: (r.latency as unknown as Record<string, number>).p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    statusCodes: codes,
  };
}
