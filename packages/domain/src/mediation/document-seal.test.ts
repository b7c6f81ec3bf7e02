import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replay } from '../case/evolve.ts';
import { actors, caseIn, ctx } from '../case/fixtures.test-support.ts';
import { applyTransition } from '../case/lifecycle.ts';
import { USER_ACTIONS } from '../case/transitions.ts';
import type { CaseStatus } from '../case/types.ts';
import type { HeweiError } from '../errors.ts';

const SEAL = {
  kind: 'agreement',
  documentId: 'doc-1',
  sha256: 'a'.repeat(64),
  note: '人民调解协议书（第1版）',
};

describe('recordMediationDocument seals a document hash on the case timeline', () => {
  for (const status of ['in_mediation', 'triaged', 'verified', 'called_back', 'closed'] as CaseStatus[]) {
    it(`is recorded from ${status} without changing the status`, () => {
      const r = applyTransition(caseIn(status), 'recordMediationDocument', SEAL, actors.mediator, ctx());
      assert.equal(r.state.status, status);
      assert.equal(r.event.type, 'case.mediation_document_issued');
      assert.deepEqual(r.event.data, { kind: 'agreement', documentId: 'doc-1', sha256: 'a'.repeat(64) });
      assert.equal(r.event.reason, SEAL.note);
    });
  }
  it('is refused before mediation could have produced anything', () => {
    assert.throws(
      () => applyTransition(caseIn('submitted'), 'recordMediationDocument', SEAL, actors.mediator, ctx()),
      (e: HeweiError) => e.code === 'ILLEGAL_TRANSITION',
    );
  });
  it('only a mediator records it, and only with a real SHA-256', () => {
    assert.throws(
      () =>
        applyTransition(caseIn('in_mediation'), 'recordMediationDocument', SEAL, actors.dispatcher, ctx()),
      (e: HeweiError) => e.code === 'FORBIDDEN',
    );
    assert.throws(
      () =>
        applyTransition(
          caseIn('in_mediation'),
          'recordMediationDocument',
          { ...SEAL, sha256: 'xyz' },
          actors.mediator,
          ctx(),
        ),
      (e: HeweiError) => e.code === 'VALIDATION_FAILED' && e.field === 'sha256',
    );
  });
  it('is never offered as a button, and replays', () => {
    assert.ok(!USER_ACTIONS.includes('recordMediationDocument'));
    const before = caseIn('in_mediation');
    const r = applyTransition(before, 'recordMediationDocument', SEAL, actors.mediator, ctx());
    const opened = { ...before, version: 1 };
    const submitted = {
      type: 'case.submitted',
      at: before.createdAt,
      actor: { id: 'u', role: 'operator' as const },
      fromStatus: null,
      toStatus: before.status,
      reason: null,
      data: { case: opened },
    };
    assert.equal(replay([submitted, { ...r.event }]).status, 'in_mediation');
  });
});
