// Waits for the server's deadlines job to fire the timers that were already due when it started.
import pg from 'pg';

export async function awaitTimers(url: string, limitSeconds = 600) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const due = async () =>
    Number(
      (await c.query(`select count(*) from case_timers where fired_at is null and fire_at <= now()`)).rows[0]
        .count,
    );
  const started = performance.now();
  const dueAtStart = await due();
  let left = dueAtStart;
  while (left > 0 && performance.now() - started < limitSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    left = await due();
  }
  await c.end();
  return { dueAtStart, left, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
