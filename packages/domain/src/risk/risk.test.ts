import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HeweiError } from '../errors.ts';
import {
  checkRegrade,
  expectedVisits,
  followUpDates,
  followUpDatesFor,
  followUpDueAt,
  handlerRegionId,
  RISK_LEVELS,
  type RiskLevel,
  riskProfile,
  suggestedLevelAfterIncident,
} from './index.ts';

describe('each risk level sets its cadence, warning colour and handler', () => {
  const table: [RiskLevel, string, string | null, string | null][] = [
    ['safe', 'observe', null, null],
    ['micro', 'monthly', 'blue', 'village_womens_federation'],
    ['low', 'twice_monthly', 'yellow', 'village_mediation_room'],
    ['medium', 'weekly', 'orange', 'town_mediation_center'],
    ['high', 'twice_weekly', 'red', 'county_mediation_center'],
  ];
  for (const [level, cadence, warning, handler] of table)
    it(`${level}: ${cadence}, ${warning ?? 'no warning'}, ${handler ?? 'nobody'}`, () => {
      assert.deepEqual(riskProfile(level), { level, cadence, warning, handler });
    });

  it('the handler sits at the village, town or county above the household', () => {
    const path = ['r-county', 'r-town', 'r-village'];
    assert.equal(handlerRegionId('village_womens_federation', path), 'r-village');
    assert.equal(handlerRegionId('village_mediation_room', path), 'r-village');
    assert.equal(handlerRegionId('town_mediation_center', path), 'r-town');
    assert.equal(handlerRegionId('county_mediation_center', path), 'r-county');
  });

  it('refuses a level that does not exist', () => {
    assert.throws(() => riskProfile('extreme' as RiskLevel), RangeError);
  });
});

describe('follow-up days for given dates', () => {
  // 2024-06-12 is a Wednesday
  const cases: [string, string, string, string, string[]][] = [
    ['observe', '2024-06-12', '2024-06-12', '2024-08-31', []],
    [
      'weekly',
      '2024-06-12',
      '2024-06-12',
      '2024-07-10',
      ['2024-06-19', '2024-06-26', '2024-07-03', '2024-07-10'],
    ],
    ['weekly', '2024-06-12', '2024-06-27', '2024-07-04', ['2024-07-03']],
    [
      'twice_weekly',
      '2024-06-12',
      '2024-06-12',
      '2024-06-29',
      ['2024-06-15', '2024-06-19', '2024-06-22', '2024-06-26', '2024-06-29'],
    ],
    ['monthly', '2024-01-31', '2024-01-01', '2024-04-30', ['2024-02-29', '2024-03-31', '2024-04-30']],
    ['twice_monthly', '2024-06-12', '2024-06-01', '2024-07-31', ['2024-06-27', '2024-07-12', '2024-07-27']],
    ['monthly', '2024-12-15', '2024-12-01', '2025-02-28', ['2025-01-15', '2025-02-15']],
  ];
  for (const [cadence, anchor, from, to, expected] of cases)
    it(`${cadence} from ${anchor}, between ${from} and ${to}`, () => {
      assert.deepEqual(followUpDates(cadence as never, anchor, from, to), expected);
    });

  it('a medium household is visited once a week, a high one twice a week', () => {
    const medium = followUpDatesFor('medium', '2024-06-12', '2024-06-12', '2024-08-07');
    assert.equal(medium.length, 8);
    const high = followUpDatesFor('high', '2024-06-12', '2024-06-12', '2024-08-07');
    assert.equal(high.length, 16);
    const gaps = medium.slice(1).map((d, i) => (Date.parse(d) - Date.parse(medium[i])) / 86_400_000);
    assert.ok(gaps.every((g) => g === 7));
  });

  it('the day of grading is never itself a follow-up day, and the series never repeats a day', () => {
    for (const level of RISK_LEVELS) {
      const days = followUpDatesFor(level, '2024-06-12', '2024-06-01', '2025-06-12');
      assert.ok(!days.includes('2024-06-12'));
      assert.equal(new Set(days).size, days.length);
    }
  });

  it('a follow-up is overdue after the end of its day in Shanghai', () => {
    assert.equal(followUpDueAt('2024-06-19').toISOString(), '2024-06-19T16:00:00.000Z');
  });

  it('expected visits over a span follow the cadence', () => {
    assert.equal(expectedVisits('weekly', 28), 4);
    assert.equal(expectedVisits('twice_weekly', 7), 2);
    assert.equal(expectedVisits('observe', 100), 0);
  });

  it('rejects a date that is not a date', () => {
    assert.throws(() => followUpDates('weekly', '2024-02-30', '2024-01-01', '2024-03-01'), RangeError);
  });
});

describe('regrading rules', () => {
  const rule = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as HeweiError).rule;
    }
    return 'passed';
  };
  const table: [RiskLevel, RiskLevel, string, number, string][] = [
    ['safe', 'medium', 'neighbours reported a fight', 0, 'passed'],
    ['low', 'high', 'threats of violence', 0, 'passed'],
    ['medium', 'low', 'calmer after mediation', 1, 'passed'],
    ['medium', 'low', 'calmer', 0, 'RISK_LOWER_NEEDS_VISIT'],
    ['high', 'low', 'calmer', 3, 'RISK_LOWER_ONE_STEP'],
    ['low', 'low', 'no change', 1, 'RISK_LEVEL_UNCHANGED'],
    ['safe', 'micro', '  ', 0, 'RISK_REASON_REQUIRED'],
  ];
  for (const [from, to, reason, visits, expected] of table)
    it(`${from} → ${to} with ${visits} visit(s): ${expected}`, () => {
      assert.equal(
        rule(() => checkRegrade({ from, to, reason, visitsSinceLastChange: visits })),
        expected,
      );
    });

  it('a missing reason is bad input, a broken rule is a rule violation', () => {
    assert.throws(
      () => checkRegrade({ from: 'safe', to: 'low', reason: '', visitsSinceLastChange: 0 }),
      (e: HeweiError) => e.code === 'VALIDATION_FAILED' && e.field === 'reason',
    );
    assert.throws(
      () => checkRegrade({ from: 'high', to: 'safe', reason: 'x', visitsSinceLastChange: 5 }),
      (e: HeweiError) => e.code === 'RULE_VIOLATION',
    );
  });

  const incidents: [RiskLevel, { kind: string; urgent: boolean; colour?: string }, RiskLevel][] = [
    ['safe', { kind: 'dispute', urgent: false }, 'micro'],
    ['safe', { kind: 'dispute', urgent: true }, 'medium'],
    ['low', { kind: 'dispute', urgent: false }, 'medium'],
    ['micro', { kind: 'complaint', urgent: false, colour: 'red' }, 'medium'],
    ['high', { kind: 'dispute', urgent: true }, 'high'],
  ];
  for (const [current, incident, expected] of incidents)
    it(`a new incident at ${current} (${incident.urgent ? 'urgent' : 'ordinary'}) suggests ${expected}`, () => {
      assert.equal(suggestedLevelAfterIncident(current, incident), expected);
    });
});
