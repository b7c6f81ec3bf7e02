import { type AreaGeometry, HeweiError, pointInGeometry, ringsOf } from '@hewei/domain';
import type { OrgDirectory } from '../org/org.directory.ts';

/** How far outside the worker's area a patrol point may lie (a lane along the village edge). */
export const AREA_TOLERANCE_M = 1000;

const M_PER_DEG = 111_320;

/** Metres from a point to the nearest edge of an area (0 inside). Local flat projection: fine at village scale. */
export function distanceToArea(lon: number, lat: number, g: AreaGeometry): number {
  if (pointInGeometry(lon, lat, g)) return 0;
  const kx = Math.cos((lat * Math.PI) / 180) * M_PER_DEG;
  let best = Number.POSITIVE_INFINITY;
  for (const ring of ringsOf(g))
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1][0] - lon) * kx;
      const ay = (ring[i - 1][1] - lat) * M_PER_DEG;
      const bx = (ring[i][0] - lon) * kx;
      const by = (ring[i][1] - lat) * M_PER_DEG;
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  return best;
}

/** The shapes of the worker's area: their region's outline, else the outlines of its grids. */
export function workerArea(org: OrgDirectory, regionId: string): AreaGeometry[] {
  const region = org.region(regionId);
  if (region?.geometry) return [region.geometry as AreaGeometry];
  return org
    .grids()
    .filter((g) => g.regionId === regionId && g.active && g.geometry && g.level !== 'micro')
    .map((g) => g.geometry as AreaGeometry);
}

/**
 * Where a patrol point falls: its grid (finest known), or a 400 naming the rule when it lies far
 * outside the worker's area. Without any geometry the point is kept unchecked (gridId null).
 */
export function placePatrolPoint(
  org: OrgDirectory,
  countyId: string,
  regionId: string,
  lon: number,
  lat: number,
) {
  const area = workerArea(org, regionId);
  if (area.length) {
    const d = Math.min(...area.map((g) => distanceToArea(lon, lat, g)));
    if (d > AREA_TOLERANCE_M)
      throw new HeweiError('VALIDATION_FAILED', {
        field: 'lat',
        rule: 'PATROL_POINT_OUTSIDE_AREA',
        params: { km: Math.round(d / 100) / 10 },
      });
  }
  const hit = org.hasGeometry(countyId) ? org.locate(countyId, lon, lat) : null;
  const g = hit?.grids;
  return { gridId: (g?.micro ?? g?.small ?? g?.medium ?? g?.big)?.id ?? null, checked: area.length > 0 };
}
