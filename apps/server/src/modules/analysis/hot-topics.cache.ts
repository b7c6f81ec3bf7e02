import type { CaseChange, CaseWriteHook } from '../../deps.ts';

/**
 * Hot topics are clustered from a window of cases: worth computing once and sharing for a short
 * while. An entry is reused for FRESH_MS whatever happens; after that, up to MAX_MS, only while no
 * case of its county has been written in this process since it was computed. MAX_MS bounds how stale
 * it can be when another server instance took the writes. Concurrent readers share one computation.
 */
export const FRESH_MS = 5_000;
export const MAX_MS = 60_000;
const MAX_ENTRIES = 200;

interface Entry<T> {
  at: number;
  generation: number;
  value: Promise<T>;
}

interface Cache {
  generations: Map<string, number>;
  entries: Map<string, Entry<unknown>>;
}

// one cache per database handle: every app (and every test app) has its own
const caches = new WeakMap<object, Cache>();

function cacheOf(owner: object): Cache {
  let c = caches.get(owner);
  if (!c) {
    c = { generations: new Map(), entries: new Map() };
    caches.set(owner, c);
  }
  return c;
}

/** Counts writes per county so that cached entries know whether their county has moved since. */
export function topicsInvalidationHook(owner: object): CaseWriteHook {
  const batch = async (_tx: unknown, changes: CaseChange[]) => {
    const c = cacheOf(owner);
    for (const { after } of changes)
      c.generations.set(after.countyId, (c.generations.get(after.countyId) ?? 0) + 1);
  };
  return Object.assign((tx: unknown, change: CaseChange) => batch(tx, [change]), { batch });
}

export function cached<T>(
  owner: object,
  countyId: string,
  key: string,
  now: number,
  compute: () => Promise<T>,
): Promise<T> {
  const c = cacheOf(owner);
  const generation = c.generations.get(countyId) ?? 0;
  const hit = c.entries.get(key) as Entry<T> | undefined;
  const age = hit ? now - hit.at : Number.POSITIVE_INFINITY;
  if (hit && age >= 0 && (age < FRESH_MS || (age < MAX_MS && hit.generation === generation)))
    return hit.value;
  const value = compute();
  const entry = { at: now, generation, value };
  c.entries.delete(key);
  c.entries.set(key, entry);
  // a failed computation is not kept
  value.catch(() => c.entries.get(key) === entry && c.entries.delete(key));
  while (c.entries.size > MAX_ENTRIES) c.entries.delete(c.entries.keys().next().value as string);
  return value;
}
