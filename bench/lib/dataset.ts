// A fixed-seed county history of any size, in the shape performance.md asks for: ~200-character
// Chinese descriptions, five years, ~6 % open, skewed by place and season, ~6 events a case.
// Rows are produced as COPY text lines, so a tier loads at the machine's COPY speed.
import { CATEGORY_GROUPS } from '../../apps/server/src/demo/categories.ts';
import { departmentId, type OrgSpec, regionId } from '../../apps/server/src/demo/org.ts';
import { createRng, type Rng } from '../../apps/server/src/demo/rng.ts';
import { describe, TEXT_CATEGORIES } from '../../apps/server/src/demo/texts.ts';

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

const esc = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const cell = (v: unknown): string =>
  v === null || v === undefined
    ? '\\N'
    : Array.isArray(v)
      ? esc(`{${v.map((x) => `"${String(x)}"`).join(',')}}`)
      : typeof v === 'object'
        ? esc(JSON.stringify(v))
        : esc(String(v));
export const line = (cols: unknown[]) => `${cols.map(cell).join('\t')}\n`;

function uuid(rng: Rng, ms: number): string {
  const h = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');
  const t = ms.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${h(3)}-${'89ab'[Math.floor(rng() * 4)]}${h(3)}-${h(12)}`;
}

export const CASE_COLUMNS = [
  'county_id',
  'id',
  'tracking_code',
  'kind',
  'channel',
  'category_code',
  'description',
  'address',
  'lat',
  'lon',
  'region_id',
  'region_path',
  'grid_id',
  'owner_region_id',
  'complexity',
  'colour',
  'status',
  'version',
  'applicant_user_id',
  'has_contact_phone',
  'pool_department_ids',
  'accept_by',
  'resolve_by',
  'verify_by',
  'callback_by',
  'due_at',
  'committed_working_days',
  'extension_request',
  'satisfaction',
  'reopen_count',
  'merged_into_id',
  'mediation_outcome',
  'created_at',
  'updated_at',
  'closed_at',
];
export const EVENT_COLUMNS = [
  'county_id',
  'case_id',
  'seq',
  'type',
  'at',
  'actor_id',
  'actor_role',
  'from_status',
  'to_status',
  'reason',
  'data',
];
export const ASSIGNMENT_COLUMNS = [
  'county_id',
  'id',
  'case_id',
  'department_id',
  'role',
  'status',
  'assigned_at',
  'due_at',
  'objection_due_at',
  'position',
];
export const PARTY_COLUMNS = [
  'county_id',
  'id',
  'case_id',
  'role',
  'name',
  'phone',
  'id_number',
  'address',
  'position',
];

export interface Rows {
  cases: string[];
  events: string[];
  assignments: string[];
  parties: string[];
}

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

/** Yields the rows of `count` cases in batches, oldest first; the same seed gives the same rows. */
export function* generateCases(spec: OrgSpec, count: number, now: Date, batch = 2000): Generator<Rows> {
  const rng = createRng(424242);
  const county = regionId(spec.county.code);
  const villages = spec.towns.flatMap((t, ti) => t.villages.map((v) => ({ t, v, weight: 1 + (ti % 4) })));
  const totalWeight = villages.reduce((s, x) => s + x.weight, 0);
  const span = 5 * 365 * DAY;
  const start = now.getTime() - span;
  for (let done = 0; done < count; ) {
    const rows: Rows = { cases: [], events: [], assignments: [], parties: [] };
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
      const status = path[path.length - 1][1];
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
      const lastAt = times[times.length - 1];
      const resolveBy = steps >= 3 ? new Date(times[2] + 10 * DAY).toISOString() : null;
      const due =
        status === 'submitted'
          ? new Date(at + DAY).toISOString()
          : ['accepted', 'triaged', 'dispatched', 'in_progress'].includes(status)
            ? resolveBy
            : null;
      const vpath = [county, regionId(place.t.code), regionId(place.v.code)];
      rows.cases.push(
        line([
          county,
          id,
          `HW${String(done).padStart(9, '0')}`,
          group.kinds[0],
          ['hotline', 'app', 'web', 'walk_in', 'grid_report'][Math.floor(rng() * 5)],
          categoryCode,
          description,
          `${place.t.name}${place.v.name}`,
          null,
          null,
          vpath[2],
          vpath,
          null,
          vpath[2],
          colour ? (colour === 'green' ? 'simple' : 'complex') : null,
          colour,
          status,
          steps,
          null,
          true,
          [],
          new Date(at + DAY).toISOString(),
          resolveBy,
          null,
          null,
          due,
          null,
          null,
          status === 'closed' ? (rng() < 0.9 ? 'satisfied' : 'partly') : null,
          0,
          null,
          null,
          new Date(at).toISOString(),
          new Date(lastAt).toISOString(),
          status === 'closed' ? new Date(lastAt).toISOString() : null,
        ]),
      );
      path.forEach(([type, to, from], i) => {
        rows.events.push(
          line([
            county,
            id,
            i + 1,
            type,
            new Date(i === 0 ? at : times[i]).toISOString(),
            'u-operator',
            i === 0 ? 'operator' : 'dispatcher',
            from,
            to,
            null,
            {},
          ]),
        );
      });
      if (steps >= 4) {
        const aStatus = status === 'dispatched' ? 'pending' : steps >= 6 ? 'done' : 'acknowledged';
        rows.assignments.push(
          line([
            county,
            uuid(rng, Math.floor(times[3])),
            id,
            dept,
            'lead',
            aStatus,
            new Date(times[3]).toISOString(),
            resolveBy,
            null,
            0,
          ]),
        );
      }
      rows.parties.push(
        line([county, uuid(rng, Math.floor(at)), id, 'applicant', '张先生', null, null, null, 0]),
      );
    }
    yield rows;
  }
}
