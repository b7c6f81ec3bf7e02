import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api/client.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';

export interface DepartmentSetting {
  id: string;
  name: string;
  nameEn: string;
  regionId: string;
  regionName: string;
  active: boolean;
}
export interface CategorySetting {
  code: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
  kinds: string[];
  active: boolean;
  defaultDepartmentId: string | null;
}
export interface RoutingRule {
  id: string;
  name: string;
  priority: number;
  categoryPrefix: string | null;
  regionId: string | null;
  kinds: string[];
  keywords: string[];
  leadDepartmentId: string;
  coDepartmentIds: string[];
  active: boolean;
  note: string | null;
}
export interface RoutingSuggestion {
  source: 'rule' | 'responsibility';
  ruleId: string | null;
  ruleName: string | null;
  lead: { id: string; name: string };
  co: { id: string; name: string }[];
  why: { kind: string; text: string }[];
}

const keys = {
  departments: ['settings', 'departments'] as const,
  categories: ['settings', 'categories'] as const,
  rules: ['settings', 'rules'] as const,
};

export function useDepartmentSettings() {
  const { locale } = useI18n();
  return useQuery({
    queryKey: [...keys.departments, locale],
    queryFn: () => api.get<{ items: DepartmentSetting[] }>('/org/settings/departments'),
  });
}
export const useCategorySettings = () =>
  useQuery({
    queryKey: keys.categories,
    queryFn: () => api.get<{ items: CategorySetting[] }>('/org/settings/categories'),
  });
export const useRoutingRules = () =>
  useQuery({ queryKey: keys.rules, queryFn: () => api.get<{ items: RoutingRule[] }>('/routing/rules') });

/** A write that refreshes the settings lists and the app's reference lists (selects everywhere). */
export function useSettingsWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'POST' | 'PATCH' | 'PUT'; path: string; body: object }) =>
      request(method, path, { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['settings'] });
      void qc.invalidateQueries({ queryKey: ['ref'] });
      void qc.invalidateQueries({ queryKey: ['org'] });
    },
  });
}

export const useRoutingTest = () =>
  useMutation({
    mutationFn: (body: object) =>
      api.post<{ suggestion: RoutingSuggestion | null; alternatives: RoutingSuggestion[] }>(
        '/routing/test',
        body,
      ),
  });
