import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MediationOutcomeRecord, mediationStats, mediationTimeLimit } from './stats.ts';

const records: MediationOutcomeRecord[] = [
  {
    mediationId: '1',
    mediatorIds: ['a'],
    organisationId: 'o1',
    startedAt: '2025-01-01T09:00:00+08:00',
    endedAt: '2025-01-11T09:00:00+08:00',
    outcome: 'agreement',
    satisfaction: 5,
  },
  {
    mediationId: '2',
    mediatorIds: ['a', 'b'],
    organisationId: 'o1',
    startedAt: '2025-01-31T09:00:00+08:00',
    endedAt: '2025-03-05T09:00:00+08:00',
    outcome: 'failed',
    satisfaction: 2,
  },
  {
    mediationId: '3',
    mediatorIds: ['b'],
    organisationId: 'o2',
    startedAt: '2025-02-01T09:00:00+08:00',
    endedAt: '2025-02-03T09:00:00+08:00',
    outcome: 'withdrawn',
  },
  {
    mediationId: '4',
    mediatorIds: ['b'],
    organisationId: 'o2',
    startedAt: '2025-02-01T09:00:00+08:00',
    outcome: 'in_progress',
  },
];

describe('mediation stats', () => {
  it('computes success rate, mean duration and satisfaction per mediator', () => {
    const [a, b] = mediationStats(records, 'mediator');
    assert.equal(a.key, 'a');
    assert.equal(a.total, 2);
    assert.equal(a.successRate, 0.5);
    assert.equal(a.meanDurationDays, (10 + 33) / 2);
    assert.equal(a.withinTimeLimitRate, 0.5);
    assert.equal(a.meanSatisfaction, 3.5);
    assert.equal(a.satisfiedRate, 0.5);
    assert.equal(b.key, 'b');
    assert.equal(b.concluded, 1, 'withdrawn and in-progress are not concluded');
    assert.equal(b.successRate, 0);
    assert.equal(b.inProgress, 1);
    assert.equal(b.meanSatisfaction, 2);
  });

  it('groups by organisation and reports null rates without data', () => {
    const [o1, o2] = mediationStats(records, 'organisation');
    assert.equal(o1.successRate, 0.5);
    assert.equal(o2.successRate, null);
    assert.equal(o2.meanSatisfaction, null);
  });

  it('applies the one-month time limit, clamped to month end', () => {
    assert.equal(mediationTimeLimit('2025-01-31T09:00:00+08:00'), '2025-02-28');
  });
});
