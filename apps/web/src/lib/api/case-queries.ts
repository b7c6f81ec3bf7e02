import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Case, CaseSummary, Page, TimelineEvent } from './types.ts';

export interface CaseFilters {
  status?: string;
  colour?: string;
  kind?: string;
  categoryCode?: string;
  regionId?: string;
  channel?: string;
  due?: 'overdue' | 'due_soon';
  q?: string;
  mine?: boolean;
}

/** Every case query key starts with 'cases', so one invalidation refreshes every board. */
export const caseKeys = {
  all: ['cases'] as const,
  lists: () => ['cases', 'list'] as const,
  list: (filters: CaseFilters, limit: number) => ['cases', 'list', filters, limit] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  timeline: (id: string) => ['cases', 'timeline', id] as const,
};

export const fetchCasePage = (filters: CaseFilters, limit: number, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<CaseSummary>>('/cases', { ...filters, limit, cursor }, signal);

export function useCaseList(filters: CaseFilters, options: { poll?: boolean; limit?: number } = {}) {
  const limit = options.limit ?? 50;
  const query = useInfiniteQuery({
    queryKey: caseKeys.list(filters, limit),
    queryFn: ({ pageParam, signal }) => fetchCasePage(filters, limit, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: options.poll ? 5_000 : false,
    placeholderData: keepPreviousData,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Case>(`/cases/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCaseTimeline(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.timeline(id ?? ''),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: TimelineEvent[] }>(
          `/cases/${encodeURIComponent(id!)}/timeline`,
          undefined,
          signal,
        )
      ).items,
    enabled: !!id,
  });
}
