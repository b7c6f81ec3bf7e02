// The marketplace (调解超市): organisations, mediators, expert and counsellor pools, ranked for a
// dispute with the reasons, conflicts of interest flagged; and outcome statistics.
import {
  type CaseState,
  canView,
  type DisputeParty,
  HeweiError,
  type MediationOutcomeRecord,
  type MediatorProfile,
  mediationStats,
  type Recommendation,
  type RegionPath,
  recommendMediators,
  regionProximity,
  specialtyMatch,
} from '@hewei/domain';
import type { Db, Tx } from '../../db/client.ts';
import { mediationOrgs } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { partiesOf } from './case-link.ts';
import { type ProfileRow, mediationRepository as repo, type UserRow } from './mediation.repository.ts';

export interface ProfileInput {
  kind?: 'mediator' | 'expert' | 'counsellor';
  organisationId?: string | null;
  regionId?: string;
  specialties: string[];
  languages: string[];
  expertKind?: string | null;
  title?: string | null;
  bio?: string | null;
  villageCommitteeId?: string | null;
  relatives?: { name: string; idNumber?: string; relation: string }[];
  capacity?: number;
  available?: boolean;
}

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
  ): Promise<{ category: string; region: RegionPath; parties: DisputeParty[] }> {
    const region = regionPathOf(c.regionPath.at(-1)!);
    const village = org.region(c.regionPath.at(-1)!)?.level === 'village' ? c.regionPath.at(-1) : undefined;
    const parties = await partiesOf(deps, db, c.countyId, c.id);
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
  async function recommendForCase(c: CaseState, kind: 'mediator' | 'expert' | 'counsellor' = 'mediator') {
    const people = await profilesWithFacts(db, c.countyId, kind);
    const dispute = await disputeOf(c);
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

    profileRow: (countyId: string, userId: string) => repo.profile(db, countyId, userId),

    async saveProfile(viewer: Viewer, userId: string, input: ProfileInput) {
      const self = viewer.userId === userId;
      if (viewer.role !== 'admin' && !self) throw new HeweiError('FORBIDDEN');
      const [user] = [...(await repo.users(db, [userId])).values()];
      if (!user || user.countyId !== viewer.countyId) throw new HeweiError('NOT_FOUND');
      if (!['mediator', 'expert', 'counsellor'].includes(user.role))
        throw new HeweiError('RULE_VIOLATION', { rule: 'NOT_A_MEDIATION_ROLE' });
      const regionId = input.regionId ?? user.regionId ?? viewer.countyId;
      const region = org.region(regionId);
      if (!region || region.countyId !== viewer.countyId)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'regionId',
          rule: 'UNKNOWN_REGION',
          params: { id: regionId },
        });
      const orgId = input.organisationId ?? null;
      if (orgId && !org.mediationOrgs().some((o) => o.id === orgId && o.countyId === viewer.countyId))
        throw new HeweiError('VALIDATION_FAILED', { field: 'organisationId' });
      const existing = await repo.profile(db, viewer.countyId, userId);
      // a person may change availability, languages and bio; the administrator the rest
      const adminFields = viewer.role === 'admin' || !existing;
      if (!adminFields && viewer.role !== 'admin' && self && existing) {
        input = {
          ...input,
          specialties: existing.specialties,
          regionId: existing.regionId,
          capacity: existing.capacity,
        };
      }
      const row: ProfileRow = {
        countyId: viewer.countyId,
        userId,
        kind: user.role,
        organisationId: adminFields ? orgId : (existing?.organisationId ?? null),
        regionId: adminFields ? regionId : existing!.regionId,
        specialties: input.specialties,
        languages: input.languages,
        expertKind: input.expertKind ?? null,
        title: input.title ?? null,
        bio: input.bio ?? null,
        villageCommitteeId: input.villageCommitteeId ?? existing?.villageCommitteeId ?? null,
        relatives: input.relatives ?? existing?.relatives ?? [],
        capacity: input.capacity ?? existing?.capacity ?? 10,
        available: input.available ?? existing?.available ?? true,
        updatedAt: deps.clock.now(),
      };
      await repo.upsertProfile(db, row);
      return row;
    },

    async createOrganisation(
      viewer: Viewer,
      input: {
        name: string;
        nameEn: string;
        kind: string;
        regionId: string;
        specialties: string[];
        address?: string;
        phone?: string;
        description?: string;
      },
    ) {
      const region = org.region(input.regionId);
      if (!region || region.countyId !== viewer.countyId)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'regionId',
          rule: 'UNKNOWN_REGION',
          params: { id: input.regionId },
        });
      const now = deps.clock.now();
      const id = `m-${uuidv7(now.getTime())}`;
      await db.transaction(async (tx) => {
        await tx.insert(mediationOrgs).values({
          id,
          countyId: viewer.countyId,
          regionId: input.regionId,
          kind: input.kind,
          name: input.name,
          nameEn: input.nameEn,
        });
        await repo.upsertOrgProfile(tx, {
          countyId: viewer.countyId,
          organisationId: id,
          specialties: input.specialties,
          address: input.address ?? null,
          phone: input.phone ?? null,
          description: input.description ?? null,
          updatedAt: now,
        });
      });
      await org.refresh();
      return id;
    },

    async saveOrganisationProfile(
      viewer: Viewer,
      id: string,
      input: { specialties: string[]; address?: string; phone?: string; description?: string },
    ) {
      if (!org.mediationOrgs().some((o) => o.id === id && o.countyId === viewer.countyId))
        throw new HeweiError('NOT_FOUND');
      await repo.upsertOrgProfile(db, {
        countyId: viewer.countyId,
        organisationId: id,
        specialties: input.specialties,
        address: input.address ?? null,
        phone: input.phone ?? null,
        description: input.description ?? null,
        updatedAt: deps.clock.now(),
      });
    },

    /** Cases, success rate, duration and satisfaction per mediator and per organisation. */
    async stats(countyId: string, by: 'mediator' | 'organisation') {
      const facts = await repo.outcomeFacts(db, countyId);
      const records: MediationOutcomeRecord[] = facts.map((f) => ({
        mediationId: f.id,
        mediatorIds: f.mediatorIds,
        organisationId: f.organisationId,
        startedAt: (f.startedAt ?? f.createdAt).toISOString(),
        endedAt: f.endedAt?.toISOString(),
        outcome:
          f.status === 'concluded'
            ? ((f.outcome ?? 'failed') as MediationOutcomeRecord['outcome'])
            : 'in_progress',
        satisfaction: f.satisfaction ?? undefined,
      }));
      const stats = mediationStats(records, by);
      const names =
        by === 'mediator'
          ? new Map(
              [
                ...(
                  await repo.users(
                    db,
                    stats.map((s) => s.key),
                  )
                ).values(),
              ].map((u) => [u.id, u.displayName]),
            )
          : new Map(org.mediationOrgs().map((o) => [o.id, o.name]));
      return stats.map((s) => ({ ...s, name: names.get(s.key) ?? s.key }));
    },
  };
}

export type MarketplaceService = ReturnType<typeof marketplaceService>;
