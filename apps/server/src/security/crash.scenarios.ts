import { casesPerKey, newKey, post, serverPool } from './crash.harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (a: number, b: number) => a + Math.floor(Math.random() * (b - a + 1));

/**
 * Steady intake while the serving process is killed with SIGKILL `kills` times. Every
 * acknowledged intake must be in the database exactly once; none may be there twice.
 */
export async function crashUnderLoad(url: string, o: { kills: number; concurrency: number }) {
  const pool = serverPool(url);
  const acked = new Map<string, string>();
  let sent = 0;
  let stop = false;
  const started = performance.now();
  const workers: Promise<void>[] = [];
  try {
    await pool.ready();
    for (let w = 0; w < o.concurrency; w++)
      workers.push(
        (async () => {
          while (!stop) {
            const server = pool.current();
            if (!server) {
              await sleep(5);
              continue;
            }
            const key = newKey();
            sent++;
            const id = await post(server.port, key);
            if (id) acked.set(key, id);
            else await sleep(5);
          }
        })(),
      );
    for (let k = 0; k < o.kills; k++) {
      // kill only while intake is flowing: some acknowledgements since the last kill, then a moment more
      const before = acked.size;
      while (acked.size < before + o.concurrency) await sleep(10);
      await sleep(between(20, 200));
      await pool.kill();
    }
  } finally {
    stop = true;
    await Promise.all(workers);
    await pool.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const inDb = await casesPerKey(url);
  const lost = [...acked].filter(([key, id]) => inDb.get(key)?.[0] !== id).length;
  const duplicated = [...inDb.values()].filter((ids) => ids.length > 1).length;
  return { kills: o.kills, sent, acked: acked.size, inDb: inDb.size, lost, duplicated, seconds };
}

/**
 * `submissions` intakes, each sent 1–5 times in parallel under its idempotency key, with the
 * server killed a third of the way through; whatever failed is sent again afterwards, as a
 * client retries. Exactly `submissions` cases must exist, each key with one case.
 */
export async function retryStorm(url: string, o: { submissions: number; concurrency: number }) {
  const pool = serverPool(url);
  const keys = Array.from({ length: o.submissions }, newKey);
  let queue = keys.flatMap((k) => Array.from({ length: between(1, 5) }, () => k));
  queue.sort(() => Math.random() - 0.5);
  const requests = queue.length;
  const acks = new Map<string, Set<string>>();
  const started = performance.now();
  try {
    await pool.ready();
    let done = 0;
    let killed = false;
    while (queue.length) {
      const failed: string[] = [];
      let i = 0;
      await Promise.all(
        Array.from({ length: o.concurrency }, async () => {
          while (i < queue.length) {
            const key = queue[i++];
            if (!killed && ++done > requests / 3) {
              killed = true;
              void pool.kill();
            }
            const server = pool.current();
            if (!server) await sleep(5); // switching over: yield, and count it as a failed try
            const id = server ? await post(server.port, key) : null;
            if (id) acks.set(key, (acks.get(key) ?? new Set()).add(id));
            else failed.push(key);
          }
        }),
      );
      await pool.ready();
      queue = failed.filter((k) => !acks.has(k));
    }
  } finally {
    await pool.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const inDb = await casesPerKey(url);
  const mine = keys.filter((k) => inDb.has(k));
  return {
    submissions: o.submissions,
    requests,
    cases: [...inDb.values()].reduce((n, ids) => n + ids.length, 0),
    keysWithOneCase: mine.filter((k) => inDb.get(k)!.length === 1).length,
    acksAgreeing: keys.filter((k) => acks.get(k)?.size === 1 && [...acks.get(k)!][0] === inDb.get(k)?.[0])
      .length,
    seconds,
  };
}
