import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crashDatabase } from './crash.harness.ts';
import { crashUnderLoad, retryStorm } from './crash.scenarios.ts';

// PostgreSQL only: durability of an acknowledged intake is promised there (decisions.md).
// CI-sized by default; HEWEI_HEAVY=1 (or bench/crash.ts) runs 100 kills and 10,000 submissions.
const url = process.env.DATABASE_URL;
const heavy = process.env.HEWEI_HEAVY === '1';
// Each run's servers listen on ports the system picks (reported on stdout), so two runs on one
// machine cannot answer each other's requests: with fixed ports, a concurrent run's server once
// acknowledged intakes into its own database, which this run then counted as lost.
const skip = url ? false : 'needs PostgreSQL (DATABASE_URL)';

describe('nothing lost, nothing doubled (PostgreSQL, SIGKILL)', { skip }, () => {
  let db: Awaited<ReturnType<typeof crashDatabase>>;
  before(async () => {
    db = await crashDatabase(url!);
  });
  after(() => db?.drop());

  it('every acknowledged intake survives repeated SIGKILLs under steady load, exactly once', async () => {
    const r = await crashUnderLoad(db.url, { kills: heavy ? 100 : 10, concurrency: 8 });
    console.log('crash:', r);
    assert.ok(r.acked > r.kills, `some intake was acknowledged (${r.acked})`);
    assert.equal(r.lost, 0);
    assert.equal(r.duplicated, 0);
  });

  it('submissions retried 1–5 times in parallel, across a kill, make exactly one case each', async () => {
    const n = heavy ? 10_000 : 500;
    const r = await retryStorm(db.url, { submissions: n, concurrency: 16 });
    console.log('retry:', r);
    assert.ok(r.requests > n);
    assert.equal(r.keysWithOneCase, n);
    assert.equal(r.acksAgreeing, n);
  });
});
