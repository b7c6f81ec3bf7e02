export type Role =
  | 'resident'
  | 'operator'
  | 'grid_worker'
  | 'dispatcher'
  | 'handler'
  | 'mediator'
  | 'expert'
  | 'counsellor'
  | 'supervisor'
  | 'leader'
  | 'admin';

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

export type DueState = 'on_time' | 'due_soon' | 'overdue';
export type Satisfaction = 'satisfied' | 'partly' | 'dissatisfied';
export type PartyRole = 'applicant' | 'respondent' | 'third_party';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string | null;
  regionName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  countyId: string | null;
}

export interface Region {
  id: string;
  name: string;
  level: 'county' | 'town' | 'village';
  parentId: string | null;
}

export interface Department {
  id: string;
  name: string;
  regionId: string | null;
}

export interface Category {
  code: string;
  name: string;
  parentCode: string | null;
  kinds: string[];
}

export interface CaseSummary {
  id: string;
  trackingCode: string;
  kind: CaseKind;
  channel: Channel;
  categoryCode: string;
  categoryName: string;
  description: string;
  status: CaseStatus;
  colour: Colour | null;
  complexity: 'simple' | 'complex' | null;
  regionId: string | null;
  regionName: string | null;
  createdAt: string;
  dueAt: string | null;
  dueState: DueState | null;
}

export interface Party {
  id: string;
  role: PartyRole;
  name: string;
  phone: string | null;
  idNumber: string | null;
}

export interface Assignment {
  id: string;
  departmentId: string;
  departmentName: string;
  role: 'lead' | 'co';
  status: 'pending' | 'acknowledged' | 'objected' | 'done' | 'withdrawn';
  dueAt: string | null;
  objectionDueAt: string | null;
}

export interface Case extends CaseSummary {
  place: {
    address: string | null;
    lat: number | null;
    lon: number | null;
    regionId: string | null;
    gridId: string | null;
  };
  parties: Party[];
  assignments: Assignment[];
  poolDepartmentIds: string[];
  deadlines: {
    acceptBy: string | null;
    resolveBy: string | null;
    verifyBy: string | null;
    callbackBy: string | null;
  };
  satisfaction: Satisfaction | null;
  reopenCount: number;
  mergedIntoId: string | null;
  version: number;
  allowedActions: string[];
}

export interface TimelineEvent {
  /** Not sent by the server today: seq identifies an event within its case. */
  id?: string;
  seq: number;
  type: string;
  at: string;
  actor: { id: string; name: string; role: string } | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TrackResult {
  trackingCode: string;
  status: CaseStatus;
  kind: CaseKind;
  categoryName: string;
  createdAt: string;
  closedAt?: string | null;
  timeline: { type: string; at: string; toStatus?: string | null }[];
}

export interface NewCase {
  kind: CaseKind;
  channel: Channel;
  categoryCode: string;
  description: string;
  place: { address?: string; lat?: number; lon?: number; regionId?: string };
  parties?: { role: PartyRole; name: string; phone?: string; idNumber?: string }[];
  applicantPhone?: string;
}
