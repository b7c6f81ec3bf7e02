import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createWeekendCalendar } from '../time/calendar.ts';
import { replay } from './evolve.ts';
import { actors } from './fixtures.test-support.ts';
import { applyTransition, openCase } from './lifecycle.ts';
import { USER_ACTIONS } from './transitions.ts';
import { type Actor, type CaseEvent, STATUSES, TERMINAL_STATUSES } from './types.ts';

const PAYLOADS: Record<string, object[]> = {
  triage: [
    { complexity: 'simple', colour: 'green' },
    { complexity: 'complex', colour: 'yellow' },
    { complexity: 'complex', colour: 'orange', committedWorkingDays: 20 },
    { complexity: 'simple', colour: 'red' },
  ],
  dispatch: [{ leadDepartmentId: 'd-lead', coDepartmentIds: ['d-co'] }, { leadDepartmentId: 'd-lead' }],
  redispatch: [{ leadDepartmentId: 'd-lead', coDepartmentIds: [], reason: '重新派单' }],
  publishToPool: [{ departmentIds: ['d-lead', 'd-co'] }],
  verify: [
    { passed: true, note: '合格' },
    { passed: false, note: '未整改到位' },
  ],
  callback: [{ satisfaction: 'satisfied' }, { satisfaction: 'dissatisfied' }, { satisfaction: 'partly' }],
  rate: [{ satisfaction: 'satisfied' }],
  requestExtension: [{ workingDays: 5, reason: '等待鉴定' }],
  merge: [{ targetCaseId: 'other-case' }],
  recordMediationOutcome: [
    { outcome: 'agreement', note: '达成' },
    { outcome: 'failed', note: '未达成' },
    { outcome: 'referred', note: '转诉讼' },
  ],
};
const generic = { reason: '理由', note: '说明', result: '结果' };
const ACTORS: Actor[] = Object.values(actors);

describe('random journeys through the lifecycle', () => {
  it('keep every invariant, and the timeline always replays to the same case', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...USER_ACTIONS),
            fc.constantFrom(...ACTORS),
            fc.nat(3),
            fc.integer({ min: 1, max: 30 * 60 }),
          ),
          { maxLength: 60 },
        ),
        fc.constantFrom('dispute', 'complaint', 'hazard'),
        (steps, kind) => {
          let now = new Date('2024-09-27T01:00:00Z');
          let n = 0;
          const ctx = () => ({ now, calendar: createWeekendCalendar(), newId: () => `id-${++n}` });
          let { state, event } = openCase(
            {
              id: 'c1',
              countyId: 'county',
              trackingCode: 'T1',
              kind: kind as 'dispute',
              channel: 'app',
              categoryCode: '01',
              description: '测试事项描述',
              address: null,
              lat: null,
              lon: null,
              regionPath: ['county', 'town-a', 'village-1'],
              gridId: null,
              ownerRegionId: 'village-1',
              applicantUserId: 'u-res',
              hasContactPhone: kind !== 'hazard',
            },
            actors.operator,
            ctx(),
          );
          const events: CaseEvent[] = [event];
          for (const [action, actor, variant, minutes] of steps) {
            now = new Date(now.getTime() + minutes * 60_000);
            const options = PAYLOADS[action] ?? [generic];
            const wasTerminal = TERMINAL_STATUSES.includes(state.status);
            try {
              const r = applyTransition(state, action, options[variant % options.length], actor, ctx());
              if (wasTerminal) assert.equal(action, 'rate', 'a terminal case only takes a rating');
              assert.equal(r.state.version, state.version + 1);
              state = r.state;
              events.push(r.event);
            } catch (e) {
              if (!(e as { code?: string }).code) throw e;
            }
            assert.ok(STATUSES.includes(state.status));
            assert.equal(state.closedAt !== null, TERMINAL_STATUSES.includes(state.status));
            const current = state.assignments.filter((a) => a.status !== 'done' && a.status !== 'withdrawn');
            assert.ok(current.filter((a) => a.role === 'lead').length <= 1, 'at most one current lead');
            if (state.status === 'closed') assert.notEqual(state.satisfaction, 'dissatisfied');
          }
          assert.deepEqual(replay(events), state);
          assert.equal(state.version, events.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
