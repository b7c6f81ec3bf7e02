// The marketplace's directory: a mediator's, expert's or counsellor's profile (the person edits
// availability, languages and bio; the administrator the rest) and the mediation organisations.
import { HeweiError } from '@hewei/domain';
import { mediationOrgs } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { type ProfileRow, mediationRepository as repo } from './mediation.repository.ts';

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

export function marketplaceProfiles(deps: AppDeps) {
  const { db, org } = deps;

  return {
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
  };
}
