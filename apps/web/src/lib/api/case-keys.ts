import type { CaseFilters } from './case-queries.ts';

/** Every case query key starts with 'cases', so one invalidation refreshes every board. */
export const caseKeys = {
  all: ['cases'] as const,
  lists: () => ['cases', 'list'] as const,
  list: (filters: CaseFilters, limit: number) => ['cases', 'list', filters, limit] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  timeline: (id: string) => ['cases', 'timeline', id] as const,
};
