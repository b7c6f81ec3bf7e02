import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { ApiError, api, request } from '../../../lib/api/client.ts';
import { currentLocale } from '../../../lib/i18n/locale-state.ts';

export interface Unit {
  id: string;
  code: string;
  name: string;
  level: string;
}
export interface Person {
  id: string;
  kind: string;
  employment: string | null;
  name: string;
  phone: string | null;
  gridId: string | null;
  regionId: string;
  validFrom: string;
  validTo: string | null;
}
export interface Responsibility {
  id: string;
  categoryCode: string;
  categoryName: string;
  regionId: string;
  regionName: string;
  departmentId: string;
  departmentName: string;
  role: string;
  validFrom: string;
  validTo: string | null;
}
export interface Located {
  point: { lat: number; lon: number };
  grids: Partial<Record<'micro' | 'small' | 'medium' | 'big', Unit>>;
  regions: Partial<Record<'village' | 'town' | 'county', Unit>>;
  gridWorkers: Person[];
  mediators: Person[];
  responsibilities: Responsibility[];
}
export interface Grid extends Unit {
  parentId: string | null;
  regionId: string;
  version: number;
  addresses: string[];
  hasGeometry: boolean;
}
export interface ImportReport {
  applied: boolean;
  ok: boolean;
  features: number;
  problems: { featureIndex: number; code?: string; problem: string; message: string }[];
  skipped: { featureIndex: number; code?: string; message: string }[];
  plan: Record<'new' | 'updated' | 'unchanged' | 'absent' | 'retired', string[]>;
}
export interface MapFeature {
  type: 'Feature';
  geometry: Geometry | null;
  properties: { unit_id: string; code: string; name: string; level: string };
}

export const orgKeys = {
  all: ['org'] as const,
  map: (level: string) => ['org', 'map', level] as const,
  grids: ['org', 'grids'] as const,
  regions: ['org', 'regions'] as const,
  people: (gridId: string) => ['org', 'people', gridId] as const,
  responsibilities: ['org', 'responsibilities'] as const,
  locate: (lat: number, lon: number) => ['org', 'locate', lat, lon] as const,
};

export const useMapLevel = (level: string) =>
  useQuery({
    queryKey: orgKeys.map(level),
    queryFn: () => api.get<{ features: MapFeature[] }>('/org/map', { level }),
  });
export const useGrids = () =>
  useQuery({ queryKey: orgKeys.grids, queryFn: () => api.get<{ items: Grid[] }>('/org/grids') });
export const useRegions = () =>
  useQuery({
    queryKey: orgKeys.regions,
    queryFn: () => api.get<{ items: (Unit & { parentId: string | null })[] }>('/org/regions'),
  });
export const usePeople = (gridId: string | null) =>
  useQuery({
    queryKey: orgKeys.people(gridId ?? ''),
    enabled: !!gridId,
    queryFn: () => api.get<{ items: Person[] }>('/org/people', { gridId }),
  });
export const useResponsibilities = () =>
  useQuery({
    queryKey: orgKeys.responsibilities,
    queryFn: () => api.get<{ items: Responsibility[] }>('/org/responsibilities'),
  });
export const useLocate = (point: { lat: number; lon: number } | null) =>
  useQuery({
    queryKey: orgKeys.locate(point?.lat ?? 0, point?.lon ?? 0),
    enabled: !!point,
    retry: false,
    queryFn: () => api.get<Located>('/org/locate', { lat: point!.lat, lon: point!.lon }),
  });

export function useCreate(path: '/org/people' | '/org/responsibilities') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => api.post(path, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export function usePatchGrid() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: object }) =>
      request('PATCH', `/org/grids/${id}`, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

/** The import answers 422 with its report when the file is not clean: the report is the answer. */
export function useImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { datum: string; mode: string; dryRun: boolean; collection: unknown }) => {
      const res = await fetch('/api/v1/org/geo/import', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLocale() },
        body: JSON.stringify(body),
      });
      const data = await res.json();
      if (res.ok) return data as ImportReport;
      if (data?.report) return data.report as ImportReport;
      throw new ApiError(
        res.status,
        data?.error?.code ?? 'HTTP',
        data?.error?.message ?? res.statusText,
        data?.error?.field,
      );
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

/**
 * Redraws a grid's outline: the server validates it as an import would (closed ring, no
 * self-intersection, inside its parent, off its siblings) and answers 422 with the report when not.
 */
export function useSaveOutline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, geometry }: { id: string; geometry: Geometry }) => {
      const res = await fetch(`/api/v1/org/grids/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLocale() },
        body: JSON.stringify({ geometry, datum: 'wgs84' }),
      });
      const data = await res.json();
      if (res.ok || (res.status === 422 && data?.report))
        return data as { grid: Grid; report: ImportReport | null };
      throw new ApiError(
        res.status,
        data?.error?.code ?? 'HTTP',
        data?.error?.message ?? res.statusText,
        data?.error?.field,
      );
    },
    onSuccess: (r) => {
      if (!r.report || r.report.applied) void qc.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
