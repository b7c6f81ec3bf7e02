import type { CaseState } from '@hewei/domain';
import { bulkInsert } from '../../db/bulk.ts';
import type { Tx } from '../../db/client.ts';
import { caseGridStamps } from '../../db/schema/index.ts';
import type { CaseChange, CaseWriteHook, IntakeEnricher } from '../../deps.ts';
import type { GridRow, OrgDirectory } from './org.directory.ts';
import { resolvePoint } from './org.locate.ts';

const FINE_TO_COARSE = ['micro', 'small', 'medium', 'big'] as const;

/**
 * At intake a point (WGS-84, from a photo, a phone or a map click) decides the case's grid and
 * village; without a point, an address naming a grid's known address does. A point outside the
 * county is refused before anything is written.
 */
export function placeEnricher(org: OrgDirectory): IntakeEnricher {
  return (draft) => {
    if (draft.lat !== null && draft.lon !== null) {
      const { located } = resolvePoint(
        org,
        draft.countyId,
        { lat: draft.lat, lon: draft.lon, datum: 'wgs84' },
        { lat: 'place.lat', lon: 'place.lon' },
      );
      if (!located) return;
      const grid = FINE_TO_COARSE.map((l) => located.grids[l]).find(Boolean);
      draft.gridId = grid?.id ?? null;
      const region = located.regions.village ?? located.regions.town;
      if (region) draft.regionId = region.id;
      return;
    }
    if (draft.address && !draft.gridId) {
      const grid = gridByAddress(org, draft.countyId, draft.address);
      // an address refines the place given (county or town), it never moves a case elsewhere
      if (grid && org.region(grid.regionId)?.path.includes(draft.regionId)) {
        draft.gridId = grid.id;
        draft.regionId = grid.regionId;
      }
    }
  };
}

/** The active grid whose known address appears in the text; the longest such address wins. */
export function gridByAddress(org: OrgDirectory, countyId: string, address: string): GridRow | null {
  let best: GridRow | null = null;
  let bestLength = 0;
  for (const g of org.grids()) {
    if (g.countyId !== countyId || !g.active) continue;
    for (const known of g.addresses) {
      if (known.length > bestLength && address.includes(known)) {
        best = g;
        bestLength = known.length;
      }
    }
  }
  return best;
}

/**
 * Stamps each new case with the grid (and its version) it was registered in, so a later re-import
 * that redraws the grid does not rewrite where the case was. A case in a county with a map but
 * without a grid is stamped `unresolved`: left for the dispatcher to place.
 */
export function gridStampHook(org: OrgDirectory): CaseWriteHook {
  const batch = async (tx: Tx, changes: CaseChange[]) => {
    await stampGrids(
      tx,
      org,
      // a new case (opened live, or imported with its history: its last event is then not the opening)
      changes.filter((c) => c.before === null).map((c) => c.after),
    );
  };
  return Object.assign((tx: Tx, change: CaseChange) => batch(tx, [change]), { batch });
}

type Placed = Pick<CaseState, 'countyId' | 'id' | 'gridId' | 'lat'>;

/** The stamp of a case as registered (null in a county without a map and no grid). */
export function gridStampRow(org: OrgDirectory, c: Placed): typeof caseGridStamps.$inferInsert | null {
  const grid = c.gridId ? org.grid(c.gridId) : undefined;
  if (!grid && !org.hasGeometry(c.countyId)) return null;
  return {
    countyId: c.countyId,
    caseId: c.id,
    gridId: grid?.id ?? null,
    gridVersion: grid?.version ?? null,
    gridCode: grid?.code ?? null,
    resolvedBy: !grid ? 'unresolved' : c.lat !== null ? 'point' : 'address',
  };
}

/** The stamps of many cases written at once (an import, the demo seed): one insert. */
export async function stampGrids(tx: Tx, org: OrgDirectory, list: Placed[]) {
  const rows = list.map((c) => gridStampRow(org, c)).filter((r) => r !== null);
  await bulkInsert(tx, caseGridStamps, rows);
  return rows.length;
}
