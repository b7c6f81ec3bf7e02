import assert from 'node:assert/strict';
import {
  type AreaGeometry,
  createRng,
  generateCountyGeography,
  randomPointIn,
  type UnitFeatureCollection,
} from '@hewei/domain';
import { TEST_ORG, type TestApp } from '../../test/app.ts';

/** The test county's map: regions as in TEST_ORG, 3 small grids per village, 2 micro per small. */
export function testCountyFile(): UnitFeatureCollection {
  return generateCountyGeography(
    { county: TEST_ORG.county, towns: TEST_ORG.towns, grids: { smallPerMedium: 3, microPerSmall: 2 } },
    'test-county',
  );
}

export async function importFile(t: TestApp, collection: unknown, extra: object = {}) {
  return t.call({
    method: 'POST',
    url: '/api/v1/org/geo/import',
    payload: { datum: 'wgs84', collection, ...extra },
    as: 'admin',
  });
}

export async function importTestCounty(t: TestApp) {
  const file = testCountyFile();
  const r = await importFile(t, file);
  assert.equal(r.statusCode, 200, r.body);
  return file;
}

/** A point well inside the grid with the given code, [lon, lat]. */
export function pointIn(file: UnitFeatureCollection, code: string, seed = 1): [number, number] {
  const f = file.features.find((x) => x.properties.code === code);
  assert.ok(f, code);
  const [lon, lat] = randomPointIn(f.geometry as AreaGeometry, createRng(seed));
  return [lon, lat];
}

export const MICRO_A1 = '33000110120111';
export const MICRO_A2 = '33000110120221';
