// GeoJSON (RFC 7946) subset used for regions and grids. Coordinates are always WGS-84
// [longitude, latitude]; the `crs` member is never emitted (RFC 7946 §4).

/** [longitude, latitude] or [longitude, latitude, altitude], WGS-84 degrees. */
export type Position = number[];
/** A closed ring: first and last positions identical, at least four positions. */
export type LinearRing = Position[];
/** [west, south, east, north] */
export type BBox = [number, number, number, number];

export interface Polygon {
  type: 'Polygon';
  /** First ring exterior (counter-clockwise on output), the rest holes (clockwise). */
  coordinates: LinearRing[];
  bbox?: BBox;
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: LinearRing[][];
  bbox?: BBox;
}

export type AreaGeometry = Polygon | MultiPolygon;

export interface Point {
  type: 'Point';
  coordinates: Position;
}

export type Geometry = AreaGeometry | Point;

export interface Feature<G extends Geometry | null = Geometry | null, P = Record<string, unknown> | null> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
  bbox?: BBox;
}

export interface FeatureCollection<
  G extends Geometry | null = Geometry | null,
  P = Record<string, unknown> | null,
> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
  bbox?: BBox;
}

export type GridLevel = 'big' | 'medium' | 'small' | 'micro';
export type RegionLevel = 'county' | 'town' | 'village';
export type UnitKind = 'region' | 'grid';

export const GRID_LEVELS: readonly GridLevel[] = ['big', 'medium', 'small', 'micro'];
export const REGION_LEVELS: readonly RegionLevel[] = ['county', 'town', 'village'];

/** Properties of a region or grid feature in a county import file (snake_case, as on the wire). */
export interface UnitProperties {
  code: string;
  name: string;
  kind: UnitKind;
  level: GridLevel | RegionLevel;
  /** null only for the county */
  parent_code: string | null;
  /** grids only: the region the grid belongs to */
  region_code?: string;
  [foreign: string]: unknown;
}

export type UnitFeature = Feature<AreaGeometry, UnitProperties>;
export type UnitFeatureCollection = FeatureCollection<AreaGeometry, UnitProperties>;

/** A region or grid as stored (camelCase), e.g. a row already in the database. */
export interface GridRecord {
  code: string;
  kind?: UnitKind;
  name?: string;
  level: GridLevel | RegionLevel;
  parentCode: string | null;
  regionCode?: string | null;
  geometry: AreaGeometry | null;
}

/** Source datum of coordinates handed to Hewei. Storage is always WGS-84. */
export type Datum = 'wgs84' | 'gcj02' | 'bd09';

/** A seeded pseudo-random source in [0, 1), like Math.random. */
export type Rng = () => number;
