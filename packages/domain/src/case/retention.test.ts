import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HeweiError } from '../errors.ts';
import { replay } from './evolve.ts';
import { caseIn, ctx } from './fixtures.test-support.ts';
import { ANONYMISED, applySystemTransition, applyTransition } from './lifecycle.ts';
import { USER_ACTIONS } from './transitions.ts';

describe('anonymisation after the retention period', () => {
  it('removes the text, the place and the applicant, keeps status, category and region', () => {
    const c = {
      ...caseIn('closed'),
      address: '甲一村锦绣花园3幢',
      lat: 30.1,
      lon: 120.2,
      applicantUserId: 'u-1',
    };
    const r = applySystemTransition(c, 'anonymise', { retentionDays: 1095 }, ctx());
    assert.equal(r.state.status, 'closed');
    assert.equal(r.state.description, ANONYMISED);
    assert.deepEqual(
      [r.state.address, r.state.lat, r.state.lon, r.state.applicantUserId],
      [null, null, null, null],
    );
    assert.deepEqual(
      [r.state.categoryCode, r.state.regionPath, r.state.closedAt],
      [c.categoryCode, c.regionPath, c.closedAt],
    );
    assert.equal(r.event.type, 'case.anonymised');
    assert.deepEqual(r.event.data, { description: ANONYMISED, retentionDays: 1095 });
    assert.equal(r.state.version, c.version + 1);
  });

  it('only a finished case, only by the system', () => {
    for (const status of ['in_progress', 'resolved', 'called_back'] as const) {
      assert.throws(
        () => applySystemTransition(caseIn(status), 'anonymise', { retentionDays: 30 }, ctx()),
        (e: HeweiError) => e.code === 'ILLEGAL_TRANSITION',
      );
    }
    assert.ok(!USER_ACTIONS.includes('anonymise'));
    assert.throws(() =>
      applyTransition(
        caseIn('closed'),
        'anonymise',
        { retentionDays: 30 },
        { userId: 'a', role: 'admin', regionId: 'county', departmentId: null },
        ctx(),
      ),
    );
  });

  it('a redacted timeline still replays to the anonymised case', () => {
    const c = caseIn('closed');
    const r = applySystemTransition(c, 'anonymise', { retentionDays: 30 }, ctx());
    const submitted = {
      type: 'case.submitted',
      at: c.createdAt,
      actor: { id: 'x', role: 'operator' as const },
      fromStatus: null,
      toStatus: 'submitted' as const,
      reason: null,
      data: { case: { ...c, status: 'closed', description: ANONYMISED, address: null } },
    };
    const s = replay([submitted, r.event]);
    assert.equal(s.description, ANONYMISED);
    assert.equal(s.status, 'closed');
  });
});
