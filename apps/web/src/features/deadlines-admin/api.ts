import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api/client.ts';

export type Unit = 'minutes' | 'hours' | 'working_hours' | 'working_days' | 'calendar_days';
export type Stage = 'accept' | 'resolve' | 'verify' | 'callback' | 'objection';
export type Colour = 'red' | 'orange' | 'yellow' | 'green';
export const UNITS: Unit[] = ['minutes', 'hours', 'working_hours', 'working_days', 'calendar_days'];
export const STAGES: Stage[] = ['accept', 'resolve', 'verify', 'callback', 'objection'];
export const COLOURS: Colour[] = ['red', 'orange', 'yellow', 'green'];

export interface Policy {
  colour: Colour;
  stage: Stage;
  amount: number;
  unit: Unit;
  categoryCode?: string;
  regionId?: string;
}
export interface Span {
  amount: number;
  unit: Unit;
}
export interface Ladder {
  colour: Colour;
  dueSoonFraction: number;
  urgeAfter: Span | null;
  superviseAfter: Span | null;
  superviseWorkingDays: number;
  escalateAfter: Span[];
  stages: Stage[];
}
export interface HistoryEntry {
  version: number;
  changedBy: string;
  changedAt: string;
  reason: string;
}
export interface Policies {
  version: number;
  policies: Policy[];
  defaults: Policy[];
  escalation: Ladder[];
  escalationDefaults: Ladder[];
  history: HistoryEntry[];
}
export interface HolidayYear {
  year: number;
  published: boolean;
  verified: boolean;
  source: string;
  notes: string | null;
  holidays: string[];
  makeUpWorkdays: string[];
  version: number;
  history?: HistoryEntry[];
}

const keys = {
  policies: ['deadlines-admin', 'policies'] as const,
  years: ['deadlines-admin', 'years'] as const,
  year: (y: number) => ['deadlines-admin', 'years', y] as const,
};

export function usePolicies() {
  return useQuery({ queryKey: keys.policies, queryFn: () => api.get<Policies>('/deadline-policies') });
}

export function useSavePolicies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { baseVersion: number; policies: Policy[]; escalation?: Ladder[]; reason: string }) =>
      request<Policies>('PUT', '/deadline-policies', { body }),
    onSuccess: (data) => qc.setQueryData(keys.policies, data),
  });
}

export function useYears() {
  return useQuery({
    queryKey: keys.years,
    queryFn: async () => (await api.get<{ items: HolidayYear[] }>('/calendar/years')).items,
  });
}

export function useYear(year: number) {
  return useQuery({
    queryKey: keys.year(year),
    queryFn: () => api.get<HolidayYear>(`/calendar/years/${year}`),
  });
}

export function useSaveYear(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      baseVersion: number;
      published: boolean;
      source: string;
      holidays: string[];
      makeUpWorkdays: string[];
      reason: string;
    }) => request<HolidayYear>('PUT', `/calendar/years/${year}`, { body }),
    onSuccess: (data) => {
      qc.setQueryData(keys.year(year), data);
      void qc.invalidateQueries({ queryKey: keys.years });
    },
  });
}
