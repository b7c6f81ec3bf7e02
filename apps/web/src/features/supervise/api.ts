import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client.ts';

export interface Group {
  id: string | null;
  name: string;
  count: number;
}
export interface Board {
  total: number;
  byRegion: Group[];
  byDepartment: Group[];
}
export interface Order {
  caseId: string;
  trackingCode: string;
  kind: 'urge' | 'supervise';
  byRole: string;
  automatic: boolean;
  at: string;
  reason: string;
  dueAt: string | null;
  overdue: boolean;
  settled: boolean;
  status: string;
  ownerRegionName: string;
}

const POLL = 30_000;

/** Overdue or due-soon work in the viewer's region, counted server-side by owning center and lead department. */
export function useBoard(state: 'overdue' | 'due_soon') {
  return useQuery({
    queryKey: ['supervision', 'board', state],
    queryFn: () => api.get<Board>('/supervision/board', { state, limit: 2000 }),
    refetchInterval: POLL,
  });
}

export function useOrders() {
  return useQuery({
    queryKey: ['supervision', 'orders'],
    queryFn: async () => (await api.get<{ items: Order[] }>('/supervision/orders', { limit: 200 })).items,
    refetchInterval: POLL,
  });
}
