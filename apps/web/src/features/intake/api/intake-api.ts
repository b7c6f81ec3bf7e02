import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../../../lib/api/case-queries.ts';
import { api } from '../../../lib/api/client.ts';
import type { Case, NewCase } from '../../../lib/api/types.ts';

export function useRegisterCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: NewCase; key: string }) =>
      api.post<Case>('/cases', body, { 'Idempotency-Key': key }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: caseKeys.all }),
  });
}
