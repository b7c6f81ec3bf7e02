import type { Assignment, CaseEvent, CaseState } from './types.ts';

type Data = Record<string, any>;

/**
 * The one reducer: the next state from a state and an event. The lifecycle uses it to apply
 * what it decides, and replaying a timeline through it rebuilds the case.
 */
export function evolve(state: CaseState | null, event: CaseEvent): CaseState {
  const d = event.data as Data;
  if (event.type === 'case.submitted') return { ...(d.case as CaseState) };
  if (!state) throw new Error(`event ${event.type} before case.submitted`);
  const s: CaseState = {
    ...state,
    status: event.toStatus,
    version: state.version + 1,
    updatedAt: event.at,
  };
  switch (event.type) {
    case 'case.accepted':
      s.acceptBy = null;
      break;
    case 'case.triaged':
    case 'case.reopened':
      Object.assign(s, pick(d, ['complexity', 'colour', 'resolveBy', 'committedWorkingDays']));
      if (event.type === 'case.reopened') {
        s.reopenCount = state.reopenCount + 1;
        s.satisfaction = null;
        s.verifyBy = null;
        s.callbackBy = null;
        s.assignments = closeAll(state.assignments, 'done');
      }
      break;
    case 'case.resolved_on_spot':
      Object.assign(s, { complexity: 'simple', colour: 'green', acceptBy: null, callbackBy: d.callbackBy });
      break;
    case 'case.dispatched':
    case 'case.redispatched':
      s.assignments = [...closeAll(state.assignments, 'withdrawn'), ...(d.assignments as Assignment[])];
      if (d.resolveBy) s.resolveBy = d.resolveBy;
      s.poolDepartmentIds = [];
      s.extensionRequest = null;
      break;
    case 'case.published_to_pool':
      s.poolDepartmentIds = d.departmentIds;
      break;
    case 'case.claimed':
      s.assignments = [...state.assignments, d.assignment as Assignment];
      s.poolDepartmentIds = [];
      break;
    case 'case.acknowledged':
      s.assignments = setStatus(state.assignments, d.assignmentId, 'acknowledged');
      break;
    case 'case.objected':
      s.assignments = setStatus(state.assignments, d.assignmentId, 'objected');
      break;
    case 'case.objection_overruled':
      s.assignments = state.assignments.map((a) =>
        a.status === 'objected' ? { ...a, status: 'acknowledged', objectionDueAt: null } : a,
      );
      break;
    case 'case.extension_requested':
      s.extensionRequest = { workingDays: d.workingDays, reason: event.reason ?? '' };
      break;
    case 'case.extension_granted':
      s.resolveBy = d.resolveBy;
      s.assignments = state.assignments.map((a) =>
        a.role === 'lead' && isCurrent(a) ? { ...a, dueAt: d.resolveBy } : a,
      );
      s.extensionRequest = null;
      break;
    case 'case.extension_refused':
      s.extensionRequest = null;
      break;
    case 'case.result_reported':
      s.verifyBy = d.verifyBy;
      s.assignments = closeAll(state.assignments, 'done');
      break;
    case 'case.verified':
      if (d.passed) {
        s.callbackBy = d.callbackBy;
        s.verifyBy = null;
      } else {
        s.verifyBy = null;
        s.assignments = state.assignments.map((a, i) =>
          i === lastLeadIndex(state.assignments) ? { ...a, status: 'acknowledged' } : a,
        );
      }
      break;
    case 'case.called_back':
      s.satisfaction = d.satisfaction;
      s.callbackBy = null;
      break;
    case 'case.callback_skipped':
      s.callbackBy = null;
      break;
    case 'case.closed':
      s.closedAt = event.at;
      s.assignments = closeAll(state.assignments, 'done');
      break;
    case 'case.rejected':
    case 'case.withdrawn':
      s.closedAt = event.at;
      s.assignments = closeAll(state.assignments, 'withdrawn');
      s.acceptBy = null;
      s.resolveBy = null;
      break;
    case 'case.merged':
      s.mergedIntoId = d.targetCaseId;
      s.closedAt = event.at;
      s.acceptBy = null;
      s.resolveBy = null;
      break;
    case 'case.mediation_started':
      s.acceptBy = null;
      break;
    case 'case.mediation_concluded':
      s.mediationOutcome = d.outcome;
      if (d.callbackBy) s.callbackBy = d.callbackBy;
      if (event.toStatus === 'closed') s.closedAt = event.at;
      break;
    case 'case.escalated':
      s.ownerRegionId = d.toRegionId;
      break;
    case 'case.anonymised':
      Object.assign(s, {
        description: d.description,
        address: null,
        lat: null,
        lon: null,
        applicantUserId: null,
      });
      break;
    case 'case.handled':
    case 'case.urged':
    case 'case.supervised':
    case 'case.due_soon_warned':
    case 'case.overdue_marked':
    case 'case.rated':
    case 'case.mediation_document_issued':
    case 'case.duplicate_attached':
    case 'case.info_requested':
    case 'case.info_received':
    case 'case.referred_to_partner':
    case 'case.partner_replied':
      break;
    default:
      throw new Error(`unknown event ${event.type}`);
  }
  return s;
}

export function replay(events: readonly CaseEvent[]): CaseState {
  let state: CaseState | null = null;
  for (const e of events) state = evolve(state, e);
  if (!state) throw new Error('empty timeline');
  return state;
}

function pick(d: Data, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => k in d).map((k) => [k, d[k]]));
}
const isCurrent = (a: Assignment) => a.status !== 'withdrawn' && a.status !== 'done';
function closeAll(list: Assignment[], status: 'done' | 'withdrawn'): Assignment[] {
  return list.map((a) => (isCurrent(a) ? { ...a, status } : a));
}
function setStatus(list: Assignment[], id: string, status: Assignment['status']): Assignment[] {
  return list.map((a) => (a.id === id ? { ...a, status } : a));
}
function lastLeadIndex(list: Assignment[]) {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].role === 'lead') return i;
  return -1;
}
