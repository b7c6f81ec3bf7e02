import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys, fetchCasePage } from '../../../lib/api/case-queries.ts';
import { ApiError, api } from '../../../lib/api/client.ts';
import type { Case } from '../../../lib/api/types.ts';

export function useCaseAction(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version, payload }: { action: string; version: number; payload: object }) =>
      api.post<Case>(`/cases/${encodeURIComponent(caseId)}/actions/${action}`, { version, ...payload }),
    onSuccess: (updated) => {
      qc.setQueryData(caseKeys.detail(caseId), updated);
      void qc.invalidateQueries({ queryKey: caseKeys.all });
    },
    onError: (err) => {
      if (err instanceof ApiError && (err.status === 409 || err.status === 422)) {
        void qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      }
    },
  });
}

export function useRevealParty(caseId: string) {
  return useMutation({
    mutationFn: ({ partyId, field }: { partyId: string; field: 'phone' | 'idNumber' }) =>
      api.post<{ value: string }>(
        `/cases/${encodeURIComponent(caseId)}/parties/${encodeURIComponent(partyId)}/reveal`,
        { field },
      ),
  });
}

export function useCaseSearch(q: string) {
  return useQuery({
    queryKey: [...caseKeys.lists(), 'search', q],
    queryFn: async ({ signal }) => (await fetchCasePage({ q }, 10, undefined, signal)).items,
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });
}
