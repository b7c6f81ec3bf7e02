import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCaseEvents } from './case-events.ts';
import { caseKeys } from './case-keys.ts';
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

export { caseKeys };

export const fetchCasePage = (filters: CaseFilters, limit: number, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<CaseSummary>>('/cases', { ...filters, limit, cursor }, signal);

/** Polling, the fallback of the live stream: slow while the stream is connected. */
export const POLL_MS = { live: 60_000, fallback: 15_000 };

export function useCaseList(filters: CaseFilters, options: { poll?: boolean; limit?: number } = {}) {
  const limit = options.limit ?? 50;
  const live = useCaseEvents(!!options.poll);
  const query = useInfiniteQuery({
    queryKey: caseKeys.list(filters, limit),
    queryFn: ({ pageParam, signal }) => fetchCasePage(filters, limit, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: options.poll ? (live ? POLL_MS.live : POLL_MS.fallback) : false,
    placeholderData: keepPreviousData,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items, live };
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
