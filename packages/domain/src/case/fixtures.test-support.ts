import { createWeekendCalendar } from '../time/calendar.ts';
import type { LifecycleContext } from './lifecycle.ts';
import type { Actor, Assignment, CaseState, CaseStatus } from './types.ts';

export const NOW = new Date('2024-06-12T02:00:00Z'); // a Wednesday, 10:00 in Shanghai

export function ctx(now = NOW): LifecycleContext {
  let n = 0;
  return { now, calendar: createWeekendCalendar(), newId: () => `id-${++n}` };
}

export const actors = {
  dispatcher: { userId: 'u-disp', role: 'dispatcher', regionId: 'county', departmentId: null },
  townDispatcher: { userId: 'u-tdisp', role: 'dispatcher', regionId: 'town-a', departmentId: null },
  otherTownDispatcher: { userId: 'u-odisp', role: 'dispatcher', regionId: 'town-b', departmentId: null },
  operator: { userId: 'u-op', role: 'operator', regionId: 'county', departmentId: null },
  lead: { userId: 'u-lead', role: 'handler', regionId: null, departmentId: 'd-lead' },
  co: { userId: 'u-co', role: 'handler', regionId: null, departmentId: 'd-co' },
  otherDept: { userId: 'u-x', role: 'handler', regionId: null, departmentId: 'd-x' },
  gridWorker: { userId: 'u-gw', role: 'grid_worker', regionId: 'village-1', departmentId: null },
  resident: { userId: 'u-res', role: 'resident', regionId: null, departmentId: null },
  otherResident: { userId: 'u-res2', role: 'resident', regionId: null, departmentId: null },
  mediator: { userId: 'u-med', role: 'mediator', regionId: 'town-a', departmentId: null },
  leader: { userId: 'u-lead0', role: 'leader', regionId: 'county', departmentId: null },
} satisfies Record<string, Actor>;

const t = (h: number) => new Date(NOW.getTime() + h * 3600_000).toISOString();

/** A case as it would stand in the given status, with what that status implies. */
export function caseIn(status: CaseStatus, over: Partial<CaseState> = {}): CaseState {
  const assignment = (s: 'pending' | 'acknowledged' | 'objected' | 'done'): Assignment[] => [
    {
      id: 'a-lead',
      departmentId: 'd-lead',
      role: 'lead' as const,
      status: s,
      assignedAt: t(-1),
      dueAt: t(48),
      objectionDueAt: t(7),
    },
    {
      id: 'a-co',
      departmentId: 'd-co',
      role: 'co' as const,
      status: s === 'done' ? 'done' : 'pending',
      assignedAt: t(-1),
      dueAt: t(48),
      objectionDueAt: t(7),
    },
  ];
  const byStatus: Partial<Record<CaseStatus, Partial<CaseState>>> = {
    dispatched: { assignments: assignment('pending') },
    objected: { assignments: assignment('objected') },
    in_progress: { assignments: assignment('acknowledged') },
    extension_requested: {
      assignments: assignment('acknowledged'),
      extensionRequest: { workingDays: 3, reason: 'r' },
    },
    resolved: { assignments: assignment('done') },
    in_pool: { poolDepartmentIds: ['d-lead', 'd-co'] },
    called_back: { satisfaction: 'satisfied' },
  };
  const triaged = !['submitted', 'accepted'].includes(status);
  return {
    id: 'case-1',
    countyId: 'county',
    trackingCode: 'HW-240612-ABCDEF',
    kind: 'dispute',
    channel: 'hotline',
    categoryCode: '0101',
    description: '邻居装修噪音扰民',
    address: '某村1号',
    lat: null,
    lon: null,
    regionPath: ['county', 'town-a', 'village-1'],
    gridId: null,
    ownerRegionId: 'village-1',
    complexity: triaged ? 'simple' : null,
    colour: triaged ? 'green' : null,
    status,
    version: 3,
    applicantUserId: 'u-res',
    hasContactPhone: true,
    assignments: [],
    poolDepartmentIds: [],
    acceptBy: null,
    resolveBy: triaged ? t(48) : null,
    verifyBy: null,
    callbackBy: null,
    committedWorkingDays: null,
    extensionRequest: null,
    satisfaction: null,
    reopenCount: 0,
    mergedIntoId: null,
    mediationOutcome: null,
    createdAt: t(-2),
    updatedAt: t(-1),
    closedAt: ['closed', 'rejected', 'withdrawn', 'merged'].includes(status) ? t(-1) : null,
    ...byStatus[status],
    ...over,
  };
}
