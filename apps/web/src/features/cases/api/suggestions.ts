import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client.ts';
import type { CaseSummary } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';

interface Ref {
  id: string;
  name: string;
}

export interface RoutingSuggestion {
  source: 'rule' | 'responsibility';
  ruleId: string | null;
  ruleName: string | null;
  responsibilityIds: string[];
  lead: Ref;
  co: Ref[];
  why: { kind: string; text: string }[];
}

export interface RoutingSuggestions {
  caseId: string;
  place: {
    regionId: string;
    regionName: string;
    gridId: string | null;
    gridCode: string | null;
    gridName: string | null;
  };
  suggestion: RoutingSuggestion | null;
  alternatives: RoutingSuggestion[];
}

export interface DuplicateSuggestion {
  case: CaseSummary;
  score: number;
  reasons: { code: string; text: string }[];
}

export interface DuplicateCheck {
  kind?: string;
  description: string;
  categoryCode: string;
  place: { regionId: string; gridId?: string | null; address?: string | null };
  parties?: { name: string; phone?: string | null }[];
}

// Keys start with 'cases' so a case action (which invalidates every case query) refreshes them too.
export function useRoutingSuggestions(caseId: string, enabled = true) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['cases', 'routing', caseId, locale],
    queryFn: ({ signal }) =>
      api.get<RoutingSuggestions>(
        `/cases/${encodeURIComponent(caseId)}/routing-suggestions`,
        undefined,
        signal,
      ),
    enabled,
    staleTime: 60_000,
  });
}

export function useDuplicates(caseId: string, enabled = true) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['cases', 'duplicates', caseId, locale],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: DuplicateSuggestion[] }>(
          `/cases/${encodeURIComponent(caseId)}/duplicates`,
          undefined,
          signal,
        )
      ).items,
    enabled,
    staleTime: 30_000,
  });
}

export async function checkDuplicates(draft: DuplicateCheck): Promise<DuplicateSuggestion[]> {
  return (await api.post<{ items: DuplicateSuggestion[] }>('/duplicates/check', draft)).items;
}
