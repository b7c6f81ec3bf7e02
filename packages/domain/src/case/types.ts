export const CASE_KINDS = [
  'dispute',
  'complaint',
  'petition',
  'suggestion',
  'consultation',
  'hazard',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CHANNELS = [
  'hotline',
  'app',
  'web',
  'walk_in',
  'letter',
  'grid_report',
  'online_forum',
  'open311',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const COLOURS = ['red', 'orange', 'yellow', 'green'] as const;
export type Colour = (typeof COLOURS)[number];
export type Complexity = 'simple' | 'complex';
export type Satisfaction = 'satisfied' | 'partly' | 'dissatisfied';

export const STATUSES = [
  'submitted',
  'accepted',
  'triaged',
  'in_pool',
  'dispatched',
  'objected',
  'in_progress',
  'extension_requested',
  'resolved',
  'verified',
  'called_back',
  'in_mediation',
  'closed',
  'rejected',
  'withdrawn',
  'merged',
] as const;
export type CaseStatus = (typeof STATUSES)[number];
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['closed', 'rejected', 'withdrawn', 'merged'];

export const ROLES = [
  'resident',
  'operator',
  'grid_worker',
  'dispatcher',
  'handler',
  'mediator',
  'expert',
  'counsellor',
  'supervisor',
  'leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export type AssignmentRole = 'lead' | 'co';
export type AssignmentStatus = 'pending' | 'acknowledged' | 'objected' | 'done' | 'withdrawn';

export interface Assignment {
  id: string;
  departmentId: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  assignedAt: string;
  dueAt: string | null;
  objectionDueAt: string | null;
}

/** The case as the lifecycle sees it. Times are ISO strings so a state can be compared and replayed. */
export interface CaseState {
  id: string;
  countyId: string;
  trackingCode: string;
  kind: CaseKind;
  channel: Channel;
  categoryCode: string;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  /** region ids from the county down to the case's region */
  regionPath: string[];
  gridId: string | null;
  /** the center (by its region) whose queue holds the case */
  ownerRegionId: string;
  complexity: Complexity | null;
  colour: Colour | null;
  status: CaseStatus;
  version: number;
  applicantUserId: string | null;
  hasContactPhone: boolean;
  assignments: Assignment[];
  poolDepartmentIds: string[];
  acceptBy: string | null;
  resolveBy: string | null;
  verifyBy: string | null;
  callbackBy: string | null;
  committedWorkingDays: number | null;
  extensionRequest: { workingDays: number; reason: string } | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
  mergedIntoId: string | null;
  mediationOutcome: 'agreement' | 'failed' | 'referred' | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface Actor {
  userId: string;
  role: Role;
  /** staff scope: the region the staff member works in */
  regionId: string | null;
  departmentId: string | null;
}

export interface CaseEvent {
  type: string;
  at: string;
  actor: { id: string; role: Role | 'system' };
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  reason: string | null;
  data: Record<string, unknown>;
}
