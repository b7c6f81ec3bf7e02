// A fixed-seed county history of any size, in the shape performance.md asks for: ~200-character
// Chinese descriptions, five years, ~6 % open, skewed by place and season, ~6 events a case.
// Rows are produced as COPY text lines, so a tier loads at the machine's COPY speed.
import type { CaseState } from '@hewei/domain';
import { CATEGORY_GROUPS } from '../../apps/server/src/demo/categories.ts';
import { departmentId, type OrgSpec, regionId } from '../../apps/server/src/demo/org.ts';
import { createRng, type Rng } from '../../apps/server/src/demo/rng.ts';
import { describe, TEXT_CATEGORIES } from '../../apps/server/src/demo/texts.ts';
import { stateToRow } from '../../apps/server/src/modules/cases/cases.repository.ts';
import { CASE_COLUMNS, line } from './columns.ts';

const DAY = 86_400_000;
const PAD = [
  '希望有关部门尽快协调处理，给群众一个明确答复。',
  '此前已多次向村里和社区反映，但问题一直没有得到解决。',
  '周边居民意见很大，担心矛盾进一步激化。',
  '请求派人到现场核实情况并依法依规处理。',
  '当事人情绪较为激动，建议尽早介入化解。',
  '相关照片和材料已经准备好，可以随时提供。',
];

export interface Tier {
  name: string;
  cases: number;
}
export const TIERS: Record<string, Tier> = {
  '10k': { name: '10k', cases: 10_000 },
  '1m': { name: '1m', cases: 1_000_000 },
  '10m': { name: '10m', cases: 10_000_000 },
};

function uuid(rng: Rng, ms: number): string {
  const h = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');
  const t = ms.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${h(3)}-${'89ab'[Math.floor(rng() * 4)]}${h(3)}-${h(12)}`;
}

export interface Rows {
  cases: string[];
  events: string[];
  assignments: string[];
  parties: string[];
}

/** A generated case as the modules see it, for the rows they keep in step (derived.ts). */
export interface Generated {
  state: CaseState;
  /** when its latest result was reported (null: none yet) */
  resultAt: string | null;
  /** its latest event: the window of its running deadline started there */
  lastAt: string;
  /** the applicant's party row, with the phone in plain text (the row holds it sealed) */
  party: { id: string; phone: string | null };
}

export interface GenerateOptions {
  /** the grids of a village: a case is placed in one of them */
  gridsOf?: (villageId: string) => string[];
  /** seals a phone as the keyring does at intake (plain text when absent) */
  sealPhone?: (phone: string) => string;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁';
const camel = (c: string) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());
const CASE_KEYS = () => CASE_COLUMNS.map(camel);

const CLOSED_PATH: [string, string, string | null][] = [
  ['case.submitted', 'submitted', null],
  ['case.accepted', 'accepted', 'submitted'],
  ['case.triaged', 'triaged', 'accepted'],
  ['case.dispatched', 'dispatched', 'triaged'],
  ['case.acknowledged', 'in_progress', 'dispatched'],
  ['case.result_reported', 'resolved', 'in_progress'],
  ['case.verified', 'verified', 'resolved'],
  ['case.called_back', 'called_back', 'verified'],
  ['case.closed', 'closed', 'called_back'],
];
const OPEN_AT = ['submitted', 'accepted', 'triaged', 'dispatched', 'in_progress', 'resolved', 'verified'];

/**
 * Yields the rows of `count` cases in batches, oldest first; the same seed gives the same rows.
 * Phones come from a pool a third the size of the tier, so callers repeat as on a real hotline.
 */
export function* generateCases(
  spec: OrgSpec,
  count: number,
  now: Date,
  { gridsOf = () => [], sealPhone = (p) => p }: GenerateOptions = {},
  batch = 2000,
): Generator<{ rows: Rows; generated: Generated[] }> {
  const rng = createRng(424242);
  const county = regionId(spec.county.code);
  const caseKeys = CASE_KEYS();
  const villages = spec.towns.flatMap((t, ti) => t.villages.map((v) => ({ t, v, weight: 1 + (ti % 4) })));
  const totalWeight = villages.reduce((s, x) => s + x.weight, 0);
  const span = 5 * 365 * DAY;
  const start = now.getTime() - span;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  for (let done = 0; done < count; ) {
    const rows: Rows = { cases: [], events: [], assignments: [], parties: [] };
    const generated: Generated[] = [];
    for (let k = 0; k < batch && done < count; k++, done++) {
      // Arrival time: evenly through five years, with a summer bulge.
      let at = start + ((done + rng()) / count) * span;
      at += Math.sin((at / (365 * DAY)) * 2 * Math.PI) * 10 * DAY * rng();
      at = Math.min(at, now.getTime() - 60_000);
      let w = rng() * totalWeight;
      const place =
        villages.find((x) => {
          w -= x.weight;
          return w < 0;
        }) ?? villages[0];
      const categoryCode = TEXT_CATEGORIES[Math.floor(rng() * TEXT_CATEGORIES.length)];
      const group = CATEGORY_GROUPS.find((g) => g.code === categoryCode.slice(0, 2))!;
      let description = describe(categoryCode, rng, { village: place.v.name, town: place.t.name });
      while (description.length < 180) description += PAD[Math.floor(rng() * PAD.length)];
      const age = now.getTime() - at;
      const open = age < 30 * DAY ? rng() < 0.6 : rng() < 0.012;
      const steps = open ? 1 + Math.floor(rng() * OPEN_AT.length) : CLOSED_PATH.length;
      const path = CLOSED_PATH.slice(0, steps);
      const status = path[path.length - 1][1] as CaseState['status'];
      const id = uuid(rng, Math.floor(at));
      const dept = departmentId(
        spec.county.code,
        spec.departments[Math.floor(rng() * spec.departments.length)].key,
      );
      const colour =
        steps >= 3 ? (['green', 'yellow', 'yellow', 'orange', 'red'] as const)[Math.floor(rng() * 5)] : null;
      let t = at;
      const times = path.map(() => {
        t += (0.5 + rng() * 40) * 3600_000;
        return t;
      });
      times[0] = at;
      const lastAt = times[times.length - 1];
      const vpath = [county, regionId(place.t.code), regionId(place.v.code)];
      const grids = gridsOf(vpath[2]);
      const gridId = grids.length ? grids[Math.floor(rng() * grids.length)] : null;
      const channel = (['hotline', 'app', 'web', 'walk_in', 'grid_report'] as const)[Math.floor(rng() * 5)];
      const phone =
        rng() < 0.8
          ? `13${8 + Math.floor(rng() * 2)}${String(Math.floor(rng() * (count / 3 + 1))).padStart(8, '0')}`
          : null;
      const partyId = uuid(rng, Math.floor(at));
      const name = `${SURNAMES[Math.floor(rng() * SURNAMES.length)]}${rng() < 0.5 ? '先生' : '女士'}`;
      const satisfaction = status === 'closed' ? (rng() < 0.9 ? 'satisfied' : 'partly') : null;
      const assignment =
        steps >= 4
          ? {
              id: uuid(rng, Math.floor(times[3])),
              departmentId: dept,
              role: 'lead' as const,
              status: (status === 'dispatched'
                ? 'pending'
                : steps >= 6
                  ? 'done'
                  : 'acknowledged') as 'pending',
              assignedAt: iso(times[3])!,
              dueAt: steps >= 3 ? iso(times[2] + 10 * DAY) : null,
              objectionDueAt: null,
            }
          : null;
      const state: CaseState = {
        id,
        countyId: county,
        trackingCode: `HW${String(done).padStart(9, '0')}`,
        kind: group.kinds[0] as CaseState['kind'],
        channel,
        categoryCode,
        description,
        address: `${place.t.name}${place.v.name}`,
        lat: null,
        lon: null,
        regionPath: vpath,
        gridId,
        ownerRegionId: vpath[2],
        complexity: colour ? (colour === 'green' ? 'simple' : 'complex') : null,
        colour,
        status,
        version: steps,
        applicantUserId: null,
        hasContactPhone: phone !== null,
        assignments: assignment ? [assignment] : [],
        poolDepartmentIds: [],
        acceptBy: iso(at + DAY),
        resolveBy: steps >= 3 ? iso(times[2] + 10 * DAY) : null,
        verifyBy: null,
        callbackBy: null,
        committedWorkingDays: null,
        extensionRequest: null,
        satisfaction,
        reopenCount: 0,
        mergedIntoId: null,
        mediationOutcome: null,
        createdAt: iso(at)!,
        updatedAt: iso(lastAt)!,
        closedAt: status === 'closed' ? iso(lastAt) : null,
      };
      const row = stateToRow(state) as unknown as Record<string, unknown>;
      rows.cases.push(line(caseKeys.map((c) => row[c])));
      generated.push({
        state,
        resultAt: steps >= 6 ? iso(times[5]) : null,
        lastAt: iso(lastAt)!,
        party: { id: partyId, phone },
      });
      path.forEach(([type, to, from], i) => {
        rows.events.push(
          line([
            county,
            id,
            i + 1,
            type,
            iso(times[i]),
            'u-operator',
            i === 0 ? 'operator' : 'dispatcher',
            from,
            to,
            null,
            {},
          ]),
        );
      });
      if (assignment)
        rows.assignments.push(
          line([
            county,
            assignment.id,
            id,
            dept,
            'lead',
            assignment.status,
            assignment.assignedAt,
            assignment.dueAt,
            null,
            0,
          ]),
        );
      rows.parties.push(
        line([county, partyId, id, 'applicant', name, phone && sealPhone(phone), null, null, 0]),
      );
    }
    yield { rows, generated };
  }
}
