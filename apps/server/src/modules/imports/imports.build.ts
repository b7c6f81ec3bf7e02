import {
  type Actor,
  applyTransition,
  type CaseAction,
  type CaseEvent,
  type CaseState,
  type LifecycleContext,
  openCase,
  TRANSITIONS,
  type TransitionRule,
} from '@hewei/domain';
import { trackingCode, uuidv7 } from '../../lib/ids.ts';
import type { OrgDirectory } from '../org/org.directory.ts';
import type { SourceStatus, WorkOrder } from './imports.mapping.ts';

type Ctx = Omit<LifecycleContext, 'now' | 'newId'>;
export interface Built {
  before: CaseState | null;
  state: CaseState;
  events: CaseEvent[];
}

/** The steps of the closed loop that bring a case to where the source system says it is. */
function stepsTo(o: WorkOrder): CaseAction[] {
  const handled = o.departmentId !== null;
  switch (o.status) {
    case 'pending':
      return [];
    case 'accepted':
      return ['accept'];
    case 'in_progress':
      return handled ? ['accept', 'triage', 'dispatch', 'acknowledge'] : ['accept', 'triage'];
    case 'closed':
      return handled
        ? ['accept', 'triage', 'dispatch', 'acknowledge', 'reportResult', 'verify', 'callback', 'close']
        : ['resolveOnSpot', 'callback', 'close'];
    case 'rejected':
      return ['reject'];
    case 'withdrawn':
      return ['withdraw'];
  }
}

const FINAL: Record<SourceStatus, string[]> = {
  pending: ['submitted'],
  accepted: ['accepted'],
  in_progress: ['triaged', 'in_progress'],
  closed: ['closed', 'called_back'],
  rejected: ['rejected'],
  withdrawn: ['withdrawn'],
};

/**
 * Lives a work order through the domain in memory, as the demo simulation does: a new case is
 * opened at its receipt time; an existing one is moved on from where it stands. Every step is the
 * lifecycle's own transition, acted by the import's named actors, so the timeline replays.
 */
export function buildCase(
  o: WorkOrder,
  before: CaseState | null,
  p: { countyId: string; source: string; org: OrgDirectory; ctx: Ctx; now: Date },
): Built {
  const who = `import:${p.source}`;
  const as = (role: Actor['role'], departmentId: string | null = null): Actor => ({
    userId: who,
    role,
    regionId: departmentId ? null : p.countyId,
    departmentId,
  });
  const steps = stepsTo(o);
  const start = before
    ? Math.max(Date.parse(before.updatedAt) + 1000, o.receivedAt.getTime())
    : o.receivedAt.getTime();
  const end = o.closedAt
    ? Math.max(o.closedAt.getTime(), start + steps.length * 1000)
    : start + steps.length * 60_000;
  const at = (k: number) =>
    new Date(Math.min(start + ((end - start) * k) / Math.max(steps.length, 1), Math.max(end, start)));
  const mkCtx = (now: Date): LifecycleContext => ({ ...p.ctx, now, newId: () => uuidv7(now.getTime()) });
  const events: CaseEvent[] = [];
  let state = before;
  if (!state) {
    const region = p.org.region(o.regionId ?? p.countyId)!;
    const opened = openCase(
      {
        id: uuidv7(start),
        countyId: p.countyId,
        trackingCode: trackingCode(new Date(start)),
        kind: o.kind,
        channel: 'hotline',
        categoryCode: o.categoryCode,
        description: o.content,
        urgent: o.urgent && o.departmentId !== null,
        address: o.address,
        lat: null,
        lon: null,
        regionPath: region.path,
        gridId: null,
        ownerRegionId: region.id,
        applicantUserId: null,
        hasContactPhone: o.callerPhone !== null,
      },
      as('operator'),
      mkCtx(new Date(start)),
    );
    state = opened.state;
    events.push(opened.event);
  }
  for (const [k, step] of steps.entries()) {
    const action: CaseAction = step === 'callback' && !state.hasContactPhone ? 'skipCallback' : step;
    if (!(TRANSITIONS[action] as TransitionRule).from.includes(state.status)) continue;
    const { payload, actor } = stepOf(action, o, state, as);
    if (!actor) continue;
    try {
      const r = applyTransition(state, action, payload, actor, mkCtx(at(k + 1)));
      state = r.state;
      events.push(r.event);
    } catch (e) {
      // a dissatisfied resident keeps the case open for a second dispatch: the loop stops there
      if (action === 'close') break;
      throw e;
    }
  }
  if (!FINAL[o.status].includes(state.status)) throw new StatusConflict(state.status);
  return { before, state, events };
}

export class StatusConflict extends Error {
  readonly current: string;
  constructor(current: string) {
    super(`case is ${current}`);
    this.current = current;
  }
}

function stepOf(
  action: CaseAction,
  o: WorkOrder,
  s: CaseState,
  as: (role: Actor['role'], dept?: string | null) => Actor,
): { payload: Record<string, unknown>; actor: Actor | null } {
  const note = '12345 工单导入';
  switch (action) {
    case 'accept':
      return { payload: { note }, actor: as('dispatcher') };
    case 'triage':
      return {
        payload: { colour: s.colour === 'red' ? 'red' : 'yellow', complexity: 'complex' },
        actor: as('dispatcher'),
      };
    case 'dispatch':
      return { payload: { leadDepartmentId: o.departmentId, note }, actor: as('dispatcher') };
    case 'acknowledge': {
      const lead = s.assignments.find((a) => a.role === 'lead' && a.status === 'pending');
      return { payload: {}, actor: lead ? as('handler', lead.departmentId) : null };
    }
    case 'reportResult': {
      const lead = s.assignments.find((a) => a.role === 'lead' && a.status === 'acknowledged');
      return {
        payload: { result: o.result ?? '已办结' },
        actor: lead ? as('handler', lead.departmentId) : null,
      };
    }
    case 'verify':
      return { payload: { passed: true, note }, actor: as('grid_worker') };
    case 'resolveOnSpot':
      return { payload: { note: o.result ?? '热线直接答复' }, actor: as('operator') };
    case 'callback':
      return { payload: { satisfaction: o.satisfaction, note }, actor: as('operator') };
    case 'skipCallback':
      return { payload: { reason: '来电未留号码，无法回访' }, actor: as('operator') };
    case 'close':
      return { payload: { note }, actor: as('dispatcher') };
    case 'reject':
    case 'withdraw':
      return { payload: { reason: o.result ?? '12345 系统记录' }, actor: as('dispatcher') };
    default:
      return { payload: {}, actor: null };
  }
}
