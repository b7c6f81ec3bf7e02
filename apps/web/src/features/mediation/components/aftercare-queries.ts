// What the screens after the agreement read: every version of the agreement, the performance of a
// sealed one with its follow-up visits, and the judicial-confirmation window. Keys sit under
// ['mediation'], so any write through useMediationCall refreshes them too.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api/client.ts';
import type { Agreement } from '../api.ts';

const enc = encodeURIComponent;

export interface PerformanceItem {
  termId: string;
  instalment: number;
  dueDate: string;
  amountCents: number | null;
  status: 'pending' | 'performed' | 'breached';
  performedAt: string | null;
  flaggedAt: string | null;
  note: string | null;
}

export interface ConfirmationWindow {
  open: boolean;
  reason: string | null;
  effectiveDate: string | null;
  dueDate: string | null;
  daysLeft: number | null;
}

export const followUpsUrl = (agreementId: string) =>
  `/api/v1/mediation/agreements/${enc(agreementId)}/followups.ics`;

/** Every version of the mediation's agreement, oldest first. */
export function useAgreementVersions(mediationId: string) {
  return useQuery({
    queryKey: ['mediation', 'versions', mediationId],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Agreement[] }>(`/mediations/${enc(mediationId)}/agreements`, undefined, signal))
        .items,
  });
}

export function usePerformance(agreementId: string | undefined) {
  return useQuery({
    queryKey: ['mediation', 'performance', agreementId],
    enabled: !!agreementId,
    queryFn: ({ signal }) =>
      api.get<{ items: PerformanceItem[]; followUps: string[] }>(
        `/mediation/agreements/${enc(agreementId!)}/performance`,
        undefined,
        signal,
      ),
  });
}

export function useConfirmationWindow(agreementId: string | undefined) {
  return useQuery({
    queryKey: ['mediation', 'confirmation-window', agreementId],
    enabled: !!agreementId,
    queryFn: ({ signal }) =>
      api.get<ConfirmationWindow>(
        `/mediation/agreements/${enc(agreementId!)}/confirmation-window`,
        undefined,
        signal,
      ),
  });
}

/** Today in China (the dates on the agreement are Asia/Shanghai calendar dates). */
export function shanghaiToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
