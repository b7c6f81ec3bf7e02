import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api/client.ts';
import type {
  Case,
  CaseSummary,
  NewCase,
  Page,
  TimelineEvent,
  TrackResult,
  User,
} from '../../../lib/api/types.ts';
import { meKey } from '../../../lib/auth.ts';

export const portalKeys = {
  all: ['cases', 'portal'] as const,
  mine: () => ['cases', 'portal', 'mine'] as const,
  case: (id: string) => ['cases', 'portal', 'case', id] as const,
  timeline: (id: string) => ['cases', 'portal', 'timeline', id] as const,
  track: (code: string, phone4: string) => ['cases', 'portal', 'track', code, phone4] as const,
};

export function useSubmitMatter() {
  return useMutation({
    mutationFn: ({ body, key }: { body: NewCase; key: string }) =>
      api.post<Case>('/cases', body, { 'Idempotency-Key': key }),
  });
}

export function useTrack(code: string, phone4: string) {
  return useQuery({
    queryKey: portalKeys.track(code, phone4),
    queryFn: ({ signal }) => api.get<TrackResult>('/track', { code, phone4 }, signal),
    enabled: !!code && /^\d{4}$/.test(phone4),
  });
}

export function useRequestOtp() {
  return useMutation({ mutationFn: (phone: string) => api.post<unknown>('/auth/otp/request', { phone }) });
}

export function useVerifyOtp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { phone: string; code: string }) => api.post<{ user: User }>('/auth/otp/verify', body),
    onSuccess: ({ user }) => {
      qc.removeQueries({ queryKey: portalKeys.all });
      qc.setQueryData(meKey, user);
    },
  });
}

interface DemoSms {
  body: string;
  purpose?: string;
  createdAt?: string;
}

/** In demo mode the SMS sink can be read back; elsewhere this endpoint does not exist. */
export async function fetchDemoCode(phone: string): Promise<string | null> {
  try {
    const { items } = await api.get<{ items: DemoSms[] }>('/dev/sms', { phone });
    const newestFirst = [...items].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    for (const m of newestFirst) {
      const code = m.body.match(/\b(\d{4,8})\b/);
      if (code) return code[1];
    }
  } catch {
    // not in demo mode
  }
  return null;
}

export function useMyCases(enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.mine(),
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>('/cases', { mine: true, limit: 50 }, signal),
    enabled,
  });
}

export function useMyCase(id: string) {
  return useQuery({
    queryKey: portalKeys.case(id),
    queryFn: ({ signal }) => api.get<Case>(`/cases/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useMyTimeline(id: string) {
  return useQuery({
    queryKey: portalKeys.timeline(id),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: TimelineEvent[] }>(
          `/cases/${encodeURIComponent(id)}/timeline`,
          undefined,
          signal,
        )
      ).items,
  });
}

/** Before the callback the resident's rating is the callback itself; afterwards it is a separate rating. */
export function useRate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      action,
      ...body
    }: {
      action: 'callback' | 'rate';
      version: number;
      satisfaction: string;
      note?: string;
    }) =>
      api.post<Case>(
        `/cases/${encodeURIComponent(id)}/actions/${action}`,
        action === 'rate'
          ? { version: body.version, satisfaction: body.satisfaction, comment: body.note }
          : body,
      ),
    onSuccess: (updated) => {
      qc.setQueryData(portalKeys.case(id), updated);
      void qc.invalidateQueries({ queryKey: portalKeys.all });
    },
  });
}
