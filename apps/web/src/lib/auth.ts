import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './api/client.ts';
import type { Role, User } from './api/types.ts';

export const meKey = ['auth', 'me'] as const;

export async function fetchMe(): Promise<User | null> {
  try {
    return (await api.get<{ user: User }>('/auth/me')).user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api.post<{ user: User }>('/auth/login', body),
    onSuccess: ({ user }) => {
      qc.clear();
      qc.setQueryData(meKey, user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export const STAFF_ROLES: Role[] = [
  'operator',
  'grid_worker',
  'dispatcher',
  'handler',
  'mediator',
  'expert',
  'counsellor',
  'supervisor',
  'leader',
  'admin',
];

export function isStaff(user: User | null | undefined): user is User {
  return !!user && user.role !== 'resident';
}

export function hasRole(user: User | null | undefined, ...roles: Role[]): boolean {
  return !!user && (user.role === 'admin' || roles.includes(user.role));
}
