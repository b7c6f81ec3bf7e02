import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('the working calendar over the API', () => {
  it('shows National Day 2024 with its make-up Sunday and Saturday, to anyone', async () => {
    const r = await t.call({ method: 'GET', url: '/api/v1/calendar?from=2024-09-28&to=2024-10-14' });
    assert.equal(r.statusCode, 200, r.body);
    const days = Object.fromEntries(
      r
        .json()
        .days.map((d: { date: string; kind: string; working: boolean }) => [
          d.date,
          `${d.kind}/${d.working}`,
        ]),
    );
    assert.equal(days['2024-09-28'], 'weekend/false');
    assert.equal(days['2024-09-29'], 'makeup/true');
    assert.equal(days['2024-09-30'], 'workday/true');
    for (let d = 1; d <= 7; d++) assert.equal(days[`2024-10-0${d}`], 'holiday/false');
    assert.equal(days['2024-10-12'], 'makeup/true');
    assert.equal(days['2024-10-13'], 'weekend/false');
    assert.equal(r.json().days.length, 17);
    assert.deepEqual(r.json().workingHours[0], { start: '08:30', end: '12:00' });
  });

  it('flags a year whose arrangement is not published instead of guessing', async () => {
    const r = await t.call({ method: 'GET', url: '/api/v1/calendar?from=2027-01-01&to=2027-01-03' });
    assert.equal(r.statusCode, 200);
    assert.ok(r.json().days.every((d: { published: boolean }) => !d.published));
  });

  it('refuses a reversed or too long range, naming the field', async () => {
    const reversed = await t.call({ method: 'GET', url: '/api/v1/calendar?from=2024-10-02&to=2024-10-01' });
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.json().error.field, 'querystring.to');
    const long = await t.call({ method: 'GET', url: '/api/v1/calendar?from=2020-01-01&to=2024-01-01' });
    assert.equal(long.statusCode, 400);
    const bad = await t.call({ method: 'GET', url: '/api/v1/calendar?from=2024-13-45&to=2024-12-01' });
    assert.equal(bad.statusCode, 400);
  });
});
