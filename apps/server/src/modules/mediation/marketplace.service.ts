// The marketplace (调解超市): organisations, mediators, expert and counsellor pools, ranked for a
// dispute with the reasons, conflicts of interest flagged. The directory's writes are in
// marketplace.profiles.ts, the outcome statistics in marketplace.stats.ts.
import {
  type CaseState,
  canView,
  type DisputeParty,
  HeweiError,
  type MediatorProfile,
  type Recommendation,
  type RegionPath,
  recommendMediators,
  regionProximity,
  specialtyMatch,
} from '@hewei/domain';
import type { Db, Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { partiesOf } from './case-link.ts';
import { marketplaceProfiles } from './marketplace.profiles.ts';
import { marketplaceStats } from './marketplace.stats.ts';
import { type ProfileRow, mediationRepository as repo, type UserRow } from './mediation.repository.ts';

export type { ProfileInput } from './marketplace.profiles.ts';

export function marketplaceService(deps: AppDeps) {
  const { db, org } = deps;

  /** Dotted specialty code of a category: '0102' → '01.0102' (its group first). */
  function specialtyOf(categoryCode: string): string {
    const chain: string[] = [];
    let at = org.category(categoryCode);
    for (let guard = 0; at && guard < 6; guard++) {
      chain.unshift(at.code);
      at = at.parentCode ? org.category(at.parentCode) : undefined;
    }
    return chain.length ? chain.join('.') : categoryCode;
  }

  function regionPathOf(regionId: string): RegionPath {
    const r = org.region(regionId);
    const path = r?.path ?? [regionId];
    return { countyId: path[0], townId: path[1], villageId: path[2] };
  }

  const specialtyName = (code: string) => {
    const last = code.split('.').at(-1) ?? code;
    return org.category(last)?.name ?? code;
  };

  async function profilesWithFacts(q: Db | Tx, countyId: string, kind: string) {
    const [rows, loads, facts] = await Promise.all([
      repo.profiles(q, countyId, kind),
      repo.caseloads(q, countyId),
      repo.outcomeFacts(q, countyId),
    ]);
    const users = await repo.users(
      q,
      rows.map((r) => r.userId),
    );
    const record = new Map<string, { closed: number; succeeded: number }>();
    for (const f of facts)
      if (f.status === 'concluded')
        for (const id of f.mediatorIds) {
          const r = record.get(id) ?? { closed: 0, succeeded: 0 };
          r.closed++;
          if (f.outcome === 'agreement') r.succeeded++;
          record.set(id, r);
        }
    return rows
      .filter((p) => users.get(p.userId)?.active !== false)
      .map((p) => ({
        row: p,
        user: users.get(p.userId)!,
        activeCases: loads.get(p.userId) ?? 0,
        record: record.get(p.userId),
      }));
  }

  function toDomain(x: {
    row: ProfileRow;
    user: UserRow;
    activeCases: number;
    record?: { closed: number; succeeded: number };
  }): MediatorProfile {
    return {
      id: x.row.userId,
      name: x.user.displayName,
      organisationId: x.row.organisationId ?? '',
      specialties: x.row.specialties,
      region: regionPathOf(x.row.regionId),
      villageCommitteeId: x.row.villageCommitteeId ?? undefined,
      relatives: x.row.relatives as MediatorProfile['relatives'],
      activeCases: x.activeCases,
      capacity: x.row.capacity,
      record: x.record,
      available: x.row.available,
    };
  }

  async function disputeOf(
    c: CaseState,
    extra: { name: string }[] = [],
  ): Promise<{ category: string; region: RegionPath; parties: DisputeParty[] }> {
    const region = regionPathOf(c.regionPath.at(-1)!);
    const village = org.region(c.regionPath.at(-1)!)?.level === 'village' ? c.regionPath.at(-1) : undefined;
    const parties = [
      ...(await partiesOf(deps, db, c.countyId, c.id)),
      ...extra.map((p, i) => ({ id: `new-${i}`, name: p.name, idNumber: null })),
    ];
    return {
      category: specialtyOf(c.categoryCode),
      region,
      parties: parties.map((p) => ({
        id: p.id,
        name: p.name,
        idNumber: p.idNumber ?? undefined,
        region,
        villageCommitteeId: village,
      })),
    };
  }

  /** Ranked mediators for a case; those whose region does not cover the case are not eligible. */
  async function recommendForCase(
    c: CaseState,
    kind: 'mediator' | 'expert' | 'counsellor' = 'mediator',
    /** parties named with the request itself, not yet on the case */
    extra: { name: string }[] = [],
  ) {
    const people = await profilesWithFacts(db, c.countyId, kind);
    const dispute = await disputeOf(c, extra);
    const ranked = recommendMediators(people.map(toDomain), dispute).map((r) => {
      const regionId = people.find((p) => p.row.userId === r.mediator.id)!.row.regionId;
      if (c.regionPath.includes(regionId)) return r;
      return {
        ...r,
        eligible: false,
        score: 0,
        excludedBecause: [...r.excludedBecause, '不在该纠纷所在地的服务范围内'],
      };
    });
    return ranked.sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        b.score - a.score ||
        a.mediator.id.localeCompare(b.mediator.id),
    );
  }

  return {
    specialtyOf,
    specialtyName,
    recommendForCase,

    async caseFor(viewer: Viewer, caseId: string) {
      const c = await casesRepository.loadCase(db, viewer.countyId, caseId);
      if (!c || !canView(c, viewer)) throw new HeweiError('NOT_FOUND');
      return c;
    },

    /** Organisations serving a place, best specialty match first. */
    async organisations(countyId: string, opts: { category?: string; regionId?: string }) {
      const profiles = new Map((await repo.orgProfiles(db, countyId)).map((p) => [p.organisationId, p]));
      const people = await profilesWithFacts(db, countyId, 'mediator');
      const place = opts.regionId ? regionPathOf(opts.regionId) : undefined;
      const covering = opts.regionId ? (org.region(opts.regionId)?.path ?? []) : undefined;
      return org
        .mediationOrgs()
        .filter((o) => o.countyId === countyId && (!covering || covering.includes(o.regionId)))
        .map((o) => {
          const p = profiles.get(o.id);
          const specialties = p?.specialties ?? [];
          const match = opts.category ? specialtyMatch(specialties, opts.category).score : 0;
          const proximity = place ? regionProximity(regionPathOf(o.regionId), place) : 0;
          const members = people.filter((x) => x.row.organisationId === o.id);
          return {
            org: o,
            profile: p,
            specialties,
            mediatorCount: members.length,
            availableCount: members.filter((x) => x.row.available && x.activeCases < x.row.capacity).length,
            score: Math.round((0.6 * match + 0.4 * proximity) * 1000) / 1000,
          };
        })
        .sort((a, b) => b.score - a.score || a.org.id.localeCompare(b.org.id));
    },

    /** Browse mediators (or a pool) without a case: by specialty and place. */
    async browse(
      countyId: string,
      kind: 'mediator' | 'expert' | 'counsellor',
      opts: { category?: string; regionId?: string },
    ) {
      const people = await profilesWithFacts(db, countyId, kind);
      const region = opts.regionId ? regionPathOf(opts.regionId) : { countyId };
      const category = opts.category ?? 'general';
      const ranked: Recommendation[] = recommendMediators(people.map(toDomain), {
        category,
        region,
        parties: [],
      });
      return ranked.map((r) => ({ rec: r, row: people.find((p) => p.row.userId === r.mediator.id)!.row }));
    },

    ...marketplaceProfiles(deps),
    ...marketplaceStats(deps),
  };
}

export type MarketplaceService = ReturnType<typeof marketplaceService>;
