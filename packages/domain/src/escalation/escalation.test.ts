import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { policyForCase, stageDeadline } from '../case/deadline-policy.ts';
import { actors, caseIn } from '../case/fixtures.test-support.ts';
import { applySystemTransition, applyTransition, SYSTEM_ACTOR } from '../case/lifecycle.ts';
import { USER_ACTIONS } from '../case/transitions.ts';
import type { HeweiError } from '../errors.ts';
import { createWorkingCalendar } from '../time/calendar.ts';
import { type DeadlinePolicy, defaultDeadlinePolicies } from '../time/deadlines.ts';
import { ladderOf, nextMediationStep, nextOwner, stepsToTop } from './ladder.ts';
import { planTimers, stageOf } from './timers.ts';

const cal = createWorkingCalendar();
const ctx = (now: Date) => ({ now, calendar: cal, newId: () => 'id' });
const sh = (local: string) => new Date(`${local}+08:00`);

describe('the region ladder', () => {
  const c = { regionPath: ['county', 'town-a', 'village-1'], gridId: 'g-micro', ownerRegionId: 'village-1' };
  it('runs grid > village > town > county', () => {
    assert.deepEqual(
      ladderOf(c).map((r) => `${r.level}:${r.id}`),
      ['grid:g-micro', 'village:village-1', 'town:town-a', 'county:county'],
    );
  });
  it('moves the owner one rung at a time and stops at the county', () => {
    assert.equal(nextOwner(c), 'town-a');
    assert.equal(nextOwner({ ...c, ownerRegionId: 'town-a' }), 'county');
    assert.equal(nextOwner({ ...c, ownerRegionId: 'county' }), null);
    assert.equal(stepsToTop(c), 2);
  });
});

describe('the five-step mediation ladder', () => {
  it('climbs on site > diverted > town joint > county joint > adjudication', () => {
    const seen = [];
    for (let s: ReturnType<typeof nextMediationStep> = 'on_site'; s; s = nextMediationStep(s)) seen.push(s);
    assert.deepEqual(seen, ['on_site', 'diverted', 'town_joint', 'county_joint', 'adjudication']);
  });
  it('skips the steps held below the case owner', () => {
    assert.equal(nextMediationStep('on_site', 'town'), 'town_joint');
    assert.equal(nextMediationStep('diverted', 'county'), 'county_joint');
    assert.equal(nextMediationStep('adjudication'), null);
  });
});

describe('deadline policies in the lifecycle', () => {
  const scope = {
    colour: 'yellow' as const,
    categoryCode: '0605',
    regionPath: ['county', 'town-a', 'village-1'],
  };
  const policies: DeadlinePolicy[] = [
    ...defaultDeadlinePolicies,
    { colour: 'yellow', stage: 'resolve', amount: 5, unit: 'working_days', regionId: 'town-a' },
    { colour: 'yellow', stage: 'resolve', amount: 3, unit: 'working_days', categoryCode: '0605' },
    { colour: 'yellow', stage: 'resolve', amount: 7, unit: 'working_days', regionId: 'village-1' },
  ];
  it('category beats region; the deepest region beats its parent', () => {
    assert.equal(policyForCase('resolve', scope, policies)?.amount, 3);
    assert.equal(policyForCase('resolve', { ...scope, categoryCode: '01' }, policies)?.amount, 7);
    assert.equal(
      policyForCase(
        'resolve',
        { ...scope, categoryCode: '01', regionPath: ['county', 'town-a', 'v2'] },
        policies,
      )?.amount,
      5,
    );
  });
  it('a yellow case dispatched at 16:00 on 2024-09-30 is due on 2024-10-18 16:00 (National Day, make-up Saturday)', () => {
    const c = caseIn('accepted', { colour: null, complexity: null });
    const r = applyTransition(
      c,
      'triage',
      { complexity: 'complex', colour: 'yellow' },
      actors.dispatcher,
      ctx(sh('2024-09-30T16:00:00')),
    );
    assert.equal(r.state.resolveBy, sh('2024-10-18T16:00:00').toISOString());
  });
  it('an administrator’s override reaches the triage', () => {
    const c = caseIn('accepted', { colour: null, categoryCode: '0605' });
    const r = applyTransition(c, 'triage', { complexity: 'complex', colour: 'yellow' }, actors.dispatcher, {
      ...ctx(sh('2024-09-30T16:00:00')),
      deadlinePolicies: () => policies,
    });
    // 3 working days: Oct 8, 9, 10
    assert.equal(r.state.resolveBy, sh('2024-10-10T16:00:00').toISOString());
  });
  it('verify and callback follow their stage policies', () => {
    const at = sh('2024-09-30T16:00:00');
    assert.equal(
      stageDeadline('verify', { ...scope, countyId: 'c' }, at, { calendar: cal }),
      sh('2024-10-09T16:00:00').toISOString(),
    );
    assert.equal(
      stageDeadline('callback', { ...scope, countyId: 'c' }, at, { calendar: cal }),
      sh('2024-10-10T16:00:00').toISOString(),
    );
  });
});

describe('the system actor', () => {
  it('may take only system actions, which are never offered to people', () => {
    for (const a of ['warnDueSoon', 'markOverdue'] as const) assert.ok(!USER_ACTIONS.includes(a));
    assert.throws(
      () => applySystemTransition(caseIn('in_progress'), 'close', {}, ctx(new Date())),
      (e: HeweiError) => e.rule === 'NOT_A_SYSTEM_ACTION',
    );
    assert.throws(
      () =>
        applyTransition(
          caseIn('in_progress'),
          'markOverdue',
          { stage: 'resolve', deadline: new Date().toISOString() },
          actors.leader,
          ctx(new Date()),
        ),
      (e: HeweiError) => e.code === 'FORBIDDEN',
    );
  });
  it('escalates one rung, records itself as the actor, and refuses past the county', () => {
    const c = caseIn('in_progress');
    const once = applySystemTransition(c, 'escalate', { reason: '超期' }, ctx(new Date()));
    assert.equal(once.state.ownerRegionId, 'town-a');
    assert.equal(once.event.actor.id, SYSTEM_ACTOR.userId);
    assert.equal(once.event.actor.role, 'system');
    const twice = applySystemTransition(once.state, 'escalate', { reason: '超期' }, ctx(new Date()));
    assert.equal(twice.state.ownerRegionId, 'county');
    assert.throws(
      () => applySystemTransition(twice.state, 'escalate', { reason: '超期' }, ctx(new Date())),
      (e: HeweiError) => e.rule === 'ALREADY_AT_TOP',
    );
  });
  it('a supervision order carries its own deadline', () => {
    const r = applySystemTransition(
      caseIn('in_progress'),
      'supervise',
      { reason: '督办', workingDays: 2 },
      ctx(sh('2024-09-30T16:00:00')),
    );
    assert.equal(r.event.type, 'case.supervised');
    assert.equal(r.event.data.dueAt, sh('2024-10-09T16:00:00').toISOString());
    assert.equal(r.state.status, 'in_progress');
  });
  it('cannot act on a closed case', () => {
    assert.throws(
      () => applySystemTransition(caseIn('closed'), 'urge', { reason: 'x' }, ctx(new Date())),
      (e: HeweiError) => e.code === 'ILLEGAL_TRANSITION',
    );
  });
});

describe('the timer plan', () => {
  const start = sh('2024-09-30T16:00:00');
  const c = caseIn('dispatched', { colour: 'yellow', resolveBy: sh('2024-10-18T16:00:00').toISOString() });
  it('warns at 80 % of the working time, then overdue, urge, supervise and two escalations', () => {
    const plan = planTimers(c, start, { calendar: cal });
    assert.deepEqual(
      plan.map((t) => [t.kind, t.step, t.fireAt.toISOString()]),
      [
        ['due_soon', 0, sh('2024-10-16T16:00:00').toISOString()],
        ['overdue', 0, sh('2024-10-18T16:00:00').toISOString()],
        ['urge', 0, sh('2024-10-18T16:00:00').toISOString()],
        ['supervise', 0, sh('2024-10-21T16:00:00').toISOString()],
        ['escalate', 1, sh('2024-10-22T16:00:00').toISOString()],
        ['escalate', 2, sh('2024-10-24T16:00:00').toISOString()],
      ],
    );
    assert.equal(new Set(plan.map((t) => t.key)).size, plan.length);
  });
  it('a red case runs on the wall clock and green is never escalated', () => {
    const red = caseIn('submitted', {
      colour: 'red',
      acceptBy: new Date(start.getTime() + 30 * 60_000).toISOString(),
    });
    const plan = planTimers(red, start, { calendar: cal });
    assert.equal(plan[0].fireAt.getTime() - start.getTime(), 24 * 60_000);
    assert.equal(plan.filter((t) => t.kind === 'escalate').length, 2);
    const green = caseIn('dispatched', { colour: 'green' });
    assert.equal(planTimers(green, start, { calendar: cal }).filter((t) => t.kind === 'escalate').length, 0);
  });
  it('verification and callback are only warned and marked; an ended case has no timers', () => {
    const v = caseIn('resolved', { verifyBy: sh('2024-10-09T16:00:00').toISOString() });
    assert.deepEqual(
      planTimers(v, start, { calendar: cal }).map((t) => t.kind),
      ['due_soon', 'overdue'],
    );
    assert.deepEqual(planTimers(caseIn('closed'), start, { calendar: cal }), []);
    assert.equal(stageOf('in_mediation'), null);
  });
  it('a new deadline makes new keys, so what fired for the old one never fires again', () => {
    const extended = { ...c, resolveBy: sh('2024-10-25T16:00:00').toISOString() };
    const old = new Set(planTimers(c, start, { calendar: cal }).map((t) => t.key));
    assert.ok(planTimers(extended, start, { calendar: cal }).every((t) => !old.has(t.key)));
  });
});
