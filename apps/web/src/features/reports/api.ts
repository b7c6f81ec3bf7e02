import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client.ts';
import { currentLocale } from '../../lib/i18n/locale-state.ts';

export type Subject = 'town' | 'department' | 'grid_worker';
export type MetricKey = 'onTime' | 'satisfaction' | 'objection' | 'reopen' | 'verifyOnTime';

export interface Ranking {
  subject: Subject;
  from: string;
  to: string;
  formula: string;
  metrics: { key: MetricKey; label: string; formula: string; weight: number; good: boolean }[];
  items: {
    id: string;
    name: string;
    cases: number;
    metrics: {
      key: MetricKey;
      numerator: number;
      denominator: number;
      rate: number | null;
      weight: number;
      good: boolean;
    }[];
    trainingPoints: number;
    score: number | null;
    rank: number | null;
    flagged: boolean;
  }[];
}

export interface ScreeningRow {
  regionId: string;
  name: string;
  level: string;
  depth: number;
  screened: number;
  mediated: number;
  succeeded: number;
  successRate: number | null;
}

export interface LedgerRow {
  no: number;
  caseId: string;
  trackingCode: string;
  registeredAt: string;
  place: string;
  category: string;
  parties: string;
  summary: string;
  status: string;
  leadDepartment: string;
  leaderInCharge: string;
  closedAt: string | null;
}

export interface Range {
  from: string;
  to: string;
}

export function useRanking(subject: Subject, range: Range) {
  return useQuery({
    queryKey: ['reports', 'ranking', subject, range.from, range.to],
    queryFn: ({ signal }) => api.get<Ranking>('/assessments', { subject, ...range }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useExplain(q: { subject: Subject; id: string; metric: MetricKey } | null, range: Range) {
  return useQuery({
    queryKey: ['reports', 'explain', q, range.from, range.to],
    queryFn: ({ signal }) =>
      api
        .get<{ items: { caseId: string; trackingCode: string; counted: boolean }[] }>(
          '/assessments/explain',
          { ...q!, ...range },
          signal,
        )
        .then((r) => r.items),
    enabled: !!q,
  });
}

export type ReportKind = 'screening' | 'ledger';

export function useReport<T>(kind: ReportKind, of: string) {
  return useQuery({
    queryKey: ['reports', kind, of],
    queryFn: ({ signal }) => api.get<{ period: string; rows: T[] }>(`/reports/${kind}`, { of }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Downloads a report file in the interface's language (a plain link would send the browser's). */
export async function downloadReport(kind: ReportKind, of: string, format: 'xlsx' | 'pdf') {
  const res = await fetch(`/api/v1/reports/${kind}?of=${encodeURIComponent(of)}&format=${format}`, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLocale() },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${kind}-${of}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
