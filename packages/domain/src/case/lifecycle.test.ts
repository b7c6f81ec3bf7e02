import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HeweiError } from '../errors.ts';
import { actors, caseIn, ctx, NOW } from './fixtures.test-support.ts';
import { allowedActions, applyTransition, openCase } from './lifecycle.ts';
import { type CaseAction, USER_ACTIONS } from './transitions.ts';
import { type Actor, type CaseStatus, STATUSES } from './types.ts';

// Written from product.md capability 4 and decisions.md, not read back from the table:
// for each status, the actions that move it and where they lead. 'rule' marks an action the
// status admits but whose own rule refuses it for this case; every other pair is illegal.
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus | 'rule'>>> = {
  submitted: {
    accept: 'accepted',
    reject: 'rejected',
    resolveOnSpot: 'verified',
    withdraw: 'withdrawn',
    merge: 'merged',
    escalate: 'submitted',
    urge: 'submitted',
    supervise: 'submitted',
  },
  accepted: {
    triage: 'triaged',
    resolveOnSpot: 'verified',
    withdraw: 'withdrawn',
    merge: 'merged',
    startMediation: 'in_mediation',
    escalate: 'accepted',
    urge: 'accepted',
    supervise: 'accepted',
  },
  triaged: {
    triage: 'triaged',
    resolveOnSpot: 'verified',
    dispatch: 'dispatched',
    publishToPool: 'in_pool',
    withdraw: 'withdrawn',
    merge: 'merged',
    startMediation: 'in_mediation',
    escalate: 'triaged',
    urge: 'triaged',
    supervise: 'triaged',
  },
  in_pool: {
    claim: 'in_progress',
    withdraw: 'withdrawn',
    merge: 'merged',
    escalate: 'in_pool',
    urge: 'in_pool',
    supervise: 'in_pool',
  },
  dispatched: {
    acknowledge: 'in_progress',
    object: 'objected',
    redispatch: 'dispatched',
    withdraw: 'withdrawn',
    escalate: 'dispatched',
    urge: 'dispatched',
    supervise: 'dispatched',
  },
  objected: {
    redispatch: 'dispatched',
    overrule: 'in_progress',
    withdraw: 'withdrawn',
    escalate: 'objected',
    urge: 'objected',
    supervise: 'objected',
  },
  in_progress: {
    handle: 'in_progress',
    requestExtension: 'extension_requested',
    reportResult: 'resolved',
    redispatch: 'dispatched',
    withdraw: 'withdrawn',
    escalate: 'in_progress',
    urge: 'in_progress',
    supervise: 'in_progress',
    acknowledge: 'rule',
    object: 'rule',
  },
  extension_requested: {
    grantExtension: 'in_progress',
    refuseExtension: 'in_progress',
    handle: 'extension_requested',
    redispatch: 'dispatched',
    withdraw: 'withdrawn',
    escalate: 'extension_requested',
    urge: 'extension_requested',
    supervise: 'extension_requested',
  },
  resolved: { verify: 'verified', escalate: 'resolved', urge: 'resolved', supervise: 'resolved' },
  verified: {
    callback: 'called_back',
    skipCallback: 'rule',
    escalate: 'verified',
    urge: 'verified',
    supervise: 'verified',
  },
  called_back: {
    close: 'closed',
    reopen: 'rule',
    rate: 'called_back',
    escalate: 'called_back',
    urge: 'called_back',
    supervise: 'called_back',
  },
  in_mediation: {
    recordMediationOutcome: 'verified',
    withdraw: 'withdrawn',
    escalate: 'in_mediation',
    urge: 'in_mediation',
    supervise: 'in_mediation',
  },
  closed: { rate: 'closed' },
  rejected: {},
  withdrawn: {},
  merged: {},
};

const ACTOR_FOR: Record<CaseAction, Actor> = {
  submit: actors.operator,
  accept: actors.dispatcher,
  reject: actors.dispatcher,
  triage: actors.dispatcher,
  resolveOnSpot: actors.operator,
  dispatch: actors.dispatcher,
  publishToPool: actors.dispatcher,
  claim: actors.lead,
  acknowledge: actors.lead,
  object: actors.lead,
  redispatch: actors.dispatcher,
  overrule: actors.dispatcher,
  handle: actors.lead,
  requestExtension: actors.lead,
  grantExtension: actors.dispatcher,
  refuseExtension: actors.dispatcher,
  reportResult: actors.lead,
  verify: actors.gridWorker,
  callback: actors.operator,
  skipCallback: actors.operator,
  reopen: actors.dispatcher,
  close: actors.dispatcher,
  rate: actors.resident,
  withdraw: actors.resident,
  merge: actors.dispatcher,
  attachDuplicate: actors.dispatcher,
  startMediation: actors.dispatcher,
  recordMediationOutcome: actors.mediator,
  recordMediationDocument: actors.mediator,
  escalate: actors.dispatcher,
  urge: actors.leader,
  supervise: actors.leader,
  warnDueSoon: actors.leader,
  markOverdue: actors.leader,
  anonymise: actors.leader,
  requestInfo: actors.dispatcher,
  receiveInfo: actors.leader,
  referToPartner: actors.dispatcher,
  recordPartnerReply: actors.dispatcher,
};

const PAYLOAD: Partial<Record<CaseAction, object>> = {
  reject: { reason: '不属于受理范围' },
  triage: { complexity: 'complex', colour: 'yellow' },
  resolveOnSpot: { note: '当场协调解决' },
  dispatch: { leadDepartmentId: 'd-lead', coDepartmentIds: ['d-co'] },
  publishToPool: { departmentIds: ['d-lead', 'd-co'] },
  object: { reason: '不属于本部门职责' },
  redispatch: { leadDepartmentId: 'd-x', reason: '异议成立' },
  overrule: { reason: '属于本部门职责' },
  handle: { note: '已联系当事人' },
  requestExtension: { workingDays: 3, reason: '需等待检测结果' },
  refuseExtension: { reason: '时限充足' },
  reportResult: { result: '已修复' },
  verify: { passed: true, note: '现场确认' },
  callback: { satisfaction: 'satisfied' },
  skipCallback: { reason: '无联系方式' },
  reopen: { reason: '群众不满意' },
  rate: { satisfaction: 'satisfied' },
  withdraw: { reason: '已自行协商解决' },
  merge: { targetCaseId: 'case-2' },
  recordMediationOutcome: { outcome: 'agreement', note: '达成协议' },
  escalate: { reason: '村级无法化解' },
  urge: { reason: '请加快办理' },
  supervise: { reason: '已超期，挂牌督办', workingDays: 2 },
};

const HISTORIC_LEAD = {
  id: 'a-old',
  departmentId: 'd-lead',
  role: 'lead' as const,
  status: 'done' as const,
  assignedAt: NOW.toISOString(),
  dueAt: null,
  objectionDueAt: null,
};

describe('the transition table, pair by pair', () => {
  for (const status of STATUSES) {
    for (const action of USER_ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${action} from ${status} ${expected ? `→ ${expected}` : 'is illegal'}`, () => {
        const base = caseIn(status);
        // A department that handled the case earlier may still see it; a status that allows
        // nothing to it must say so, whatever its assignment.
        if (!expected && base.assignments.length === 0) base.assignments = [HISTORIC_LEAD];
        const run = () => applyTransition(base, action, PAYLOAD[action] ?? {}, ACTOR_FOR[action], ctx());
        if (!expected) {
          assert.throws(run, (e: HeweiError) => e.code === 'ILLEGAL_TRANSITION');
        } else if (expected === 'rule') {
          assert.throws(run, (e: HeweiError) => e.code === 'RULE_VIOLATION');
        } else {
          const { state, event } = run();
          assert.equal(state.status, expected);
          assert.equal(event.fromStatus, status);
          assert.equal(event.toStatus, expected);
          assert.equal(state.version, 4);
          assert.equal(event.actor.id, ACTOR_FOR[action].userId);
        }
      });
    }
  }
});

describe('who may act', () => {
  it('a dispatcher of another town gets not-found, not forbidden', () => {
    assert.throws(
      () => applyTransition(caseIn('submitted'), 'accept', {}, actors.otherTownDispatcher, ctx()),
      (e: HeweiError) => e.code === 'NOT_FOUND',
    );
  });
  it('a leader who can see the case but may not accept it is forbidden', () => {
    assert.throws(
      () => applyTransition(caseIn('submitted'), 'accept', {}, actors.leader, ctx()),
      (e: HeweiError) => e.code === 'FORBIDDEN',
    );
  });
  it('the town above the owning village may act on its queue; the village may not act once escalated', () => {
    const escalated = applyTransition(
      caseIn('submitted'),
      'escalate',
      PAYLOAD.escalate,
      actors.dispatcher,
      ctx(),
    );
    assert.equal(escalated.state.ownerRegionId, 'town-a');
    const village = { ...actors.townDispatcher, userId: 'u-v', regionId: 'village-1' };
    assert.throws(
      () => applyTransition(escalated.state, 'accept', {}, village, ctx()),
      (e: HeweiError) => e.code === 'FORBIDDEN',
    );
    assert.equal(
      applyTransition(escalated.state, 'accept', {}, actors.townDispatcher, ctx()).state.status,
      'accepted',
    );
  });
  it('only the department holding the lead reports the result', () => {
    assert.throws(
      () => applyTransition(caseIn('in_progress'), 'reportResult', PAYLOAD.reportResult, actors.co, ctx()),
      (e: HeweiError) => e.code === 'FORBIDDEN',
    );
  });
  it('another resident cannot even see the case', () => {
    assert.throws(
      () => applyTransition(caseIn('submitted'), 'withdraw', PAYLOAD.withdraw, actors.otherResident, ctx()),
      (e: HeweiError) => e.code === 'NOT_FOUND',
    );
  });
  it('allowedActions lists what the viewer may press', () => {
    assert.deepEqual(allowedActions(caseIn('dispatched'), actors.lead, ctx()).sort(), [
      'acknowledge',
      'object',
    ]);
    // a leader may urge and supervise (issue 5), nothing else
    assert.deepEqual(allowedActions(caseIn('submitted'), actors.leader, ctx()).sort(), ['supervise', 'urge']);
    assert.ok(allowedActions(caseIn('submitted'), actors.dispatcher, ctx()).includes('accept'));
  });
});

describe('the rules of the actions', () => {
  it('an objection after the window is refused', () => {
    const late = ctx(new Date(NOW.getTime() + 8 * 3600_000));
    assert.throws(
      () => applyTransition(caseIn('dispatched'), 'object', PAYLOAD.object, actors.lead, late),
      (e: HeweiError) => e.rule === 'OBJECTION_WINDOW_CLOSED',
    );
  });
  it('a co-handler acknowledging leaves the case where it is', () => {
    const r = applyTransition(caseIn('dispatched'), 'acknowledge', {}, actors.co, ctx());
    assert.equal(r.state.status, 'dispatched');
    assert.equal(r.state.assignments.find((a) => a.id === 'a-co')?.status, 'acknowledged');
  });
  it('a dissatisfied resident cannot be closed on, only reopened', () => {
    const c = caseIn('called_back', { satisfaction: 'dissatisfied' });
    assert.throws(
      () => applyTransition(c, 'close', {}, actors.dispatcher, ctx()),
      (e: HeweiError) => e.rule === 'DISSATISFIED_MUST_REOPEN',
    );
    const r = applyTransition(c, 'reopen', PAYLOAD.reopen, actors.dispatcher, ctx());
    assert.equal(r.state.status, 'triaged');
    assert.equal(r.state.reopenCount, 1);
  });
  it('a hazard without a resident skips the callback with its reason', () => {
    const c = caseIn('verified', { kind: 'hazard', hasContactPhone: false, applicantUserId: null });
    const r = applyTransition(c, 'skipCallback', PAYLOAD.skipCallback, actors.operator, ctx());
    assert.equal(r.state.status, 'called_back');
    assert.equal(r.event.reason, '无联系方式');
  });
  it('orange needs a committed deadline of at most 60 working days', () => {
    const c = caseIn('accepted');
    assert.throws(
      () =>
        applyTransition(c, 'triage', { complexity: 'complex', colour: 'orange' }, actors.dispatcher, ctx()),
      (e: HeweiError) => e.rule === 'ORANGE_NEEDS_COMMITMENT',
    );
    assert.throws(
      () =>
        applyTransition(
          c,
          'triage',
          { complexity: 'complex', colour: 'orange', committedWorkingDays: 61 },
          actors.dispatcher,
          ctx(),
        ),
      (e: HeweiError) => e.rule === 'COMMITMENT_TOO_LONG',
    );
  });
  it('red resolves within 24 calendar hours; yellow within 10 working days', () => {
    const red = applyTransition(
      caseIn('accepted'),
      'triage',
      { complexity: 'simple', colour: 'red' },
      actors.dispatcher,
      ctx(),
    );
    assert.equal(red.state.resolveBy, '2024-06-13T02:00:00.000Z');
    const yellow = applyTransition(
      caseIn('accepted'),
      'triage',
      { complexity: 'complex', colour: 'yellow' },
      actors.dispatcher,
      ctx(),
    );
    assert.equal(yellow.state.resolveBy, '2024-06-26T02:00:00.000Z');
  });
  it('bad payloads name the field', () => {
    assert.throws(
      () => applyTransition(caseIn('submitted'), 'reject', { reason: '' }, actors.dispatcher, ctx()),
      (e: HeweiError) => e.code === 'VALIDATION_FAILED' && e.field === 'reason',
    );
  });
  it('a new case starts submitted at version 1 with an accept deadline', () => {
    const { state, event } = openCase(
      {
        id: 'c',
        countyId: 'county',
        trackingCode: 'T',
        kind: 'complaint',
        channel: 'hotline',
        categoryCode: '01',
        description: '路灯不亮',
        address: null,
        lat: null,
        lon: null,
        regionPath: ['county'],
        gridId: null,
        ownerRegionId: 'county',
        applicantUserId: null,
        hasContactPhone: true,
        urgent: true,
      },
      actors.operator,
      ctx(),
    );
    assert.equal(state.status, 'submitted');
    assert.equal(state.version, 1);
    assert.equal(state.colour, 'red');
    assert.equal(state.acceptBy, '2024-06-12T02:30:00.000Z');
    assert.equal(event.type, 'case.submitted');
  });
});
