import type { CaseStatus } from '@hewei/domain';
import type { caseEvents, cases } from '../../db/schema/index.ts';
import type { Locale } from '../../http/messages.ts';
import type { OrgDirectory } from '../org/org.directory.ts';
import { coord, maskText, w3c } from './open311.format.ts';

type CaseRow = typeof cases.$inferSelect;
type EventRow = typeof caseEvents.$inferSelect;

const STATUS_NOTES: Record<CaseStatus, [string, string]> = {
  submitted: ['已登记，等待受理', 'Registered, waiting to be accepted'],
  accepted: ['已受理', 'Accepted'],
  triaged: ['已受理，正在分派', 'Accepted, being assigned'],
  in_pool: ['等待承办单位认领', 'Waiting for a department to take it'],
  dispatched: ['已派遣至承办单位', 'Sent to the responsible department'],
  objected: ['承办单位提出异议，正在重新分派', 'The department objected; being reassigned'],
  in_progress: ['正在办理', 'In progress'],
  extension_requested: ['正在办理（申请延期）', 'In progress (extension requested)'],
  resolved: ['已办理，等待核查', 'Done, waiting for on-site verification'],
  verified: ['已核查，等待回访', 'Verified, waiting for the callback'],
  called_back: ['已回访', 'Called back'],
  in_mediation: ['调解中', 'In mediation'],
  closed: ['已办结', 'Closed'],
  rejected: ['不予受理', 'Not accepted'],
  withdrawn: ['已撤回', 'Withdrawn'],
  merged: ['与其他诉求合并办理', 'Merged with another request'],
};

/** mySociety's extended statuses for servicerequestupdates (§1.7). */
const UPDATE_STATUS: Record<CaseStatus, string> = {
  submitted: 'open',
  accepted: 'investigating',
  triaged: 'investigating',
  in_pool: 'action_scheduled',
  dispatched: 'action_scheduled',
  objected: 'action_scheduled',
  in_progress: 'in_progress',
  extension_requested: 'in_progress',
  in_mediation: 'in_progress',
  resolved: 'fixed',
  verified: 'fixed',
  called_back: 'fixed',
  closed: 'closed',
  rejected: 'no_further_action',
  withdrawn: 'cancelled',
  merged: 'duplicate',
};

export const statusNote = (s: string, locale: Locale) =>
  STATUS_NOTES[s as CaseStatus]?.[locale === 'en' ? 1 : 0] ?? s;

const openOrClosed = (c: CaseRow) => (c.closedAt ? 'closed' : 'open');

function agency(org: OrgDirectory, c: CaseRow, leadDepartmentId: string | null, locale: Locale) {
  const d = leadDepartmentId ? org.department(leadDepartmentId) : undefined;
  const r = d ?? org.region(c.ownerRegionId);
  if (!r) return '';
  return locale === 'en' ? r.nameEn : r.name;
}

export interface RequestRow {
  c: CaseRow;
  leadDepartmentId: string | null;
  mediaUrl: string | null;
  addressId: string | null;
}

/**
 * Only what a resident submitted through Open311 was meant for the public feed: cases from the
 * hotline, walk-ins, the app or grid workers are listed by category, status and dates, without
 * their description or place. No case shows its tracking code (it follows the case with the
 * phone's last four digits): `service_request_id` is the case id.
 */
export const isPublic = (c: CaseRow) => c.channel === 'open311';

/** One request as GET requests shows it: every element always present (§1.4 "safest choice"). */
export function presentRequest(
  org: OrgDirectory,
  row: RequestRow,
  locale: Locale,
  extras?: { events: EventRow[]; updates: { at: Date; description: string; status: string }[] },
) {
  const { c } = row;
  const cat = org.category(c.categoryCode);
  const open = isPublic(c);
  const base: Record<string, unknown> = {
    service_request_id: c.id,
    status: openOrClosed(c),
    status_notes: statusNote(c.status, locale),
    service_name: cat ? (locale === 'en' ? cat.nameEn : cat.name) : '',
    service_code: c.categoryCode,
    description: open ? maskText(c.description) : '',
    agency_responsible: agency(org, c, row.leadDepartmentId, locale),
    service_notice: '',
    requested_datetime: w3c(c.createdAt),
    updated_datetime: w3c(c.closedAt ?? c.updatedAt),
    expected_datetime: w3c(c.dueAt ?? c.resolveBy),
    address: open ? (c.address ?? '') : '',
    address_id: open ? (row.addressId ?? '') : '',
    zipcode: '',
    lat: open ? coord(c.lat) : null,
    long: open ? coord(c.lon) : null,
    media_url: open ? (row.mediaUrl ?? '') : '',
  };
  if (!extras) return base;
  const region = org.region(c.regionId);
  base.extended_attributes = {
    channel: c.channel,
    kind: c.kind,
    detailed_status: c.status,
    region_code: region?.code ?? '',
    duplicate: c.mergedIntoId ? 'true' : 'false',
  };
  base.notes = [
    ...extras.events.map((e) => ({
      datetime: w3c(e.at),
      description: statusNote(e.toStatus, locale),
      type: 'status',
      summary: e.type.replace(/^case\./, ''),
    })),
    ...extras.updates.map((u) => ({
      datetime: w3c(u.at),
      description: maskText(u.description),
      type: 'update',
      summary: u.status.toLowerCase(),
    })),
  ];
  return base;
}

export function presentUpdate(e: EventRow, locale: Locale) {
  return {
    update_id: `${e.caseId}-${e.seq}`,
    service_request_id: e.caseId,
    status: UPDATE_STATUS[e.toStatus as CaseStatus] ?? 'open',
    updated_datetime: w3c(e.at),
    description: statusNote(e.toStatus, locale),
    media_url: '',
    external_status_code: e.type.replace(/^case\./, '').toUpperCase(),
  };
}
