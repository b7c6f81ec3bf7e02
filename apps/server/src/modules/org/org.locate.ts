import { type Datum, HeweiError, toWgs84 } from '@hewei/domain';
import type { Located, OrgDirectory, PersonRow, ResponsibilityRow } from './org.directory.ts';

export interface PointInput {
  lat: number;
  lon: number;
  datum: Datum;
}

/**
 * A point as typed in (any datum) → WGS-84 and what it falls in. Bad points are refused with a
 * coded error naming the field: swapped axes (400), out of range (400), outside the county (422).
 */
export function resolvePoint(
  org: OrgDirectory,
  countyId: string,
  p: PointInput,
  fields = { lat: 'lat', lon: 'lon' },
): { lat: number; lon: number; located: Located | null } {
  const { lat, lon } = p;
  if (Math.abs(lat) > 90) {
    const rule = Math.abs(lon) <= 90 ? 'COORDINATES_SWAPPED' : 'COORDINATE_OUT_OF_RANGE';
    throw new HeweiError('VALIDATION_FAILED', { field: fields.lat, rule, params: { lat, lon } });
  }
  if (Math.abs(lon) > 180)
    throw new HeweiError('VALIDATION_FAILED', {
      field: fields.lon,
      rule: 'COORDINATE_OUT_OF_RANGE',
      params: { lat, lon },
    });
  const [wLon, wLat] = toWgs84(lon, lat, p.datum);
  if (!org.hasGeometry(countyId)) return { lat: wLat, lon: wLon, located: null };
  const located = org.locate(countyId, wLon, wLat);
  if (located) return { lat: wLat, lon: wLon, located };
  const [sLon, sLat] = toWgs84(lat, lon, p.datum);
  if (Math.abs(lon) <= 90 && org.locate(countyId, sLon, sLat))
    throw new HeweiError('VALIDATION_FAILED', {
      field: fields.lat,
      rule: 'COORDINATES_SWAPPED',
      params: { lat, lon },
    });
  throw new HeweiError('RULE_VIOLATION', {
    field: fields.lat,
    rule: 'POINT_OUTSIDE_COUNTY',
    params: { lat, lon },
  });
}

/** Whether a row with effective dates holds on the given day (YYYY-MM-DD, Asia/Shanghai). */
export const effectiveOn = (row: { validFrom: string; validTo: string | null }, day: string) =>
  row.validFrom <= day && (row.validTo === null || row.validTo >= day);

/** The calendar day in Asia/Shanghai: effective dates are local days. */
export const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Grid workers of the grids a point lies in (finest first), and the village's mediators. */
export function peopleAt(org: OrgDirectory, located: Located, day: string): PersonRow[] {
  const gridIds = Object.values(located.grids).map((g) => g.id);
  const village = located.regions.village?.id;
  const live = org.people().filter((p) => effectiveOn(p, day));
  const workers = gridIds.flatMap((id) => live.filter((p) => p.kind === 'grid_worker' && p.gridId === id));
  const mediators = live.filter((p) => p.kind === 'village_mediator' && village && p.regionId === village);
  return [...workers, ...mediators];
}

/**
 * The responsibility list at a place: for each category (group or leaf) the entries whose region
 * holds the place, the deepest region winning for each category and role.
 */
export function responsibilitiesAt(
  org: OrgDirectory,
  regionPath: readonly string[],
  day: string,
): ResponsibilityRow[] {
  const best = new Map<string, { depth: number; rows: ResponsibilityRow[] }>();
  for (const row of org.responsibilities()) {
    if (!effectiveOn(row, day)) continue;
    const depth = regionPath.indexOf(row.regionId);
    if (depth < 0) continue;
    const key = `${row.categoryCode}|${row.role}`;
    const cur = best.get(key);
    if (!cur || depth > cur.depth) best.set(key, { depth, rows: [row] });
    else if (depth === cur.depth) cur.rows.push(row);
  }
  return [...best.values()]
    .flatMap((x) => x.rows)
    .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode) || a.role.localeCompare(b.role));
}

/** The region path of what a point lies in, county first. */
export function pathOf(located: Located): string[] {
  const finest = located.regions.village ?? located.regions.town ?? located.regions.county;
  return finest?.path ?? [];
}
