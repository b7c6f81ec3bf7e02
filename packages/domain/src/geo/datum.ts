// Datum conversion between WGS-84 and the Chinese map datums.
// GCJ-02 (国测局, used by AMap/Tencent) is WGS-84 plus a published, obfuscating offset of up to
// several hundred metres; BD-09 (Baidu) is GCJ-02 plus a further rotation/offset. Hewei stores
// WGS-84 only and converts on input (standards.md §4).
import type { Datum, Position } from './types.ts';

const A = 6378245.0; // Krasovsky 1940 semi-major axis used by the GCJ-02 formula
const EE = 0.006693421622965943; // its first eccentricity squared (0.00669342162296594323)
const X_PI = (Math.PI * 3000.0) / 180.0;
const DEG = Math.PI / 180;

/** The rough box inside which GCJ-02 applies an offset; outside it GCJ-02 = WGS-84. */
export function isOutsideChina(lon: number, lat: number): boolean {
  return !(lon > 73.66 && lon < 135.05 && lat > 3.86 && lat < 53.55);
}

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** WGS-84 → GCJ-02 (the forward formula; exact by definition). */
export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  let dLat = offsetLat(lon - 105.0, lat - 35.0);
  let dLon = offsetLon(lon - 105.0, lat - 35.0);
  const radLat = lat * DEG;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** Newton-free fixed-point inversion: find w with forward(w) = target; converges in a few steps. */
function invert(
  forward: (lon: number, lat: number) => [number, number],
  lon: number,
  lat: number,
): [number, number] {
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [fLon, fLat] = forward(wLon, wLat);
    const eLon = fLon - lon;
    const eLat = fLat - lat;
    wLon -= eLon;
    wLat -= eLat;
    // 1e-10 degree is about 0.01 mm
    if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return [wLon, wLat];
}

/** GCJ-02 → WGS-84 by iterating the forward formula (error well under 1 cm). */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  return invert(wgs84ToGcj02, lon, lat);
}

/** GCJ-02 → BD-09 (Baidu's published forward formula). */
export function gcj02ToBd09(lon: number, lat: number): [number, number] {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** BD-09 → GCJ-02: the usual closed-form approximation, refined by iterating the forward formula. */
export function bd09ToGcj02(lon: number, lat: number): [number, number] {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  let gLon = z * Math.cos(theta);
  let gLat = z * Math.sin(theta);
  for (let i = 0; i < 10; i++) {
    const [bLon, bLat] = gcj02ToBd09(gLon, gLat);
    const eLon = bLon - lon;
    const eLat = bLat - lat;
    gLon -= eLon;
    gLat -= eLat;
    if (Math.abs(eLon) < 1e-12 && Math.abs(eLat) < 1e-12) break;
  }
  return [gLon, gLat];
}

/** Convert a position given in `datum` to WGS-84 [lon, lat]. */
export function toWgs84(lon: number, lat: number, datum: Datum): [number, number] {
  switch (datum) {
    case 'wgs84':
      return [lon, lat];
    case 'gcj02':
      return gcj02ToWgs84(lon, lat);
    case 'bd09': {
      const [gLon, gLat] = bd09ToGcj02(lon, lat);
      return gcj02ToWgs84(gLon, gLat);
    }
  }
}

/** Convert a WGS-84 position to `datum` (e.g. to place a marker on an AMap or Baidu base map). */
export function fromWgs84(lon: number, lat: number, datum: Datum): [number, number] {
  switch (datum) {
    case 'wgs84':
      return [lon, lat];
    case 'gcj02':
      return wgs84ToGcj02(lon, lat);
    case 'bd09': {
      const [gLon, gLat] = wgs84ToGcj02(lon, lat);
      return gcj02ToBd09(gLon, gLat);
    }
  }
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const R = 6371008.8;
  const dLat = (bLat - aLat) * DEG;
  const dLon = (bLon - aLon) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * DEG) * Math.cos(bLat * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

function mapPositions<T>(coords: T, f: (p: Position) => Position): T {
  if (Array.isArray(coords) && typeof coords[0] === 'number') return f(coords as Position) as T;
  return (coords as unknown[]).map((c) => mapPositions(c, f)) as T;
}

/**
 * Convert every position of a geometry from `datum` to WGS-84 (altitude kept). Returns a new
 * geometry; the input is not modified.
 */
export function geometryToWgs84<G extends { type: string; coordinates: unknown }>(
  geometry: G,
  datum: Datum,
): G {
  if (datum === 'wgs84') return geometry;
  const { bbox: _stale, ...rest } = geometry as G & { bbox?: unknown };
  return {
    ...(rest as G),
    coordinates: mapPositions(geometry.coordinates, (p) => {
      const [lon, lat] = toWgs84(p[0], p[1], datum);
      return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
    }),
  };
}

/** Convert every position of a WGS-84 geometry to `datum`. */
export function geometryFromWgs84<G extends { type: string; coordinates: unknown }>(
  geometry: G,
  datum: Datum,
): G {
  if (datum === 'wgs84') return geometry;
  const { bbox: _stale, ...rest } = geometry as G & { bbox?: unknown };
  return {
    ...(rest as G),
    coordinates: mapPositions(geometry.coordinates, (p) => {
      const [lon, lat] = fromWgs84(p[0], p[1], datum);
      return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
    }),
  };
}
