// The columns each COPY writes, and the COPY text form of a row.

const SPECIAL = /[\\\t\n\r]/;
const esc = (v: string) =>
  SPECIAL.test(v)
    ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : v;
const cell = (v: unknown): string =>
  v === null || v === undefined
    ? '\\N'
    : v instanceof Date
      ? v.toISOString()
      : Array.isArray(v)
        ? esc(`{${v.map((x) => `"${String(x)}"`).join(',')}}`)
        : typeof v === 'object'
          ? esc(JSON.stringify(v))
          : esc(String(v));
export const line = (cols: unknown[]) => `${cols.map(cell).join('\t')}\n`;

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

export const CASE_KEYS_COLUMNS = ['county_id', 'case_id', 'timeliness', 'keys'];
export const SEARCH_COLUMNS = ['county_id', 'case_id', 'doc'];
export const STAMP_COLUMNS = ['county_id', 'case_id', 'grid_id', 'grid_version', 'grid_code', 'resolved_by'];
export const TIMER_COLUMNS = [
  'county_id',
  'case_id',
  'key',
  'kind',
  'stage',
  'deadline',
  'step',
  'ord',
  'fire_at',
  'fired_at',
  'outcome',
  'event_seq',
  'attempts',
];
export const PARTY_INDEX_COLUMNS = ['county_id', 'party_id', 'field', 'digest'];
export const COUNTS_COLUMNS = ['county_id', 'node_id', 'dim', 'value', 'slot', 'n'];
export const DAILY_COLUMNS = ['county_id', 'node_id', 'metric', 'day', 'slot', 'n'];
