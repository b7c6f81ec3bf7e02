import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { buildTestApp, type TestApp, VILLAGE_A1 } from '../../test/app.ts';
import { HOUR, newCase, submit } from '../../test/flow.ts';

const TOWN_A = 'r-330001101';
const DAY = 24 * HOUR;
let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

async function register(over: Record<string, unknown> = {}) {
  const r = await t.call({
    method: 'POST',
    url: '/api/v1/households',
    as: 'gw-a1',
    payload: { address: '甲一村3组12号', headName: '李大姐', memberCount: 4, ...over },
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json();
}

const regrade = (id: string, payload: object, as = 'gw-a1') =>
  t.call({ method: 'POST', url: `/api/v1/households/${id}/risk`, as, payload });
const followUps = async (id: string, as = 'gw-a1') =>
  (await t.call({ method: 'GET', url: `/api/v1/households/${id}/follow-ups`, as })).json();

describe('the household risk register', () => {
  it('a household raised to medium gets weekly follow-ups for its grid worker and an orange warning at the town center', async () => {
    const h = await register();
    assert.equal(h.risk.level, 'safe');
    assert.equal(h.risk.warning, null);
    assert.equal((await followUps(h.id)).items.length, 0, 'a safe household is only observed');

    const raised = await regrade(h.id, {
      version: h.version,
      level: 'medium',
      reason: '夫妻多次争吵，邻居报警',
    });
    assert.equal(raised.statusCode, 200, raised.body);
    const risk = raised.json().risk;
    assert.deepEqual(
      [risk.level, risk.cadence, risk.warning, risk.handler, risk.handlerRegionId],
      ['medium', 'weekly', 'orange', 'town_mediation_center', TOWN_A],
    );
    assert.equal(risk.handlerName, '乡镇婚姻调解中心');

    const tasks = (await followUps(h.id)).items;
    // graded on Wednesday 2024-06-12: every Wednesday for eight weeks
    assert.deepEqual(
      tasks.map((x: { dueDate: string }) => x.dueDate),
      [
        '2024-06-19',
        '2024-06-26',
        '2024-07-03',
        '2024-07-10',
        '2024-07-17',
        '2024-07-24',
        '2024-07-31',
        '2024-08-07',
      ],
    );
    assert.ok(
      tasks.every(
        (x: { workerId: string; status: string }) => x.workerId === 'u-gw-a1' && x.status === 'open',
      ),
    );

    const atTown = await t.call({
      method: 'GET',
      url: `/api/v1/households/warnings?at=${TOWN_A}`,
      as: 'mediator-a',
    });
    const w = atTown.json().items.find((x: { household: { id: string } }) => x.household.id === h.id);
    assert.equal(w.warning, 'orange');
    assert.equal(w.handler, 'town_mediation_center');
    const inVillage = await t.call({
      method: 'GET',
      url: `/api/v1/households/warnings?at=${VILLAGE_A1}`,
      as: 'dispatcher-a',
    });
    assert.ok(!inVillage.json().items.some((x: { household: { id: string } }) => x.household.id === h.id));
    const otherTown = await t.call({ method: 'GET', url: '/api/v1/households/warnings', as: 'dispatcher-b' });
    assert.equal(otherTown.json().items.length, 0, 'another town hears nothing of it');
  });

  it('every change of level is on the timeline with its reason, and the rules of regrading hold', async () => {
    const h = await register({ riskLevel: 'low', reason: '婆媳矛盾' });
    const noReason = await regrade(h.id, { version: h.version, level: 'high', reason: '' });
    assert.equal(noReason.statusCode, 400);
    const stale = await regrade(h.id, { version: h.version + 5, level: 'high', reason: '升级' });
    assert.equal(stale.statusCode, 409);
    const high = (await regrade(h.id, { version: h.version, level: 'high', reason: '扬言伤人' })).json();
    assert.equal(high.risk.warning, 'red');

    const lowerNoVisit = await regrade(h.id, { version: high.version, level: 'medium', reason: '情绪平稳' });
    assert.equal(lowerNoVisit.statusCode, 422);
    assert.equal(lowerNoVisit.json().error.rule, 'RISK_LOWER_NEEDS_VISIT');

    t.clock.advance(2 * DAY);
    const visit = await t.call({
      method: 'POST',
      url: '/api/v1/field/visits',
      as: 'gw-a1',
      payload: { householdId: h.id, kind: 'follow_up', note: '上门回访，双方情绪稳定' },
    });
    assert.equal(visit.statusCode, 201, visit.body);
    assert.ok(visit.json().completedTaskId, 'the follow-up visit completes the task due');

    const jump = await regrade(h.id, { version: high.version, level: 'safe', reason: '和好' });
    assert.equal(jump.json().error.rule, 'RISK_LOWER_ONE_STEP');
    const medium = await regrade(h.id, { version: high.version, level: 'medium', reason: '经调解情绪稳定' });
    assert.equal(medium.statusCode, 200, medium.body);

    const tl = (
      await t.call({ method: 'GET', url: `/api/v1/households/${h.id}/timeline`, as: 'dispatcher-a' })
    ).json();
    assert.deepEqual(
      tl.items.map((x: { fromLevel: string | null; toLevel: string; reason: string }) => [
        x.fromLevel,
        x.toLevel,
        x.reason,
      ]),
      [
        [null, 'low', '婆媳矛盾'],
        ['low', 'high', '扬言伤人'],
        ['high', 'medium', '经调解情绪稳定'],
      ],
    );
    assert.equal(tl.items[2].actor.name, '甲一网格员');

    const tasks = (await followUps(h.id)).items as { status: string; level: string }[];
    assert.ok(
      tasks.some((x) => x.level === 'high' && x.status === 'cancelled'),
      'the old series is voided',
    );
    assert.ok(tasks.some((x) => x.level === 'high' && x.status === 'done'));
    assert.ok(tasks.filter((x) => x.status === 'open').every((x) => x.level === 'medium'));

    await assert.rejects(t.deps.db.execute(sql`update household_risk_changes set reason = 'x'`), (e: Error) =>
      /append-only/.test(String((e as { cause?: unknown }).cause ?? e)),
    );
  });

  it('a missed follow-up becomes overdue like any deadline', async () => {
    const h = await register({ riskLevel: 'high', reason: '家暴风险' });
    const first = (await followUps(h.id)).items[0];
    assert.equal(first.dueState, 'on_time');
    t.clock.set(new Date(Date.parse(first.dueAt) + HOUR));
    const late = (await followUps(h.id)).items[0];
    assert.equal(late.dueState, 'overdue');
    const mine = (await t.call({ method: 'GET', url: '/api/v1/field/today', as: 'gw-a1' })).json();
    assert.ok(
      mine.followUps.some(
        (x: { id: string; dueState: string }) => x.id === first.id && x.dueState === 'overdue',
      ),
    );
  });

  it('a new case naming the household prompts re-grading; a review with a reason settles it', async () => {
    const h = await register({ headPhone: '13811112222' });
    assert.equal(h.headPhone, '138****2222', 'the phone is masked');
    await submit(
      t,
      'operator',
      newCase({
        kind: 'dispute',
        categoryCode: '0101',
        parties: [{ role: 'applicant', name: '李大姐', phone: '13811112222' }],
      }),
    );
    const prompted = (await t.call({ method: 'GET', url: `/api/v1/households/${h.id}`, as: 'gw-a1' })).json();
    assert.equal(prompted.regrade.suggestedLevel, 'micro');
    const kept = await regrade(h.id, {
      version: prompted.version,
      level: 'safe',
      reason: '已核实，系一般口角',
    });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.equal(kept.json().regrade, null);
    const tl = (
      await t.call({ method: 'GET', url: `/api/v1/households/${h.id}/timeline`, as: 'gw-a1' })
    ).json();
    assert.equal(tl.items.at(-1).caseId, prompted.regrade.caseId);
    const again = await regrade(h.id, { version: kept.json().version, level: 'safe', reason: '再次确认' });
    assert.equal(again.json().error.rule, 'RISK_LEVEL_UNCHANGED');
  });

  it('the follow-up schedule exports as iCalendar to-dos', async () => {
    const h = await register({ riskLevel: 'medium', reason: '离婚纠纷' });
    const r = await t.call({ method: 'GET', url: `/api/v1/households/${h.id}/follow-ups.ics`, as: 'gw-a1' });
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /text\/calendar/);
    const todos = new ICAL.Component(ICAL.parse(r.body)).getAllSubcomponents('vtodo');
    assert.equal(todos.length, (await followUps(h.id)).items.length);
    assert.match(String(todos[0].getFirstPropertyValue('summary')), /回访：甲一村3组12号（中风险）/);
  });

  it('a household is seen only inside its region, and only staff of the field may register one', async () => {
    const h = await register();
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/households/${h.id}`, as: 'gw-b1' })).statusCode,
      404,
    );
    assert.equal(
      (await t.call({ method: 'GET', url: `/api/v1/households/${h.id}`, as: 'dispatcher-a' })).statusCode,
      200,
    );
    const r = await t.call({
      method: 'POST',
      url: '/api/v1/households',
      as: 'gw-b1',
      payload: { address: '甲一村', headName: '某', memberCount: 1, regionId: VILLAGE_A1 },
    });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.rule, 'UNKNOWN_REGION');
  });
});
