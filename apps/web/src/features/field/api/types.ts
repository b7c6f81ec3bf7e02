import type { CaseStatus, Colour } from '../../../lib/api/types.ts';

export interface FieldCase {
  id: string;
  trackingCode: string;
  version: number;
  status: CaseStatus;
  colour: Colour | null;
  kind: string;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  categoryCode: string;
  categoryName: string;
  dueAt: string | null;
  allowedActions: string[];
}

export interface FollowUp {
  id: string;
  householdId: string;
  level: string;
  dueDate: string;
  dueState: 'on_time' | 'due_soon' | 'overdue' | null;
  status: string;
  address: string | null;
  headName: string | null;
}

export interface Household {
  id: string;
  regionName: string;
  address: string;
  headName: string;
  headPhone: string | null;
  memberCount: number;
  lat: number | null;
  lon: number | null;
  risk: {
    level: string;
    cadence: string;
    warning: string | null;
    handlerName: string | null;
    handlerRegionName: string | null;
  };
  regrade: { caseId: string; suggestedLevel: string } | null;
  version: number;
}

export interface Today {
  date: string;
  generatedAt: string;
  verifications: FieldCase[];
  onSpot: FieldCase[];
  followUps: FollowUp[];
  upcoming: FollowUp[];
  households: Household[];
  categories: { code: string; name: string; kinds: string[] }[];
  screenings?: Screening[];
}

/** A dispute screening campaign with its form, answered household by household. */
export interface Screening {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  form: {
    key: string;
    label: string;
    labelEn: string;
    type: 'yes_no' | 'text' | 'choice';
    options?: string[];
    required?: boolean;
    flagsDispute?: boolean;
  }[];
}

export const SYNC_KINDS = [
  'patrol.start',
  'patrol.point',
  'patrol.stop',
  'visit.record',
  'case.report',
  'case.act',
  'screening.respond',
] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

export interface CaseConflict {
  caseId: string;
  yourVersion: number;
  current: { version: number; status: string; allowedActions: string[] };
  differs: { field: string; was: unknown; now: unknown }[];
  changes: {
    seq: number;
    type: string;
    at: string;
    actorName: string;
    toStatus: string;
    reason: string | null;
  }[];
}

/** One action taken on the phone, kept until the server has it (in order, once, by its key). */
export interface QueuedAction {
  seq?: number;
  key: string;
  kind: SyncKind;
  payload: Record<string, unknown>;
  /** photos (by sha-256) that must be uploaded before the action is sent */
  photos: string[];
  createdAt: string;
  state: 'pending' | 'conflict' | 'rejected';
  conflict?: CaseConflict;
  error?: { code: string; message: string; field?: string };
}

export interface SyncResult {
  key: string;
  outcome: 'applied' | 'duplicate' | 'conflict' | 'rejected' | 'retry';
  result?: Record<string, unknown>;
  conflict?: CaseConflict;
  error?: { code: string; message: string; field?: string };
}

export interface Visit {
  id: string;
  kind: string;
  at: string;
  note: string;
  workerName: string;
  photos: number;
}

/** One entry of the grid register (人、房、物/场所、组织); people of concern carry their visit cadence. */
export interface RegisterEntry {
  id: string;
  kind: 'person' | 'building' | 'place' | 'organisation';
  regionId: string;
  gridId?: string | null;
  name: string;
  address?: string | null;
  householdId?: string | null;
  /** masked */
  phone?: string | null;
  /** masked */
  idNumber?: string | null;
  concern?: string | null;
  visitsPerWeek?: number | null;
  visitsLast7Days?: number;
  behind?: boolean;
  details?: Record<string, string | number | boolean>;
  createdAt: string;
}

export interface RegisterInput {
  kind: RegisterEntry['kind'];
  name: string;
  address?: string;
  phone?: string;
  idNumber?: string;
  concern?: string;
  visitsPerWeek?: number;
}
