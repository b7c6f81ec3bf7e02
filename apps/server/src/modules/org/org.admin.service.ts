import { type Datum, HeweiError } from '@hewei/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  categories,
  departments,
  grids,
  orgPeople,
  regions,
  responsibilities,
  unitVersions,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { ORG_PERSON_PHONE_PURPOSE } from '../../lib/pii/index.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { recordOrgChange } from './org.audit.ts';
import type { GridRow } from './org.directory.ts';
import { exportCounty, loadUnits } from './org.geo.export.ts';
import { importCounty } from './org.geo.import.ts';

const bad = (field: string, rule: string, params?: Record<string, string>) =>
  new HeweiError('VALIDATION_FAILED', { field, rule, params });

export interface PersonInput {
  kind: 'grid_worker' | 'village_mediator';
  employment: 'full_time' | 'part_time' | 'volunteer' | null;
  name: string;
  phone: string | null;
  userId: string | null;
  gridId: string | null;
  regionId: string | null;
  validFrom: string;
  validTo: string | null;
}
export interface ResponsibilityInput {
  categoryCode: string;
  regionId: string;
  departmentId: string;
  role: 'lead' | 'co';
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

/** Administrative changes of the organisation: each audited, stamped, and reloaded everywhere. */
export function orgAdminService(deps: AppDeps) {
  const { db, org, clock } = deps;

  async function change(
    v: Viewer,
    action: string,
    target: string,
    data: object,
    write: (tx: Tx) => Promise<void>,
  ) {
    const at = clock.now();
    await db.transaction(async (tx) => {
      await write(tx);
      await recordOrgChange(tx, { countyId: v.countyId, actorId: v.userId, action, target, data, at });
    });
    await org.refresh();
  }
  const ownGrid = (v: Viewer, id: string | null, field: string) => {
    const g = id ? org.grid(id) : undefined;
    if (!g || g.countyId !== v.countyId) throw bad(field, 'UNKNOWN_GRID', { id: id ?? '' });
    return g;
  };
  const ownRegion = (v: Viewer, id: string | null, field: string) => {
    const r = id ? org.region(id) : undefined;
    if (!r || r.countyId !== v.countyId) throw bad(field, 'UNKNOWN_REGION', { id: id ?? '' });
    return r;
  };
  const checkDates = (x: { validFrom: string; validTo: string | null }) => {
    if (x.validTo !== null && x.validTo < x.validFrom) throw bad('validTo', 'VALID_TO_BEFORE_FROM');
  };

  function checkPerson(v: Viewer, p: PersonInput): PersonInput {
    checkDates(p);
    if (p.kind === 'grid_worker') {
      if (!p.gridId) throw bad('gridId', 'GRID_WORKER_NEEDS_GRID');
      const g = ownGrid(v, p.gridId, 'gridId');
      return { ...p, regionId: g.regionId, employment: p.employment ?? 'full_time' };
    }
    const r = ownRegion(v, p.regionId, 'regionId');
    if (r.level !== 'village') throw bad('regionId', 'MEDIATOR_NEEDS_VILLAGE');
    return { ...p, gridId: null, employment: null };
  }

  function checkResponsibility(v: Viewer, r: ResponsibilityInput) {
    checkDates(r);
    if (!org.categories().some((c) => c.code === r.categoryCode || c.parentCode === r.categoryCode))
      throw bad('categoryCode', 'UNKNOWN_CATEGORY', { code: r.categoryCode });
    ownRegion(v, r.regionId, 'regionId');
    const d = org.department(r.departmentId);
    if (!d || d.countyId !== v.countyId)
      throw bad('departmentId', 'UNKNOWN_DEPARTMENT', { id: r.departmentId });
  }

  async function bumpGrid(tx: Tx, v: Viewer, g: GridRow, set: Partial<GridRow>) {
    const row = { ...g, ...set, version: g.version + 1 };
    await tx
      .update(grids)
      .set({ ...set, version: row.version })
      .where(eq(grids.id, g.id));
    await tx.insert(unitVersions).values({
      countyId: v.countyId,
      unitKind: 'grid',
      unitId: g.id,
      version: row.version,
      code: row.code,
      name: row.name,
      level: row.level,
      parentId: row.parentId,
      regionId: row.regionId,
      geometry: row.geometry,
      active: row.active,
      sourceDatum: null,
      importId: null,
      actorId: v.userId,
      at: clock.now(),
    });
  }

  /** sealed under the current key; a value read back sealed is opened first, so never sealed twice */
  const sealPhone = (phone: string | null) =>
    deps.pii.seal(deps.pii.open(phone, ORG_PERSON_PHONE_PURPOSE), ORG_PERSON_PHONE_PURPOSE);

  return {
    async revealPersonPhone(v: Viewer, id: string) {
      const p = org.people().find((x) => x.id === id && x.countyId === v.countyId);
      // a dispatcher sees the people of the region they serve, not beyond it
      if (!p || (v.regionId && !org.region(p.regionId)?.path.includes(v.regionId)))
        throw new HeweiError('NOT_FOUND');
      await recordAudit(db, {
        at: clock.now(),
        action: 'org.person.phone_revealed',
        actorId: v.userId,
        target: id,
        data: { countyId: v.countyId, role: v.role },
      });
      return deps.pii.open(p.phone, ORG_PERSON_PHONE_PURPOSE);
    },

    async createPerson(v: Viewer, input: PersonInput) {
      const p = checkPerson(v, input);
      const row = {
        countyId: v.countyId,
        id: uuidv7(clock.now().getTime()),
        ...p,
        phone: sealPhone(p.phone),
        regionId: p.regionId!,
      };
      await change(v, 'org.person.created', row.id, { after: { ...row, phone: undefined } }, async (tx) => {
        await tx.insert(orgPeople).values(row);
      });
      return row;
    },

    async updatePerson(v: Viewer, id: string, patch: Partial<PersonInput>) {
      const before = org.people().find((p) => p.id === id && p.countyId === v.countyId);
      if (!before) throw new HeweiError('NOT_FOUND');
      const checked = checkPerson(v, { ...before, ...patch } as PersonInput);
      const after = { ...before, ...checked, phone: sealPhone(checked.phone) };
      await change(v, 'org.person.updated', id, { patch: { ...patch, phone: undefined } }, async (tx) => {
        await tx
          .update(orgPeople)
          .set({ ...after, regionId: after.regionId! })
          .where(and(eq(orgPeople.countyId, v.countyId), eq(orgPeople.id, id)));
      });
      return { ...after, regionId: after.regionId! };
    },

    async createResponsibility(v: Viewer, input: ResponsibilityInput) {
      checkResponsibility(v, input);
      const row = { countyId: v.countyId, id: uuidv7(clock.now().getTime()), ...input };
      await change(v, 'org.responsibility.created', row.id, { after: row }, async (tx) => {
        await tx.insert(responsibilities).values(row);
      });
      return row;
    },

    async updateResponsibility(v: Viewer, id: string, patch: Partial<ResponsibilityInput>) {
      const before = org.responsibilities().find((r) => r.id === id && r.countyId === v.countyId);
      if (!before) throw new HeweiError('NOT_FOUND');
      const after = { ...before, ...patch };
      checkResponsibility(v, after as ResponsibilityInput);
      await change(v, 'org.responsibility.updated', id, { before, after }, async (tx) => {
        await tx
          .update(responsibilities)
          .set(after)
          .where(and(eq(responsibilities.countyId, v.countyId), eq(responsibilities.id, id)));
      });
      return after;
    },

    /** Name, known addresses and retirement in place; a new outline goes through the validator. */
    async updateGrid(
      v: Viewer,
      id: string,
      patch: { name?: string; addresses?: string[]; active?: boolean; geometry?: unknown; datum?: Datum },
    ) {
      const g = ownGrid(v, id, 'id');
      if (patch.geometry !== undefined) {
        const units = await loadUnits(db, v.countyId);
        const feature = exportCounty(units, { datum: 'wgs84' }).features.find((f) => f.id === g.code)!;
        const report = await importCounty(deps, v, {
          datum: patch.datum ?? 'wgs84',
          mode: 'all',
          dryRun: false,
          retireAbsent: false,
          requireCoverage: false,
          action: 'org.grid.outline_edited',
          collection: {
            type: 'FeatureCollection',
            features: [
              {
                ...feature,
                geometry: patch.geometry,
                properties: { ...feature.properties, name: patch.name ?? g.name },
              },
            ],
          },
        });
        if (!report.applied) return { grid: g, report };
      }
      const fresh = org.grid(id)!;
      const set: Partial<GridRow> = {};
      if (patch.name !== undefined && patch.name !== fresh.name) set.name = patch.name;
      if (patch.addresses !== undefined)
        set.addresses = [...new Set(patch.addresses.map((a) => a.trim()).filter(Boolean))];
      if (patch.active !== undefined && patch.active !== fresh.active) set.active = patch.active;
      if (Object.keys(set).length)
        await change(v, 'org.grid.updated', id, { patch: set }, (tx) => bumpGrid(tx, v, fresh, set));
      return { grid: org.grid(id)!, report: null };
    },

    async updateRegion(v: Viewer, id: string, patch: { name?: string; nameEn?: string }) {
      const r = ownRegion(v, id, 'id');
      await change(
        v,
        'org.region.updated',
        id,
        { before: { name: r.name, nameEn: r.nameEn }, patch },
        async (tx) => {
          await tx.update(regions).set(patch).where(eq(regions.id, id));
        },
      );
      return org.region(id)!;
    },

    async saveDepartment(
      v: Viewer,
      id: string | null,
      input: { name: string; nameEn: string; regionId?: string; active?: boolean },
    ) {
      const regionId = ownRegion(v, input.regionId ?? v.countyId, 'regionId').id;
      if (id) {
        const before = org.department(id);
        if (!before || before.countyId !== v.countyId) throw new HeweiError('NOT_FOUND');
        await change(v, 'org.department.updated', id, { before, patch: input }, async (tx) => {
          await tx
            .update(departments)
            .set({ ...input, regionId })
            .where(eq(departments.id, id));
        });
        return org.department(id)!;
      }
      const row = {
        id: `d-${uuidv7(clock.now().getTime())}`,
        countyId: v.countyId,
        regionId,
        name: input.name,
        nameEn: input.nameEn,
        active: input.active ?? true,
      };
      await change(v, 'org.department.created', row.id, { after: row }, async (tx) => {
        await tx.insert(departments).values(row);
      });
      return row;
    },

    async saveCategory(
      v: Viewer,
      code: string,
      input: {
        name?: string;
        nameEn?: string;
        parentCode?: string | null;
        kinds?: string[];
        active?: boolean;
      },
      create: boolean,
    ) {
      const before = org.category(code);
      if (create && before)
        throw new HeweiError('CONFLICT', { field: 'code', rule: 'CODE_TAKEN', params: { code } });
      if (!create && !before) throw new HeweiError('NOT_FOUND');
      if (input.parentCode && !org.category(input.parentCode))
        throw bad('parentCode', 'UNKNOWN_CATEGORY', { code: input.parentCode });
      await change(
        v,
        create ? 'org.category.created' : 'org.category.updated',
        code,
        { before, input },
        async (tx) => {
          if (create)
            await tx.insert(categories).values({
              code,
              parentCode: input.parentCode ?? null,
              name: input.name ?? code,
              nameEn: input.nameEn ?? input.name ?? code,
              kinds: input.kinds ?? [],
              active: input.active ?? true,
            });
          else await tx.update(categories).set(input).where(eq(categories.code, code));
        },
      );
      return org.category(code)!;
    },
  };
}
