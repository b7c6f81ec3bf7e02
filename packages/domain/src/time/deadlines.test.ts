import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeweiError } from '../errors.ts';
import { createWorkingCalendar } from './calendar.ts';
import type { DeadlinePolicy, DeadlineRequest } from './deadlines.ts';
import {
  computeDeadline,
  computeDeadlineDetailed,
  defaultDeadlinePolicies,
  dueState,
  resolveDeadlinePolicy,
  validateDeadlinePolicies,
} from './deadlines.ts';

const cal = createWorkingCalendar();
const sh = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();
const deadline = (
  req: Omit<DeadlineRequest, 'from'> & { from: string },
  policies = defaultDeadlinePolicies,
) => computeDeadline({ ...req, from: sh(req.from) }, policies, cal);
const same = (actual: Date, expectedLocal: string) => assert.equal(iso(actual), iso(sh(expectedLocal)));
const throwsRule = (fn: () => unknown, rule: string) =>
  assert.throws(fn, (e: unknown) => e instanceof HeweiError && e.rule === rule);

describe('default deadlines (decisions.md)', () => {
  it('red: accept within 30 minutes, resolve within 24 hours, on the wall clock', () => {
    same(deadline({ stage: 'accept', colour: 'red', from: '2024-10-01T23:50:00' }), '2024-10-02T00:20:00');
    same(deadline({ stage: 'resolve', colour: 'red', from: '2024-10-01T10:00:00' }), '2024-10-02T10:00:00');
  });

  it('green 1, yellow 10 working days; verification 2 and callback 3 working days; objection 8 working hours', () => {
    const from = '2024-03-11T10:00:00';
    same(deadline({ stage: 'resolve', colour: 'green', from }), '2024-03-12T10:00:00');
    same(deadline({ stage: 'resolve', colour: 'yellow', from }), '2024-03-25T10:00:00');
    same(deadline({ stage: 'verify', colour: 'yellow', from }), '2024-03-13T10:00:00');
    same(deadline({ stage: 'callback', colour: 'yellow', from }), '2024-03-14T10:00:00');
    same(deadline({ stage: 'objection', colour: 'yellow', from }), '2024-03-12T10:30:00');
  });

  it('a case dispatched at 16:00 on 2024-09-30, the last working day before National Day 2024', () => {
    const dispatch = new Date('2024-09-30T08:00:00Z'); // 16:00 in Shanghai, given in UTC
    const at = (stage: DeadlineRequest['stage'], colour: DeadlineRequest['colour'], from = dispatch) =>
      computeDeadline({ stage, colour, from }, defaultDeadlinePolicies, cal);
    // Objection window: 1.5 h on 30 Sep, then 8 Oct 08:30–12:00 (3.5 h) and 13:30–16:30 (3 h).
    const objection = at('objection', 'yellow');
    same(objection, '2024-10-08T16:30:00');
    assert.equal(cal.workingMsBetween(dispatch, objection), 8 * 3_600_000);
    // Green: one working day later, same clock time, skipping 1–7 October.
    const green = at('resolve', 'green');
    same(green, '2024-10-08T16:00:00');
    // Yellow: 8, 9, 10, 11, 12 (make-up Saturday), 14, 15, 16, 17, 18 October.
    same(at('resolve', 'yellow'), '2024-10-18T16:00:00');
    // Verification within 2 working days of a result reported at the green deadline, callback 3 after that.
    const verify = at('verify', 'green', green);
    same(verify, '2024-10-10T16:00:00');
    same(at('callback', 'green', verify), '2024-10-14T16:00:00'); // 11, 12 (Saturday, working), 14
    // Red stays on the wall clock through the holiday.
    same(at('resolve', 'red'), '2024-10-01T16:00:00');
  });

  it('orange: the committed deadline, at most 60 working days', () => {
    const base = { stage: 'resolve', colour: 'orange', from: '2024-03-11T10:00:00' } as const;
    same(deadline({ ...base, committedWorkingDays: 20 }), '2024-04-09T10:00:00'); // 4–5 April off, Sunday 7 April on
    assert.equal(
      iso(deadline({ ...base, committedWorkingDays: 60 })),
      iso(cal.addWorkingDays(sh(base.from), 60)),
    );
    throwsRule(() => deadline({ ...base, committedWorkingDays: 61 }), 'COMMITMENT_TOO_LONG');
    throwsRule(() => deadline(base), 'ORANGE_NEEDS_COMMITMENT');
    throwsRule(() => deadline({ ...base, committedWorkingDays: 0 }), 'INVALID_COMMITMENT');
    throwsRule(() => deadline({ ...base, committedWorkingDays: 2.5 }), 'INVALID_COMMITMENT');
    try {
      deadline({ ...base, committedWorkingDays: 90 });
      assert.fail('expected a refusal');
    } catch (e) {
      assert.ok(e instanceof HeweiError);
      assert.equal(e.code, 'RULE_VIOLATION');
      assert.equal(e.status, 422);
      assert.deepEqual(e.params, { max: 60, committed: 90 });
    }
  });

  it('no policy for a stage is a coded error', () => {
    throwsRule(
      () => deadline({ stage: 'accept', colour: 'green', from: '2024-03-11T10:00:00' }),
      'NO_DEADLINE_POLICY',
    );
  });

  it('the defaults validate cleanly', () => {
    assert.deepEqual(validateDeadlinePolicies(defaultDeadlinePolicies), []);
  });
});

describe('overrides', () => {
  const policies: DeadlinePolicy[] = [
    ...defaultDeadlinePolicies,
    { colour: 'yellow', stage: 'resolve', regionId: 'town-1', amount: 8, unit: 'working_days' },
    { colour: 'yellow', stage: 'resolve', categoryCode: 'water', amount: 5, unit: 'working_days' },
    {
      colour: 'yellow',
      stage: 'resolve',
      categoryCode: 'water',
      regionId: 'town-1',
      amount: 3,
      unit: 'working_days',
    },
    { colour: 'yellow', stage: 'resolve', categoryCode: 'noise', amount: 16, unit: 'working_hours' },
  ];
  const pick = (categoryCode?: string, regionId?: string) =>
    resolveDeadlinePolicy({ colour: 'yellow', stage: 'resolve', categoryCode, regionId }, policies)?.amount;

  it('region+category > category > region > colour default', () => {
    assert.equal(pick('water', 'town-1'), 3);
    assert.equal(pick('water', 'town-2'), 5);
    assert.equal(pick('water'), 5);
    assert.equal(pick('roads', 'town-1'), 8);
    assert.equal(pick('roads', 'town-2'), 10);
    assert.equal(pick(), 10);
    assert.equal(pick('noise', 'town-1'), 16); // category beats region
  });

  it('an override may change the unit', () => {
    same(
      deadline(
        { stage: 'resolve', colour: 'yellow', categoryCode: 'noise', from: '2024-03-11T10:00:00' },
        policies,
      ),
      '2024-03-13T11:00:00',
    );
  });

  it('among equally specific policies the later wins, and validation warns', () => {
    const twice: DeadlinePolicy[] = [
      ...defaultDeadlinePolicies,
      { colour: 'green', stage: 'resolve', amount: 2, unit: 'working_days' },
    ];
    assert.equal(resolveDeadlinePolicy({ colour: 'green', stage: 'resolve' }, twice)?.amount, 2);
    assert.deepEqual(
      validateDeadlinePolicies(twice).map((i) => i.code),
      ['duplicate_policy'],
    );
  });

  it('validation reports bad entries and missing defaults', () => {
    const bad = [
      { colour: 'purple', stage: 'resolve', amount: 1, unit: 'working_days' },
      { colour: 'green', stage: 'close', amount: 1, unit: 'working_days' },
      { colour: 'green', stage: 'verify', amount: -1, unit: 'working_days' },
      { colour: 'green', stage: 'callback', amount: 1.5, unit: 'working_days' },
      { colour: 'green', stage: 'objection', amount: 1, unit: 'fortnights' },
      { colour: 'orange', stage: 'resolve', amount: 60, unit: 'calendar_days' },
    ] as unknown as DeadlinePolicy[];
    const issues = validateDeadlinePolicies(bad);
    const errors = issues.filter((i) => i.severity === 'error').map((i) => `${i.index}:${i.code}`);
    assert.deepEqual(errors, [
      '0:unknown_colour',
      '1:unknown_stage',
      '2:invalid_policy',
      '3:invalid_policy',
      '4:invalid_policy',
      '5:invalid_policy',
    ]);
    assert.ok(issues.some((i) => i.code === 'missing_default'));
    throwsRule(
      () =>
        computeDeadline(
          { stage: 'resolve', colour: 'orange', from: new Date(0), committedWorkingDays: 1 },
          bad,
          cal,
        ),
      'INVALID_DEADLINE_POLICY',
    );
  });
});

describe('coverage of a deadline', () => {
  it('says when a working-time deadline runs through a year without a published notice', () => {
    const inside = computeDeadlineDetailed(
      { stage: 'resolve', colour: 'yellow', from: sh('2026-06-01T10:00:00') },
      defaultDeadlinePolicies,
      cal,
    );
    assert.equal(inside.coverage, 'published');
    assert.equal(inside.clock, 'working');
    const across = computeDeadlineDetailed(
      { stage: 'resolve', colour: 'yellow', from: sh('2026-12-28T10:00:00') },
      defaultDeadlinePolicies,
      cal,
    );
    assert.equal(across.coverage, 'unpublished');
    same(across.deadline, '2027-01-11T10:00:00'); // weekends only in 2027
    const red = computeDeadlineDetailed(
      { stage: 'resolve', colour: 'red', from: sh('2027-03-01T10:00:00') },
      defaultDeadlinePolicies,
      cal,
    );
    assert.equal(red.coverage, 'published');
    assert.equal(red.clock, 'calendar');
  });
});

describe('dueState', () => {
  const window = computeDeadlineDetailed(
    { stage: 'resolve', colour: 'yellow', from: sh('2024-03-11T10:00:00') },
    defaultDeadlinePolicies,
    cal,
  ); // 10 working days, due 2024-03-25 10:00; the last 20 % = 2 working days, from 2024-03-21 10:00

  it('with a window: due soon in the last 20 % of the allowed working time', () => {
    assert.equal(dueState(window, sh('2024-03-12T10:00:00'), cal), 'on_time');
    assert.equal(dueState(window, sh('2024-03-21T09:59:00'), cal), 'on_time');
    assert.equal(dueState(window, sh('2024-03-21T10:00:00'), cal), 'due_soon');
    assert.equal(dueState(window, sh('2024-03-23T10:00:00'), cal), 'due_soon'); // weekend: clock stopped
    assert.equal(dueState(window, sh('2024-03-25T10:00:00'), cal), 'due_soon'); // the deadline itself
    assert.equal(dueState(window, sh('2024-03-25T10:00:00.001'), cal), 'overdue');
    assert.equal(dueState(window, sh('2024-03-19T10:00:00'), cal, 0.5), 'due_soon');
  });

  it('on the wall clock for calendar-time deadlines', () => {
    const red = computeDeadlineDetailed(
      { stage: 'resolve', colour: 'red', from: sh('2024-10-01T10:00:00') },
      defaultDeadlinePolicies,
      cal,
    );
    assert.equal(dueState(red, sh('2024-10-02T05:00:00'), cal), 'on_time');
    assert.equal(dueState(red, sh('2024-10-02T05:12:00'), cal), 'due_soon'); // 4.8 h of 24 h left
    assert.equal(dueState(red, sh('2024-10-02T10:00:01'), cal), 'overdue');
  });

  it('with a bare deadline: due soon in the last 4 working hours', () => {
    const end = sh('2024-03-12T10:00:00');
    // Working time left from Monday 14:59 = 2 h 31 min on Monday + 1.5 h on Tuesday.
    assert.equal(dueState(end, sh('2024-03-11T14:59:00'), cal), 'on_time');
    assert.equal(dueState(end, sh('2024-03-11T15:00:00'), cal), 'due_soon'); // exactly 4 h left
    assert.equal(dueState(end, sh('2024-03-11T20:00:00'), cal), 'due_soon'); // 1.5 h left
    assert.equal(dueState(end, sh('2024-03-12T10:00:01'), cal), 'overdue');
  });

  it('refuses a fraction outside 0..1', () => {
    throwsRule(() => dueState(window, sh('2024-03-12T10:00:00'), cal, 2), 'INVALID_AMOUNT');
  });
});
