import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client.ts';

export interface InfoRequestView {
  question: string;
  categoryName: string;
  requestedAt: string;
  expiresAt: string;
}

/** The question behind a link; a used or expired link answers with a coded error. */
export function useInfoRequest(token: string) {
  return useQuery({
    queryKey: ['info-request', token],
    queryFn: ({ signal }) =>
      api.get<InfoRequestView>(`/info-requests/${encodeURIComponent(token)}`, undefined, signal),
    retry: false,
  });
}

export function useAnswerInfo(token: string) {
  return useMutation({
    mutationFn: (answer: string) =>
      api.post<{ answeredAt: string }>(`/info-requests/${encodeURIComponent(token)}/answer`, { answer }),
  });
}

export interface Subscription {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}
export interface Delivery {
  id: string;
  eventType: string;
  outboxId: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}
export interface NewSubscription {
  name: string;
  url: string;
  events: string[];
  secret?: string;
}

const webhookKeys = {
  all: ['webhooks'] as const,
  events: ['webhooks', 'events'] as const,
  deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
};

export const useWebhooks = () =>
  useQuery({
    queryKey: webhookKeys.all,
    queryFn: ({ signal }) => api.get<{ items: Subscription[] }>('/webhooks', undefined, signal),
  });

export const useWebhookEvents = () =>
  useQuery({
    queryKey: webhookKeys.events,
    queryFn: ({ signal }) => api.get<{ items: string[] }>('/webhooks/events', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useDeliveries = (id: string | null) =>
  useQuery({
    queryKey: webhookKeys.deliveries(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: Delivery[] }>(`/webhooks/${id}/deliveries`, undefined, signal),
    enabled: !!id,
  });

export function useWebhookActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: webhookKeys.all });
  return {
    subscribe: useMutation({
      mutationFn: (body: NewSubscription) => api.post<Subscription & { secret: string }>('/webhooks', body),
      onSuccess: refresh,
    }),
    deactivate: useMutation({
      mutationFn: (id: string) => api.post<Subscription>(`/webhooks/${id}/deactivate`),
      onSuccess: refresh,
    }),
    replay: useMutation({
      mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }) =>
        api.post<Delivery>(`/webhooks/${id}/deliveries/${deliveryId}/replay`),
      onSuccess: refresh,
    }),
  };
}

export interface InfoRequestItem {
  id: string;
  question: string;
  requestedAt: string;
  expiresAt: string;
  answeredAt: string | null;
  state: 'open' | 'answered' | 'expired';
}
export interface Referral {
  id: string;
  partner: 'police' | 'court';
  externalRef: string;
  status: 'sent' | 'received' | 'concluded';
  outcome: string | null;
  outcomeNote: string | null;
  createdAt: string;
}

/** A case's information requests and referrals; every change also refreshes the case and its timeline. */
export function useCaseChannels(caseId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['cases'] });
  const info = useQuery({
    queryKey: ['cases', 'info-requests', caseId],
    queryFn: ({ signal }) =>
      api.get<{ items: InfoRequestItem[] }>(`/cases/${caseId}/info-requests`, undefined, signal),
  });
  const referrals = useQuery({
    queryKey: ['cases', 'referrals', caseId],
    queryFn: ({ signal }) => api.get<{ items: Referral[] }>(`/cases/${caseId}/referrals`, undefined, signal),
  });
  return {
    info,
    referrals,
    ask: useMutation({
      mutationFn: (body: { question: string; expiresInHours: number }) =>
        api.post<InfoRequestItem & { link: string; smsSent: boolean }>(
          `/cases/${caseId}/info-requests`,
          body,
        ),
      onSuccess: done,
    }),
    refer: useMutation({
      mutationFn: (body: { partner: string; note: string; externalRef?: string }) =>
        api.post<Referral>(`/cases/${caseId}/referrals`, body),
      onSuccess: done,
    }),
    reply: useMutation({
      mutationFn: ({
        id,
        stage,
        ...body
      }: {
        id: string;
        stage: 'receipt' | 'result';
        [k: string]: unknown;
      }) => api.post<Referral>(`/cases/${caseId}/referrals/${id}/${stage}`, body),
      onSuccess: done,
    }),
  };
}
