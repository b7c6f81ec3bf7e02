// Shared test helpers (not exported from index.ts).
import type { CountySpec } from './generate.ts';
import type { IndexedGrid, IndexedRegion } from './grid-index.ts';
import type { GridLevel, RegionLevel, UnitFeatureCollection } from './types.ts';

/** A county spec with statistical-style codes: 12-digit regions under county 330681. */
export function countySpec(towns: number, villages: number): CountySpec {
  return {
    county: { code: '330681000000', name: '诸暨市' },
    towns: Array.from({ length: towns }, (_, t) => {
      const t3 = String(100 + t + 1);
      return {
        code: `330681${t3}000`,
        name: `第${t + 1}镇`,
        villages: Array.from({ length: villages }, (_, v) => ({
          code: `330681${t3}${String(200 + v + 1)}`,
          name: `第${t + 1}镇${v + 1}村`,
        })),
      };
    }),
  };
}

export function gridsOf(fc: UnitFeatureCollection): IndexedGrid[] {
  return fc.features
    .filter((f) => f.properties.kind === 'grid')
    .map((f) => ({
      code: f.properties.code,
      level: f.properties.level as GridLevel,
      parentCode: f.properties.parent_code,
      regionCode: f.properties.region_code ?? null,
      geometry: f.geometry,
    }));
}

export function regionsOf(fc: UnitFeatureCollection): IndexedRegion[] {
  return fc.features
    .filter((f) => f.properties.kind === 'region')
    .map((f) => ({
      code: f.properties.code,
      level: f.properties.level as RegionLevel,
      parentCode: f.properties.parent_code,
      geometry: f.geometry,
    }));
}
