import { useQuery } from '@tanstack/react-query';
import { api } from './api/client.ts';
import type { Category, Department, Region } from './api/types.ts';
import { useI18n } from './i18n/index.tsx';

const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY };

export function useRegions() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['ref', 'regions', locale],
    queryFn: async () => (await api.get<{ items: Region[] }>('/org/regions')).items,
    ...forever,
  });
}

export function useDepartments() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['ref', 'departments', locale],
    queryFn: async () => (await api.get<{ items: Department[] }>('/org/departments')).items,
    ...forever,
  });
}

export function useCategories() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: ['ref', 'categories', locale],
    queryFn: async () => (await api.get<{ items: Category[] }>('/org/categories')).items,
    ...forever,
  });
}
