import type { Relation } from './transitions.ts';
import type { Actor, CaseState } from './types.ts';

const REGION_STAFF = new Set([
  'operator',
  'grid_worker',
  'dispatcher',
  'mediator',
  'supervisor',
  'leader',
  'admin',
]);

/** Whether the actor may know the case exists at all (else: 404). */
export function canView(state: CaseState, actor: Actor): boolean {
  if (actor.role === 'resident') return state.applicantUserId === actor.userId;
  if (actor.role === 'handler') return holdsAnyAssignment(state, actor) || inPool(state, actor);
  if (REGION_STAFF.has(actor.role) || actor.role === 'expert' || actor.role === 'counsellor') {
    return actor.regionId !== null && state.regionPath.includes(actor.regionId);
  }
  return false;
}

export function holdsRelation(state: CaseState, actor: Actor, relation: Relation): boolean {
  switch (relation) {
    case 'any':
      return true;
    case 'scope':
      return actor.regionId !== null && state.regionPath.includes(actor.regionId);
    case 'queue': {
      if (actor.regionId === null) return false;
      const mine = state.regionPath.indexOf(actor.regionId);
      const owner = state.regionPath.indexOf(state.ownerRegionId);
      return mine >= 0 && owner >= 0 && mine <= owner;
    }
    case 'lead':
      return currentAssignment(state, actor)?.role === 'lead';
    case 'assignee':
      return currentAssignment(state, actor) !== undefined;
    case 'pool':
      return inPool(state, actor);
    case 'applicant':
      return actor.role === 'resident' && state.applicantUserId === actor.userId;
  }
}

export function currentAssignment(state: CaseState, actor: Actor) {
  if (!actor.departmentId) return undefined;
  return state.assignments.find(
    (a) => a.departmentId === actor.departmentId && a.status !== 'withdrawn' && a.status !== 'done',
  );
}

function holdsAnyAssignment(state: CaseState, actor: Actor) {
  return actor.departmentId !== null && state.assignments.some((a) => a.departmentId === actor.departmentId);
}

function inPool(state: CaseState, actor: Actor) {
  return actor.departmentId !== null && state.poolDepartmentIds.includes(actor.departmentId);
}
