import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client.ts';
import type { CaseSummary } from '../../lib/api/types.ts';

export interface HotTopic {
  key: string;
  label: string;
  regionId: string;
  regionName: string;
  categoryCode: string;
  categoryName: string;
  keywords: string[];
  count: number;
  previousCount: number;
  open: number;
  daily: { day: string; n: number }[];
  samples: CaseSummary[];
  caseIds: string[];
}

export type WarningState = 'open' | 'acknowledged' | 'handled' | 'dismissed';
export type WarningAction = 'acknowledge' | 'handle' | 'dismiss' | 'reopen';

export interface Warning {
  id: string;
  kind: string;
  level: string;
  colour: 'blue' | 'yellow' | 'orange' | 'red';
  regionId: string;
  regionName: string;
  title: string;
  facts: Record<string, unknown>;
  detectedAt: string;
  state: WarningState;
  history: { action: string; note: string | null; actorId: string; at: string }[];
  caseCount: number;
  cases: CaseSummary[];
}

export interface CategoryTrends {
  days: string[];
  items: { code: string; name: string; total: number; last7: number; previous7: number; daily: number[] }[];
}

export const analysisKeys = {
  topics: (days: number, regionId?: string) => ['analysis', 'topics', days, regionId ?? ''] as const,
  warnings: (state?: string, kind?: string, regionId?: string) =>
    ['analysis', 'warnings', state ?? '', kind ?? '', regionId ?? ''] as const,
  trends: (days: number, regionId?: string) => ['analysis', 'trends', days, regionId ?? ''] as const,
};

export function useHotTopics(days: number, regionId?: string, refreshMs = 60_000) {
  return useQuery({
    queryKey: analysisKeys.topics(days, regionId),
    queryFn: ({ signal }) =>
      api.get<{ items: HotTopic[] }>('/analysis/hot-topics', { days, regionId }, signal).then((r) => r.items),
    refetchInterval: refreshMs,
  });
}

export function useWarnings(
  q: { state?: WarningState; kind?: string; regionId?: string; limit?: number },
  refreshMs = 30_000,
) {
  return useQuery({
    queryKey: [...analysisKeys.warnings(q.state, q.kind, q.regionId), q.limit ?? 50],
    queryFn: ({ signal }) =>
      api.get<{ items: Warning[] }>('/warnings', { ...q, limit: q.limit ?? 50 }, signal).then((r) => r.items),
    refetchInterval: refreshMs,
  });
}

export function useCategoryTrends(days: number, regionId?: string) {
  return useQuery({
    queryKey: analysisKeys.trends(days, regionId),
    queryFn: ({ signal }) => api.get<CategoryTrends>('/analysis/category-trends', { days, regionId }, signal),
    refetchInterval: 60_000,
  });
}

export function useWarningAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: { id: string; action: WarningAction; note?: string }) =>
      api.post<Warning>(`/warnings/${encodeURIComponent(p.id)}/actions`, {
        action: p.action,
        note: p.note || null,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['analysis', 'warnings'] }),
  });
}

export function useWarningScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ created: number }>('/warnings/scan'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['analysis', 'warnings'] }),
  });
}
