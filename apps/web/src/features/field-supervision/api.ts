import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client.ts';
import type { DueState } from '../../lib/api/types.ts';
import { currentLocale } from '../../lib/i18n/locale-state.ts';

/** Local dates (Asia/Shanghai), both included. */
export interface DateRange {
  from: string;
  to: string;
}

/** One grid worker's work record for the range (GET /field/records). */
export interface WorkerRecord {
  workerId: string;
  name: string;
  regionId: string | null;
  patrols: number;
  patrolPoints: number;
  coverage: number | null;
  visits: number;
  followUpsDue: number;
  followUpsDone: number;
  followUpsOverdue: number;
  watchedVisitsExpected: number;
  watchedVisitsDone: number;
  reports: number;
  onSpotResolutions: number;
  verifications: number;
  verificationsOnTime: number;
}

export interface PatrolPoint {
  patrolId: string;
  seq: number;
  at: string;
  lat: number;
  lon: number;
  gridId: string | null;
  note: string | null;
}

export interface Patrol {
  id: string;
  startedAt: string;
  endedAt: string | null;
  note: string | null;
  points: PatrolPoint[];
}

export interface WorkerVisit {
  id: string;
  kind: string;
  householdId: string;
  watchedPersonId: string | null;
  taskId: string | null;
  at: string;
  lat: number | null;
  lon: number | null;
  note: string;
}

export interface WorkerFollowUp {
  id: string;
  householdId: string;
  level: string;
  dueDate: string;
  status: string;
  dueState: DueState | null;
  doneAt: string | null;
  address: string | null;
}

/** A grid worker's day or week (GET /field/workers/:id/days). */
export interface WorkerDays {
  worker: { id: string; name: string; regionId: string | null };
  patrols: Patrol[];
  visits: WorkerVisit[];
  followUps: WorkerFollowUp[];
}

export function useWorkerRecords(range: DateRange) {
  return useQuery({
    queryKey: ['field-supervision', 'records', range, currentLocale()],
    queryFn: () =>
      api.get<{ items: WorkerRecord[] }>(
        `/field/records?${new URLSearchParams({ from: range.from, to: range.to })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useWorkerDays(workerId: string | null, range: DateRange) {
  return useQuery({
    queryKey: ['field-supervision', 'days', workerId, range],
    enabled: !!workerId,
    queryFn: () =>
      api.get<WorkerDays>(
        `/field/workers/${workerId}/days?${new URLSearchParams({ from: range.from, to: range.to })}`,
      ),
    placeholderData: keepPreviousData,
  });
}
