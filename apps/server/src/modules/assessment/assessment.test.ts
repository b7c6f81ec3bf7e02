import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dept, type TestApp } from '../../test/app.ts';
import { act, HOUR, submit } from '../../test/flow.ts';

let t: TestApp;
const ids: Record<string, string> = {};

async function dispatched(colour: 'yellow' | 'red', lead: string) {
  const { id } = await submit(t, 'operator');
  await act(t, 'dispatcher-a', id, 'accept');
  await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour });
  await act(t, 'dispatcher-a', id, 'dispatch', { leadDepartmentId: dept(lead) });
  return id;
}

before(async () => {
  t = await buildTestApp();
  ids.good = await dispatched('yellow', 'zhujian');
  ids.late = await dispatched('red', 'sifa');
  ids.objected = await dispatched('yellow', 'zhifa');
  await act(t, 'handler-lead', ids.good, 'acknowledge');
  await act(t, 'handler-lead', ids.good, 'reportResult', { result: '已修复' });
  await act(t, 'handler-co', ids.objected, 'object', { reason: '不属于本局职责' });
  await act(t, 'dispatcher-a', ids.objected, 'redispatch', {
    leadDepartmentId: dept('zhujian'),
    reason: '改派住建局',
  });
  await act(t, 'handler-x', ids.late, 'acknowledge');
  t.clock.advance(30 * HOUR);
  await act(t, 'handler-x', ids.late, 'reportResult', { result: '已处理' });
  for (const id of [ids.good, ids.late]) {
    await act(t, 'gw-a1', id, 'verify', { passed: true, note: '现场核查' });
    const satisfaction = id === ids.good ? 'satisfied' : 'dissatisfied';
    await act(t, 'operator', id, 'callback', { satisfaction });
  }
  await act(t, 'dispatcher-a', ids.late, 'reopen', { reason: '群众不满意' });
});
after(() => t.close());

const rank = async (subject: string, as = 'leader') => {
  const r = await t.call({ method: 'GET', url: `/api/v1/assessments?subject=${subject}`, as });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};
type Item = {
  id: string;
  score: number | null;
  rank: number | null;
  flagged: boolean;
  metrics: { key: string; numerator: number; denominator: number }[];
};

describe('assessments and rankings', () => {
  it('rank departments from the record, formula shown, the last one flagged', async () => {
    const r = await rank('department');
    assert.match(r.formula, /Σ/);
    const items = r.items as Item[];
    const by = (k: string) => items.find((i) => i.id === dept(k))!;
    assert.equal(by('zhujian').rank, 1);
    assert.equal(by('sifa').rank, 3);
    assert.equal(by('sifa').flagged, true);
    assert.equal(by('zhujian').flagged, false);
    const objection = by('zhifa').metrics.find((m) => m.key === 'objection')!;
    assert.deepEqual([objection.numerator, objection.denominator], [1, 1]);
    const onTime = by('sifa').metrics.find((m) => m.key === 'onTime')!;
    assert.deepEqual([onTime.numerator, onTime.denominator], [0, 1]);
  });

  it('explains a score down to the cases', async () => {
    const r = await t.call({
      method: 'GET',
      url: `/api/v1/assessments/explain?subject=department&id=${dept('sifa')}&metric=onTime`,
      as: 'leader',
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(
      r.json().items.map((x: { caseId: string; counted: boolean }) => [x.caseId, x.counted]),
      [[ids.late, false]],
    );
  });

  it('grid workers are judged on their verifications; trainings add to the score', async () => {
    const before = ((await rank('grid_worker')).items as (Item & { name: string })[]).find(
      (i) => i.name === '甲一网格员',
    )!;
    const verify = before.metrics.find((m) => m.key === 'verifyOnTime')!;
    assert.equal(verify.denominator, 2);
    const rec = await t.call({
      method: 'POST',
      url: '/api/v1/trainings',
      payload: {
        subjectType: 'grid_worker',
        subjectId: before.id,
        kind: 'contest',
        title: '调解技能竞赛',
        heldOn: '2024-06-01',
        points: 4,
      },
      as: 'leader',
    });
    assert.equal(rec.statusCode, 201, rec.body);
    const after = ((await rank('grid_worker')).items as Item[]).find((i) => i.id === before.id)!;
    assert.equal(after.score, Math.round((before.score! + 2) * 10) / 10);
    assert.equal((await rank('town')).items.length, 2);
    assert.equal(
      (await t.call({ method: 'GET', url: '/api/v1/assessments?subject=town', as: 'dispatcher-a' }))
        .statusCode,
      403,
    );
  });
});
