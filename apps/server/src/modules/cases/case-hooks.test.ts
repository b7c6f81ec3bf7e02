import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { CaseChange, CaseWriteHook } from '../../deps.ts';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, HOUR, newCase, submit } from '../../test/flow.ts';
import { cached, FRESH_MS } from '../analysis/hot-topics.cache.ts';
import { deadlineTimersHook } from '../deadlines/deadlines.hook.ts';
import { fireDueTimers } from '../deadlines/deadlines.job.ts';
import { importTestCounty, MICRO_A2, pointIn } from '../org/org.test-support.ts';
import { runCaseWriteHooks, runCaseWriteHooksBatch } from './case-hooks.ts';

// Every table a case-write hook keeps; for those keyed by a fresh id, the id is left out. A count
// that went up and back down within the batch is never written by the batch form: a zero row and
// no row read the same. The rollups are compared as they are read, slots summed: a batch adds all
// its deltas to one slot, a single change to its case's slot.
const COUNTS =
  '(select county_id, node_id, dim, value, sum(n)::int as n from overview_counts group by 1, 2, 3, 4) c where n <> 0';
const DAILY =
  '(select county_id, node_id, metric, day, sum(n)::int as n from overview_daily group by 1, 2, 3, 4) d where n <> 0';
const TABLES: [string, string[]][] = [
  [COUNTS, []],
  [DAILY, []],
  ['overview_case_keys', []],
  ['case_search', []],
  ['case_grid_stamps', []],
  ['routing_overrides', ['id']],
  ['household_incidents', []],
  ['households', []],
  ['case_timers', []],
  ['case_supervisions', ['id']],
  ['notifications', ['id']],
];

let t: TestApp;
let real: CaseWriteHook[];
const changes: CaseChange[] = [];

before(async () => {
  t = await buildTestApp();
  const file = await importTestCounty(t);
  real = t.deps.hooks.caseWrite;
  // the changes are written by the real services with only the timers' hook (so timers fire);
  // every other hook's rows are left for the two replays below to write
  const record: CaseWriteHook = async (_tx, c) => {
    changes.push(structuredClone(c));
  };
  t.deps.hooks.caseWrite = [record, deadlineTimersHook(t.deps)];
  const household = await t.call({
    method: 'POST',
    url: '/api/v1/households',
    as: 'gw-a1',
    payload: { address: '甲一村3组12号', headName: '李大姐', memberCount: 4, headPhone: '13812345678' },
  });
  assert.equal(household.statusCode, 201, household.body);
  const [lon, lat] = pointIn(file, MICRO_A2, 3);
  const cases = [
    await submit(t, 'operator', newCase()),
    await submit(t, 'operator', newCase({ place: { lat, lon, regionId: 'r-330001' } })),
    await submit(t, 'operator', newCase({ description: '夜间工地施工噪声扰民', categoryCode: '0301' })),
  ];
  for (const [i, c] of cases.entries()) {
    t.clock.advance(HOUR / 4);
    await act(t, 'dispatcher-a', c.id, 'accept');
    await act(t, 'dispatcher-a', c.id, 'triage', { complexity: 'complex', colour: i ? 'red' : 'yellow' });
    // the case at the point is suggested to 执法 (law enforcement): sent elsewhere, an override
    await act(t, 'dispatcher-a', c.id, 'dispatch', {
      leadDepartmentId: dept('zhujian'),
      coDepartmentIds: [dept('sifa')],
    });
  }
  const [first] = cases;
  await act(t, 'handler-lead', first.id, 'acknowledge');
  await act(t, 'handler-lead', first.id, 'handle', { note: '已联系物业' });
  t.clock.advance(24 * HOUR);
  await act(t, 'handler-lead', first.id, 'reportResult', { result: '已更换曳引机' });
  await act(t, 'gw-a1', first.id, 'verify', { passed: true, note: '现场试乘正常' });
  await act(t, 'operator', first.id, 'callback', { satisfaction: 'satisfied', note: '电话回访' });
  await act(t, 'dispatcher-a', first.id, 'close', { note: '办结' });
  // the others run late: warnings, overdue marks, urges fire from the timers
  for (let d = 0; d < 30; d++) {
    t.clock.advance(24 * HOUR);
    await fireDueTimers(t.deps);
  }
  t.deps.hooks.caseWrite = real;
});
after(() => t.close());

async function snapshot(tx: Tx) {
  const out: Record<string, string[]> = {};
  for (const [table, drop] of TABLES) {
    const { rows } = await tx.execute<Record<string, unknown>>(sql.raw(`select * from ${table}`));
    out[table] = rows
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k)))))
      .sort();
  }
  return out;
}

class Undo extends Error {
  readonly value: Record<string, string[]>;
  constructor(value: Record<string, string[]>) {
    super('undo');
    this.value = value;
  }
}

/** What the hooks leave after `write`, rolled back so the next replay starts from the same rows. */
async function after_(write: (tx: Tx) => Promise<void>) {
  try {
    await t.deps.db.transaction(async (tx) => {
      // the timers fired during setup recorded their urges and notices: take them back (in this
      // transaction only) so that both replays write them afresh
      await tx.execute(sql`alter table case_supervisions disable trigger case_supervisions_append_only`);
      await tx.execute(sql`delete from case_supervisions`);
      await tx.execute(sql`delete from notifications`);
      await write(tx);
      throw new Undo(await snapshot(tx));
    });
  } catch (e) {
    if (e instanceof Undo) return e.value;
    throw e;
  }
  throw new Error('not reached');
}

describe('case-write hooks, one change at a time and as a batch', () => {
  it('every hook has a batch form', () => {
    assert.ok(real.length >= 8);
    for (const h of real) assert.equal(typeof h.batch, 'function', h.name);
  });

  it('write the same rows either way, for every table a hook keeps', async () => {
    assert.ok(changes.length >= 20, `${changes.length} changes`);
    const types = new Set(changes.map((c) => c.event.type));
    for (const type of ['case.submitted', 'case.dispatched', 'case.closed', 'case.overdue_marked'])
      assert.ok(types.has(type), type);
    const one = await after_(async (tx) => {
      for (const c of changes) await runCaseWriteHooks(t.deps, tx, c);
    });
    const batch = await after_((tx) => runCaseWriteHooksBatch(t.deps, tx, changes));
    for (const [table] of TABLES) assert.deepEqual(batch[table], one[table], table);
    // the replays wrote something for each kind of row (or the comparison would prove nothing)
    for (const table of [
      COUNTS,
      DAILY,
      'overview_case_keys',
      'case_search',
      'case_grid_stamps',
      'routing_overrides',
      'household_incidents',
      'notifications',
      'case_supervisions',
    ])
      assert.ok(one[table].length > 0, `${table} is empty`);
    assert.equal(one.case_search.length, 3);
    assert.equal(one.household_incidents.length, 3, 'the household is named by all three cases');
  });

  it('the hot-topic cache is invalidated by a batch as by single writes', async () => {
    const countyId = changes[0].after.countyId;
    const owner = t.deps.db;
    let computed = 0;
    const compute = async () => ++computed;
    const now = Date.now();
    await cached(owner, countyId, 'k', now, compute);
    await after_((tx) => runCaseWriteHooksBatch(t.deps, tx, changes.slice(0, 2)));
    // past the fresh window, an entry is recomputed only if its county was written since
    assert.equal(await cached(owner, countyId, 'k', now + FRESH_MS + 1, compute), 2);
    assert.equal(await cached(owner, countyId, 'k', now + FRESH_MS + 2, compute), 2);
  });
});
