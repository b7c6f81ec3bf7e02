import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { submit } from '../../test/flow.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const read = (as = 'admin') => t.call({ method: 'GET', url: '/api/v1/deadline-policies', as });
const save = (payload: object, as = 'admin') =>
  t.call({ method: 'PUT', url: '/api/v1/deadline-policies', as, payload });
const year = (y: number, payload: object, as = 'admin') =>
  t.call({ method: 'PUT', url: `/api/v1/calendar/years/${y}`, as, payload });

/** A statement the database must refuse (append-only trigger). */
async function refused(statement: ReturnType<typeof sql>) {
  await assert.rejects(
    () => t.deps.db.execute(statement),
    (e: Error & { cause?: Error }) => /append-only/.test(`${e.message} ${e.cause?.message}`),
  );
}

describe('the escalation ladder, edited by an administrator as a new policy version', () => {
  it('starts as the defaults; a yellow ladder with one escalation step makes new cases plan one', async () => {
    const base = (await read('supervisor-b')).json();
    assert.deepEqual(base.escalation, base.escalationDefaults);
    const escalation = base.escalation.map((p: { colour: string }) =>
      p.colour === 'yellow'
        ? { ...p, escalateAfter: [{ amount: 1, unit: 'working_days' }], superviseWorkingDays: 3 }
        : p,
    );
    const saved = await save({ baseVersion: 0, policies: base.policies, escalation, reason: '试行一级上报' });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().version, 1);
    assert.equal(
      saved.json().escalation.find((p: { colour: string }) => p.colour === 'yellow').superviseWorkingDays,
      3,
    );
    const c = await submit(t, 'operator');
    const timers = await t.call({ method: 'GET', url: `/api/v1/cases/${c.id}/timers`, as: 'dispatcher' });
    const kinds = timers.json().items.map((x: { kind: string }) => x.kind);
    assert.equal(kinds.filter((k: string) => k === 'escalate').length, 1, kinds.join());
  });

  it('a save without a ladder keeps the previous one; a bad ladder is refused naming the field', async () => {
    const base = (await read()).json();
    const kept = await save({ baseVersion: 1, policies: base.policies, reason: '只改时限' });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.deepEqual(kept.json().escalation, base.escalation);
    const twice = await save({
      baseVersion: 2,
      policies: base.policies,
      escalation: [base.escalation[0], base.escalation[0]],
      reason: '重复颜色',
    });
    assert.equal(twice.statusCode, 400, twice.body);
    assert.equal(twice.json().error.field, 'escalation.1.colour');
    assert.equal(twice.json().error.rule, 'INVALID_ESCALATION_POLICY');
    const zero = await save({
      baseVersion: 2,
      policies: base.policies,
      escalation: [{ ...base.escalation[0], superviseWorkingDays: 0 }],
      reason: '零天',
    });
    assert.equal(zero.statusCode, 400);
    assert.equal(zero.json().error.field, 'escalation.0.superviseWorkingDays');
    assert.equal((await save({ ...base, baseVersion: 2, reason: 'x' }, 'leader')).statusCode, 403);
  });
});

describe('holidays and make-up working days per year, edited by an administrator', () => {
  it('lists the bundled years, 2024 published as shipped', async () => {
    const r = await t.call({ method: 'GET', url: '/api/v1/calendar/years', as: 'dispatcher' });
    assert.equal(r.statusCode, 200, r.body);
    const y2024 = r.json().items.find((y: { year: number }) => y.year === 2024);
    assert.equal(y2024.published, true);
    assert.equal(y2024.version, 0);
    assert.ok(y2024.makeUpWorkdays.includes('2024-09-29'));
  });

  it('a newly published year takes effect on the calendar and its arithmetic', async () => {
    const body = {
      baseVersion: 0,
      published: true,
      source: '国务院办公厅通知（测试）',
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      makeUpWorkdays: ['2027-01-09'],
      reason: '通知已发布',
    };
    assert.equal((await year(2027, body, 'leader')).statusCode, 403);
    const saved = await year(2027, body);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().version, 1);
    assert.equal(saved.json().history[0].reason, '通知已发布');
    assert.equal(saved.json().history[0].changedBy, '管理员', 'shown by name');
    const cal = await t.call({ method: 'GET', url: '/api/v1/calendar?from=2027-01-01&to=2027-01-09' });
    const days = cal.json().days as { date: string; working: boolean; kind: string; published: boolean }[];
    assert.deepEqual(
      [days[0].kind, days[0].working, days[0].published],
      ['holiday', false, true],
      'Friday 1 January 2027 is a holiday',
    );
    assert.deepEqual([days[8].kind, days[8].working], ['makeup', true], 'Saturday 9 January is worked');
    assert.equal(t.deps.calendar.isWorkingDay('2027-01-01'), false);
    assert.equal(t.deps.calendar.isWorkingDay('2027-01-09'), true);
  });

  it('refuses a make-up day on a weekday and a stale version, naming them', async () => {
    const bad = await year(2027, {
      baseVersion: 1,
      published: true,
      source: 'x',
      holidays: ['2027-01-01'],
      makeUpWorkdays: ['2027-01-06'],
      reason: '错误',
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().error.field, 'makeUpWorkdays');
    assert.equal(bad.json().error.rule, 'INVALID_HOLIDAY_YEAR');
    const stale = await year(2027, {
      baseVersion: 0,
      published: false,
      source: '',
      holidays: [],
      makeUpWorkdays: [],
      reason: '撤回',
    });
    assert.equal(stale.statusCode, 409);
  });
});

describe('policy versions, holiday versions and supervision records are append-only', () => {
  it('the database refuses UPDATE and DELETE on them', async () => {
    const c = await submit(t, 'operator');
    await t.deps.db.execute(sql`
      insert into case_supervisions (county_id, case_id, event_seq, kind, by_id, by_role, automatic, at, reason, owner_region_id)
      values ('r-330001', ${c.id}, 1, 'urge', 'u', 'supervisor', false, now(), '测试', 'r-330001')`);
    await refused(sql`update case_supervisions set reason = '改写' where case_id = ${c.id}`);
    await refused(sql`delete from case_supervisions where case_id = ${c.id}`);
    await refused(sql`update deadline_policy_versions set reason = '改写'`);
    await refused(sql`delete from deadline_policy_versions`);
    await refused(sql`update holiday_year_versions set reason = '改写'`);
    await refused(sql`delete from holiday_year_versions`);
    await refused(sql`truncate deadline_policy_versions`);
  });
});
