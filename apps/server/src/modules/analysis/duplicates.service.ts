import { HeweiError } from '@hewei/domain';
import {
  contentWords,
  DUPLICATE_THRESHOLD,
  type DuplicateReason,
  type DuplicateSubject,
  normalisePhone,
  scoreDuplicate,
} from '@hewei/domain/triage/index.ts';
import { and, desc, eq, gte, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { caseParties, cases } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { STAFF, type Viewer } from '../../http/access.ts';
import { openParty } from '../../lib/pii/columns.ts';
import { visibleTo } from '../cases/cases.queries.ts';
import { casesService } from '../cases/cases.service.ts';
import { tsqueryOf } from '../search/search.query.ts';
import { words } from '../search/segment.ts';

export interface DuplicateDraft {
  description: string;
  categoryCode: string;
  regionId: string;
  gridId: string | null;
  address: string | null;
  parties: { name: string; phone?: string | null }[];
}

const LOOKBACK_DAYS = 180;
const MAX_CANDIDATES = 60;

/** Open cases probably the same matter as a draft or a case: scored, with reasons. */
export function duplicatesService(deps: AppDeps) {
  const { db, org } = deps;
  const cases$ = casesService(deps);

  const subject = (d: DuplicateDraft): DuplicateSubject => ({
    regionId: d.regionId,
    gridId: d.gridId,
    categoryCode: d.categoryCode,
    address: d.address,
    phones: d.parties.map((p) => normalisePhone(p.phone)).filter((p): p is string => !!p),
    names: d.parties.map((p) => p.name.trim()).filter(Boolean),
    words: new Set(contentWords(words(`${d.description} ${d.address ?? ''}`))),
  });

  async function suggest(v: Viewer, d: DuplicateDraft, excludeId?: string) {
    const me = subject(d);
    const now = deps.clock.now();
    const keyWords = [...me.words].sort((a, b) => b.length - a.length).slice(0, 8);
    const digests = [
      ...new Set(
        d.parties.flatMap((p) => [p.phone?.trim(), normalisePhone(p.phone)]).filter((p): p is string => !!p),
      ),
    ].map((p) => deps.pii.blind('phone', p));
    // Candidates from three indexed reaches, each bounded: open cases of the same village (partial
    // GIN on open cases), the same phone (blind index: phones are sealed at rest), shared words (GIN).
    const reach: SQL[] = [
      sql`(select c.id from cases c where c.county_id = ${v.countyId} and c.closed_at is null and c.region_path @> array[${d.regionId}]::text[] limit 100)`,
    ];
    if (digests.length)
      reach.push(
        sql`(select p.case_id from party_pii_index x join case_parties p on p.county_id = x.county_id and p.id = x.party_id where x.county_id = ${v.countyId} and x.field = 'phone' and x.digest in (${sql.join(
          digests.map((x) => sql`${x}`),
          sql`, `,
        )}) limit 100)`,
      );
    if (keyWords.length)
      reach.push(
        sql`(select s.case_id from case_search s where s.county_id = ${v.countyId} and s.doc @@ ${tsqueryOf(keyWords, '|')} order by s.case_id desc limit 100)`,
      );
    const where = [
      eq(cases.countyId, v.countyId),
      sql`${cases.id} in (${sql.join(reach, sql` union `)})`,
      sql`${cases.closedAt} is null`,
      gte(cases.createdAt, new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000)),
      visibleTo(v),
    ];
    if (excludeId) where.push(ne(cases.id, excludeId));
    const rows = await db
      .select()
      .from(cases)
      .where(and(...where))
      .orderBy(desc(cases.createdAt))
      .limit(MAX_CANDIDATES);
    if (!rows.length) return [];
    const sealed = await db
      .select()
      .from(caseParties)
      .where(
        and(
          eq(caseParties.countyId, v.countyId),
          inArray(
            caseParties.caseId,
            rows.map((r) => r.id),
          ),
        ),
      );
    const parties = sealed.map((p) => openParty(deps.pii, p));
    const scored: { row: (typeof rows)[number]; score: number; reasons: DuplicateReason[] }[] = [];
    for (const row of rows) {
      const ps = parties.filter((p) => p.caseId === row.id);
      const other: DuplicateSubject = {
        regionId: row.regionId,
        gridId: row.gridId,
        categoryCode: row.categoryCode,
        address: row.address,
        phones: ps.map((p) => normalisePhone(p.phone)).filter((p): p is string => !!p),
        names: ps.map((p) => p.name.trim()),
        words: new Set(contentWords(words(`${row.description} ${row.address ?? ''}`))),
      };
      const { score, reasons } = scoreDuplicate(me, other);
      if (score >= DUPLICATE_THRESHOLD) scored.push({ row, score, reasons });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, 5);
  }

  return {
    check: suggest,

    async forCase(v: Viewer, id: string) {
      const state = await cases$.get(v, id);
      if (!STAFF.includes(v.role)) throw new HeweiError('FORBIDDEN');
      if (state.status === 'merged') return [];
      const parties = await cases$.parties(state);
      return suggest(
        v,
        {
          description: state.description,
          categoryCode: state.categoryCode,
          regionId: state.regionPath[state.regionPath.length - 1],
          gridId: state.gridId,
          address: state.address,
          parties: parties.map((p) => ({ name: p.name, phone: p.phone })),
        },
        id,
      );
    },

    checkRegion(v: Viewer, regionId: string) {
      const region = org.region(regionId);
      if (!region || region.countyId !== v.countyId)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'place.regionId',
          rule: 'UNKNOWN_REGION',
          params: { id: regionId },
        });
    },
  };
}
