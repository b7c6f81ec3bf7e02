import { HeweiError, ruleViolation } from '../errors.ts';
import type { WorkingCalendar } from '../time/calendar.ts';
import { canView, currentAssignment, holdsRelation } from './access.ts';
import { type PolicyContext, stageDeadline } from './deadline-policy.ts';
import { acceptDeadline, petitionExtended, petitionResolveBy } from './deadlines.ts';
import { evolve } from './evolve.ts';
import { ACTION_PAYLOADS } from './schemas.ts';
import { type CaseAction, TRANSITIONS, type TransitionRule, USER_ACTIONS } from './transitions.ts';
import type { Actor, Assignment, CaseEvent, CaseState, CaseStatus, Role } from './types.ts';

export interface LifecycleContext extends PolicyContext {
  now: Date;
  calendar: WorkingCalendar;
  newId: () => string;
}

/** Who timers act as: never a person, never offered a button, never reachable over HTTP. */
/** What an anonymised case's text reads (the retention period removed the original). */
export const ANONYMISED = '（已匿名化）';

export const SYSTEM_ACTOR = { userId: 'system', role: 'system', regionId: null, departmentId: null } as const;

export interface TransitionResult {
  state: CaseState;
  event: CaseEvent;
}

export interface NewCase {
  id: string;
  countyId: string;
  trackingCode: string;
  kind: CaseState['kind'];
  channel: CaseState['channel'];
  categoryCode: string;
  description: string;
  urgent?: boolean;
  address: string | null;
  lat: number | null;
  lon: number | null;
  regionPath: string[];
  gridId: string | null;
  ownerRegionId: string;
  applicantUserId: string | null;
  hasContactPhone: boolean;
}

/** The first event of every case. */
export function openCase(
  input: NewCase,
  actor: Actor | { userId: string; role: 'system' },
  ctx: LifecycleContext,
) {
  const at = ctx.now.toISOString();
  const { urgent, ...rest } = input;
  const initial: CaseState = {
    ...rest,
    complexity: urgent ? 'complex' : null,
    colour: urgent ? 'red' : null,
    status: 'submitted',
    version: 1,
    assignments: [],
    poolDepartmentIds: [],
    acceptBy: urgent
      ? stageDeadline('accept', { ...input, colour: 'red' }, ctx.now, ctx)
      : acceptDeadline(false, input.kind, ctx.now, ctx.calendar).toISOString(),
    resolveBy: null,
    verifyBy: null,
    callbackBy: null,
    committedWorkingDays: null,
    extensionRequest: null,
    satisfaction: null,
    reopenCount: 0,
    mergedIntoId: null,
    mediationOutcome: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
  const event: CaseEvent = {
    type: 'case.submitted',
    at,
    actor: { id: actor.userId, role: actor.role },
    fromStatus: null,
    toStatus: 'submitted',
    reason: null,
    data: { case: initial },
  };
  return { state: evolve(null, event), event };
}

/** Why the actor may not take the action now, or null when it may: 404 unseen, 403 role, 422 status, 403 relation. */
export function checkPermission(state: CaseState, action: CaseAction, actor: Actor): HeweiError | null {
  const rule = TRANSITIONS[action] as TransitionRule;
  if (!canView(state, actor)) return new HeweiError('NOT_FOUND');
  if (!rule.roles.includes(actor.role)) return new HeweiError('FORBIDDEN', { rule: 'ROLE_NOT_ALLOWED' });
  if (!rule.from.includes(state.status))
    return new HeweiError('ILLEGAL_TRANSITION', {
      rule: `${action.toUpperCase()}_FROM_${state.status.toUpperCase()}`,
    });
  if (!rule.relations.some((r) => holdsRelation(state, actor, r)))
    return new HeweiError('FORBIDDEN', { rule: 'OUT_OF_SCOPE' });
  return null;
}

/** The actions the viewer may take now: what the UI shows as buttons. */
export function allowedActions(state: CaseState, actor: Actor, ctx: LifecycleContext): CaseAction[] {
  if (!canView(state, actor)) return [];
  return USER_ACTIONS.filter((a) => {
    // cheap checks first, without building errors: this runs for every action on every case page
    const rule = TRANSITIONS[a] as TransitionRule;
    if (!rule.roles.includes(actor.role) || !rule.from.includes(state.status)) return false;
    if (!rule.relations.some((r) => holdsRelation(state, actor, r))) return false;
    try {
      decide(state, a, sampleFor(a, state), actor, ctx);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The only way a case changes: validates the payload, checks role, scope, status and the
 * action's rules, and returns the event and the next state.
 */
export function applyTransition(
  state: CaseState,
  action: CaseAction,
  payload: unknown,
  actor: Actor,
  ctx: LifecycleContext,
): TransitionResult {
  const schema = ACTION_PAYLOADS[action as Exclude<CaseAction, 'submit'>];
  if (!schema) throw new HeweiError('NOT_FOUND', { field: 'action' });
  const denied = checkPermission(state, action, actor);
  if (denied) throw denied;
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HeweiError('VALIDATION_FAILED', {
      field: issue.path.join('.') || 'body',
      detail: issue.message,
    });
  }
  return decide(state, action, parsed.data as Record<string, any>, actor, ctx);
}

/** What a timer does to a case: only actions marked `system`, checked against the status and the action's rules. */
export function applySystemTransition(
  state: CaseState,
  action: CaseAction,
  payload: unknown,
  ctx: LifecycleContext,
): TransitionResult {
  const rule = TRANSITIONS[action] as TransitionRule;
  if (!rule.system) throw new HeweiError('FORBIDDEN', { rule: 'NOT_A_SYSTEM_ACTION' });
  if (!rule.from.includes(state.status))
    throw new HeweiError('ILLEGAL_TRANSITION', {
      rule: `${action.toUpperCase()}_FROM_${state.status.toUpperCase()}`,
    });
  const parsed = ACTION_PAYLOADS[action as Exclude<CaseAction, 'submit'>].safeParse(payload ?? {});
  if (!parsed.success)
    throw new HeweiError('VALIDATION_FAILED', { field: parsed.error.issues[0].path.join('.') || 'body' });
  return decide(state, action, parsed.data as Record<string, any>, SYSTEM_ACTOR as unknown as Actor, ctx);
}

function decide(
  state: CaseState,
  action: CaseAction,
  p: Record<string, any>,
  actor: Actor,
  ctx: LifecycleContext,
): TransitionResult {
  const rule = TRANSITIONS[action] as TransitionRule;
  const { now, calendar: cal } = ctx;
  const scope = (colour = state.colour ?? 'yellow') => ({ ...state, colour });
  const data: Record<string, unknown> = {};
  let outcome: string | undefined;
  const reason: string | null = p.reason ?? p.note ?? p.result ?? p.comment ?? null;

  switch (action) {
    case 'triage': {
      const committed = p.colour === 'orange' ? p.committedWorkingDays : null;
      const policyBy = stageDeadline('resolve', scope(p.colour), now, ctx, committed);
      const resolveBy = state.kind === 'petition' ? petitionResolveBy(p.colour, policyBy, now) : policyBy;
      Object.assign(data, {
        complexity: p.colour === 'red' ? p.complexity : p.colour === 'green' ? 'simple' : 'complex',
        colour: p.colour,
        committedWorkingDays: p.committedWorkingDays ?? null,
        resolveBy,
      });
      if (p.colour === 'green' && p.complexity === 'complex') throw ruleViolation('GREEN_IS_SIMPLE');
      if ((p.colour === 'yellow' || p.colour === 'orange') && p.complexity === 'simple')
        throw ruleViolation('YELLOW_ORANGE_ARE_COMPLEX');
      break;
    }
    case 'resolveOnSpot':
      if (state.colour && state.colour !== 'green') throw ruleViolation('ON_SPOT_GREEN_ONLY');
      data.callbackBy = state.hasContactPhone ? stageDeadline('callback', scope('green'), now, ctx) : null;
      break;
    case 'dispatch':
    case 'redispatch': {
      const co: string[] = p.coDepartmentIds ?? [];
      if (co.includes(p.leadDepartmentId)) throw ruleViolation('LEAD_NOT_CO');
      if (new Set(co).size !== co.length) throw ruleViolation('DUPLICATE_CO_HANDLER');
      if (p.workingDays) data.resolveBy = cal.addWorkingDays(now, p.workingDays).toISOString();
      const dueAt = (data.resolveBy as string | undefined) ?? state.resolveBy;
      const objectionDueAt = stageDeadline('objection', scope(), now, ctx);
      const mk = (departmentId: string, role: Assignment['role']): Assignment => ({
        id: ctx.newId(),
        departmentId,
        role,
        status: 'pending',
        assignedAt: now.toISOString(),
        dueAt,
        objectionDueAt,
      });
      data.assignments = [mk(p.leadDepartmentId, 'lead'), ...co.map((d) => mk(d, 'co'))];
      break;
    }
    case 'publishToPool':
      if (new Set(p.departmentIds).size !== p.departmentIds.length)
        throw ruleViolation('DUPLICATE_POOL_DEPARTMENT');
      data.departmentIds = p.departmentIds;
      break;
    case 'claim':
      data.assignment = {
        id: ctx.newId(),
        departmentId: actor.departmentId!,
        role: 'lead',
        status: 'acknowledged',
        assignedAt: now.toISOString(),
        dueAt: state.resolveBy,
        objectionDueAt: null,
      } satisfies Assignment;
      break;
    case 'acknowledge':
    case 'object': {
      const a = currentAssignment(state, actor)!;
      if (a.status !== 'pending') throw ruleViolation('ASSIGNMENT_NOT_PENDING');
      if (action === 'object' && a.objectionDueAt && now.getTime() > Date.parse(a.objectionDueAt))
        throw ruleViolation('OBJECTION_WINDOW_CLOSED', { until: a.objectionDueAt });
      if (a.role === 'lead' && state.status !== 'dispatched')
        throw ruleViolation('LEAD_ALREADY_ACKNOWLEDGED');
      data.assignmentId = a.id;
      outcome = a.role;
      break;
    }
    case 'requestExtension':
      data.workingDays = p.workingDays;
      break;
    case 'grantExtension': {
      const req = state.extensionRequest!;
      const base = state.resolveBy ? new Date(state.resolveBy) : now;
      const extended = cal.addWorkingDays(base, req.workingDays);
      data.resolveBy = state.kind === 'petition' ? petitionExtended(base, extended) : extended.toISOString();
      data.workingDays = req.workingDays;
      break;
    }
    case 'reportResult':
      data.verifyBy = stageDeadline('verify', scope(), now, ctx);
      data.result = p.result;
      break;
    case 'verify':
      outcome = p.passed ? 'passed' : 'failed';
      data.passed = p.passed;
      if (p.passed) data.callbackBy = stageDeadline('callback', scope(), now, ctx);
      break;
    case 'callback':
    case 'rate':
      data.satisfaction = p.satisfaction;
      break;
    case 'skipCallback':
      if (state.kind !== 'hazard' && state.hasContactPhone) throw ruleViolation('CALLBACK_REQUIRED');
      break;
    case 'reopen':
      if (state.satisfaction !== 'dissatisfied') throw ruleViolation('REOPEN_NEEDS_DISSATISFACTION');
      Object.assign(data, {
        complexity: state.complexity,
        colour: state.colour,
        committedWorkingDays: state.committedWorkingDays,
        resolveBy: stageDeadline('resolve', scope(), now, ctx, state.committedWorkingDays),
      });
      break;
    case 'close':
      if (state.satisfaction === 'dissatisfied') throw ruleViolation('DISSATISFIED_MUST_REOPEN');
      break;
    case 'merge':
      if (p.targetCaseId === state.id) throw ruleViolation('MERGE_INTO_SELF');
      data.targetCaseId = p.targetCaseId;
      break;
    case 'attachDuplicate':
      data.duplicateCaseId = p.duplicateCaseId;
      break;
    case 'recordMediationDocument':
      Object.assign(data, { kind: p.kind, documentId: p.documentId, sha256: p.sha256 });
      break;
    case 'startMediation':
      if (state.kind !== 'dispute') throw ruleViolation('MEDIATION_DISPUTES_ONLY');
      break;
    case 'recordMediationOutcome':
      outcome = p.outcome;
      data.outcome = p.outcome;
      if (p.outcome === 'agreement' && state.hasContactPhone)
        data.callbackBy = stageDeadline('callback', scope(), now, ctx);
      break;
    case 'urge':
      data.automatic = actor.userId === SYSTEM_ACTOR.userId;
      break;
    case 'supervise':
      Object.assign(data, {
        automatic: actor.userId === SYSTEM_ACTOR.userId,
        workingDays: p.workingDays,
        dueAt: cal.addWorkingDays(now, p.workingDays).toISOString(),
      });
      break;
    case 'warnDueSoon':
    case 'markOverdue':
      Object.assign(data, { stage: p.stage, deadline: p.deadline });
      break;
    case 'anonymise':
      Object.assign(data, { description: ANONYMISED, retentionDays: p.retentionDays });
      break;
    case 'requestInfo':
      Object.assign(data, { infoRequestId: p.infoRequestId, expiresAt: p.expiresAt });
      break;
    case 'receiveInfo':
      data.infoRequestId = p.infoRequestId;
      break;
    case 'referToPartner':
      Object.assign(data, { referralId: p.referralId, partner: p.partner });
      break;
    case 'recordPartnerReply':
      Object.assign(data, { referralId: p.referralId, stage: p.stage, outcome: p.outcome ?? null });
      break;
    case 'escalate': {
      const i = state.regionPath.indexOf(state.ownerRegionId);
      if (i <= 0) throw ruleViolation('ALREADY_AT_TOP');
      data.fromRegionId = state.ownerRegionId;
      data.toRegionId = state.regionPath[i - 1];
      break;
    }
    default:
      break;
  }

  const event: CaseEvent = {
    type: rule.event,
    at: now.toISOString(),
    actor: { id: actor.userId, role: actor.role },
    fromStatus: state.status,
    toStatus: nextStatus(rule, state.status, outcome),
    reason,
    data,
  };
  return { state: evolve(state, event), event };
}

export function nextStatus(rule: TransitionRule, from: CaseStatus, outcome?: string): CaseStatus {
  const to = typeof rule.to === 'string' ? rule.to : rule.to[outcome ?? ''];
  if (!to) throw new Error(`no outcome ${outcome}`);
  return to === 'same' ? from : to;
}

/** A representative payload, used to ask "would the rules allow this action now". */
function sampleFor(action: CaseAction, state: CaseState): Record<string, any> {
  switch (action) {
    case 'triage':
      return { complexity: 'complex', colour: 'yellow' };
    case 'dispatch':
    case 'redispatch':
      return { leadDepartmentId: '_', coDepartmentIds: [], reason: '_' };
    case 'publishToPool':
      return { departmentIds: ['_a', '_b'] };
    case 'callback':
      return { satisfaction: 'satisfied' };
    case 'rate':
      return { satisfaction: 'satisfied' };
    case 'verify':
      return { passed: true, note: '_' };
    case 'requestExtension':
      return { workingDays: 1, reason: '_' };
    case 'merge':
      return { targetCaseId: `${state.id}_other` };
    case 'recordMediationOutcome':
      return { outcome: 'agreement', note: '_' };
    case 'supervise':
      return { reason: '_', workingDays: 1 };
    default:
      return { reason: '_', note: '_', result: '_' };
  }
}

export type { Role };
