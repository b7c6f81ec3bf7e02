import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { api } from '../../lib/api/client.ts';

export interface Count {
  key: string;
  n: number;
}

export interface NodeRef {
  regionId?: string;
  gridId?: string;
}

export interface Child {
  kind: 'region' | 'grid';
  id: string;
  name: string;
  level: string;
  total: number;
  open: number;
  overdue: number;
  dueSoon: number;
}

export interface Rate {
  key: string;
  label: string;
  formula: string;
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface Figures {
  node: {
    kind: 'region' | 'grid';
    id: string;
    name: string;
    level: string;
    path: { kind: 'region'; id: string; name: string }[];
  };
  total: number;
  open: number;
  byStatus: Count[];
  byColour: Count[];
  openByColour: Count[];
  byKind: Count[];
  byChannel: Count[];
  byCategory: { code: string; name: string; n: number }[];
  today: { day: string; created: number; closed: number; byChannel: Count[] };
  trend: { day: string; created: number; closed: number }[];
  due: { overdue: number; dueSoon: number; dueSoonWithinHours: number };
  rates: Rate[];
  children: Child[];
  unplaced: { overdue: number; dueSoon: number };
  generatedAt: string;
}

/** Figures refresh on their own: the overview is meant to stay open on a wall or a desk. */
export const OVERVIEW_REFRESH_MS = 10_000;

export function useFigures(node: NodeRef) {
  return useQuery({
    queryKey: ['overview', 'figures', node.regionId ?? '', node.gridId ?? ''],
    queryFn: ({ signal }) => api.get<Figures>('/overview', { ...node }, signal),
    refetchInterval: OVERVIEW_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export type OutlineLevel = 'town' | 'village' | 'big' | 'medium' | 'small' | 'micro';

/** Region or grid outlines of one level (WGS-84 GeoJSON); they change rarely. */
export function useOutlines(level: OutlineLevel | null) {
  return useQuery({
    queryKey: ['overview', 'outlines', level],
    queryFn: ({ signal }) => api.get<FeatureCollection>('/org/map', { level: level! }, signal),
    enabled: !!level,
    staleTime: 10 * 60_000,
  });
}
