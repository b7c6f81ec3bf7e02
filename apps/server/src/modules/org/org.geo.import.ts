import {
  type Datum,
  type Feature,
  type FeatureCollection,
  type GeoProblem,
  geometryToWgs84,
  planGridImport,
  validateGridImport,
} from '@hewei/domain';
import { geoImports } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { recordOrgChange } from './org.audit.ts';
import { applyPlan } from './org.geo.apply.ts';
import { loadUnits, type StoredUnits, storedRecords } from './org.geo.export.ts';

export interface ImportRequest {
  datum: Datum;
  /** all: nothing unless the whole file is clean; clean_part: the clean features, the rest skipped */
  mode: 'all' | 'clean_part';
  dryRun: boolean;
  /** retire stored grids the file no longer has (default: keep them, and say so) */
  retireAbsent: boolean;
  collection: unknown;
  /** false for a single outline edited by hand: a gap may be left for a neighbour's edit */
  requireCoverage?: boolean;
  /** the audit action (an import, or an outline edited by hand) */
  action?: string;
}

export interface ImportReport {
  importId: string;
  applied: boolean;
  mode: ImportRequest['mode'];
  datum: Datum;
  features: number;
  ok: boolean;
  problems: GeoProblem[];
  skipped: { featureIndex: number; code?: string; problems: string[] }[];
  plan: { new: string[]; updated: string[]; unchanged: string[]; absent: string[]; retired: string[] };
}

/** Coordinates typed in GCJ-02 or BD-09 become WGS-84; broken geometry is left for the validator. */
function toWgs84Collection(input: unknown, datum: Datum): FeatureCollection {
  const fc = input as FeatureCollection;
  if (datum === 'wgs84' || fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return fc;
  return {
    ...fc,
    features: fc.features.map((f) => {
      try {
        return f?.geometry ? { ...f, geometry: geometryToWgs84(f.geometry as never, datum) } : f;
      } catch {
        return f;
      }
    }),
  };
}

const codeOf = (f: Feature | undefined): string => {
  const c = (f?.properties as { code?: unknown } | null)?.code;
  return typeof c === 'string' || typeof c === 'number' ? String(c).trim() : '';
};
const parentOf = (f: Feature | undefined) => {
  const c = (f?.properties as { parent_code?: unknown } | null)?.parent_code;
  return typeof c === 'string' || typeof c === 'number' ? String(c).trim() : undefined;
};

/**
 * Validate a county file against what is stored and, when clean (or when the clean part is
 * asked for), apply it in one transaction: updates in place by code, a version row per change.
 */
export async function importCounty(deps: AppDeps, viewer: Viewer, req: ImportRequest): Promise<ImportReport> {
  const { db, clock } = deps;
  const countyId = viewer.countyId;
  const now = clock.now();
  const importId = uuidv7(now.getTime());
  const file = toWgs84Collection(req.collection, req.datum);
  const stored = await loadUnits(db, countyId);
  const known = storedRecords(stored);
  const isCollection = file?.type === 'FeatureCollection' && Array.isArray(file.features);
  // stored siblings and children of what the file touches are checked with it (overlaps, spills)
  const extras = isCollection ? storedNeighbours(stored, file.features) : [];
  const offset = extras.length;
  const all: Feature[] = isCollection ? [...extras, ...file.features] : [];
  const opts = { known, requireCoverage: req.requireCoverage ?? true };
  const first = validateGridImport(isCollection ? { ...file, features: all } : file, opts);
  const shift = (p: GeoProblem): GeoProblem =>
    p.featureIndex >= offset
      ? { ...p, featureIndex: p.featureIndex - offset }
      : { ...p, featureIndex: -1, details: { ...p.details, stored: 'yes' } };
  const report: ImportReport = {
    importId,
    applied: false,
    mode: req.mode,
    datum: req.datum,
    features: isCollection ? file.features.length : 0,
    ok: first.ok,
    problems: first.problems.map(shift),
    skipped: [],
    plan: { new: [], updated: [], unchanged: [], absent: [], retired: [] },
  };
  let keep: Feature[] = first.normalized.features;
  const blocking = (p: GeoProblem) => p.problem !== 'GAP_IN_PARENT';
  if (!first.ok && req.mode === 'clean_part' && report.problems.every((p) => p.featureIndex >= 0)) {
    // skip every faulty feature and all below it; what is left is validated again until clean
    const skip = new Map<number, Set<string>>();
    let problems = first.problems;
    let indices = all.map((_, i) => i);
    let clean = first;
    for (let round = 0; round < 6 && problems.some(blocking); round++) {
      if (problems.some((p) => blocking(p) && indices[p.featureIndex] < offset)) break;
      for (const p of problems.filter(blocking)) {
        const i = indices[p.featureIndex];
        skip.set(i, (skip.get(i) ?? new Set()).add(p.problem));
      }
      const skippedCodes = new Set([...skip.keys()].map((i) => codeOf(all[i])).filter(Boolean));
      for (let grew = true; grew; ) {
        grew = false;
        all.forEach((f, i) => {
          const parent = parentOf(f);
          if (!skip.has(i) && parent && skippedCodes.has(parent)) {
            skip.set(i, new Set(['PARENT_SKIPPED']));
            skippedCodes.add(codeOf(f));
            grew = true;
          }
        });
      }
      indices = all.map((_, i) => i).filter((i) => !skip.has(i));
      clean = validateGridImport({ type: 'FeatureCollection', features: indices.map((i) => all[i]) }, opts);
      problems = clean.problems;
    }
    report.skipped = [...skip.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([i, set]) => ({
        featureIndex: i - offset,
        code: codeOf(all[i]) || undefined,
        problems: [...set],
      }));
    keep = problems.some(blocking) ? [] : clean.normalized.features;
  }
  const applicable = first.ok || (req.mode === 'clean_part' && keep.length > offset);
  const extraCodes = new Set(extras.map(codeOf));
  const plan = planGridImport(storedRecords(stored, false), { type: 'FeatureCollection', features: keep });
  report.plan = {
    new: plan.new,
    updated: plan.updated,
    unchanged: plan.unchanged.filter((c) => !extraCodes.has(c)),
    absent: plan.absent.filter((c) => !extraCodes.has(c)),
    retired: [],
  };
  if (!applicable || req.dryRun) {
    if (!req.dryRun) await db.insert(geoImports).values(logRow(countyId, importId, viewer, req, report, now));
    return report;
  }
  await db.transaction(async (tx) => {
    const result = await applyPlan(tx, {
      countyId,
      stored,
      features: keep,
      plan: { ...plan, absent: report.plan.absent },
      retireAbsent: req.retireAbsent,
      importId,
      datum: req.datum,
      actorId: viewer.userId,
      at: now,
    });
    report.plan.retired = result.retired;
    report.applied = true;
    await tx.insert(geoImports).values(logRow(countyId, importId, viewer, req, report, now));
    await recordOrgChange(tx, {
      countyId,
      actorId: viewer.userId,
      action: req.action ?? 'org.geo.imported',
      target: importId,
      at: now,
      data: {
        mode: req.mode,
        datum: req.datum,
        new: plan.new,
        updated: plan.updated,
        skipped: report.skipped.length,
        retired: result.retired,
      },
    });
  });
  await deps.org.refresh();
  return report;
}

/** Stored units with geometry that sit beside or below what the file touches, not in the file. */
function storedNeighbours(stored: StoredUnits, features: Feature[]): Feature[] {
  const inFile = new Set(features.map(codeOf).filter(Boolean));
  const around = new Set([...inFile, ...features.map(parentOf).filter(Boolean)]);
  const records = storedRecords(stored);
  return records
    .filter((r) => r.geometry && !inFile.has(r.code) && r.parentCode && around.has(r.parentCode))
    .map((r) => ({
      type: 'Feature' as const,
      geometry: r.geometry,
      properties: {
        code: r.code,
        name: r.name,
        kind: r.kind,
        level: r.level,
        parent_code: r.parentCode,
        ...(r.regionCode ? { region_code: r.regionCode } : {}),
      },
    }));
}

function logRow(countyId: string, id: string, v: Viewer, req: ImportRequest, report: ImportReport, at: Date) {
  return {
    countyId,
    id,
    at,
    actorId: v.userId,
    datum: req.datum,
    mode: req.mode,
    applied: report.applied,
    report,
  };
}
