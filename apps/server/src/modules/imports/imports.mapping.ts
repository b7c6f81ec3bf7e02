import { CASE_KINDS, type CaseKind, phoneSchema, type Satisfaction } from '@hewei/domain';
import type { OrgDirectory } from '../org/org.directory.ts';

/**
 * A 12345 work order (工单), after GB/T 33358-2016's definition: the requester, the matter, how it
 * was handled, supervision and the follow-up result. The standard defines the content, not a
 * file layout [S]; the column names below (Chinese or English) are Hewei's, mapped per province.
 */
export const FIELDS = {
  order_id: ['工单编号', '工单号'],
  received_at: ['受理时间', '来电时间'],
  caller_name: ['来电人', '诉求人', '来电人姓名'],
  caller_phone: ['来电号码', '联系电话'],
  matter_type: ['诉求类型', '事项类型'],
  category_code: ['诉求分类', '分类代码', '诉求分类代码'],
  content: ['诉求内容', '来电内容'],
  address: ['诉求地址', '事发地址'],
  region_code: ['所属区域', '区划代码'],
  urgency: ['紧急程度'],
  status: ['工单状态', '办理状态'],
  department: ['承办单位'],
  result: ['办理结果', '答复内容'],
  satisfaction: ['回访结果', '满意度'],
  closed_at: ['办结时间'],
} as const;
export type Field = keyof typeof FIELDS;

const MATTER: Record<string, CaseKind> = {
  咨询: 'consultation',
  求助: 'complaint',
  投诉: 'complaint',
  举报: 'complaint',
  建议: 'suggestion',
  纠纷: 'dispute',
  信访: 'petition',
};
export type SourceStatus = 'pending' | 'accepted' | 'in_progress' | 'closed' | 'rejected' | 'withdrawn';
const STATUS: Record<string, SourceStatus> = {
  待受理: 'pending',
  已受理: 'accepted',
  办理中: 'in_progress',
  已办结: 'closed',
  不予受理: 'rejected',
  已退回: 'rejected',
  已撤销: 'withdrawn',
};
const SATISFACTION: Record<string, Satisfaction> = {
  满意: 'satisfied',
  基本满意: 'partly',
  不满意: 'dissatisfied',
};
/** How far along the closed loop each source status is: an update never moves a case back. */
export const STATUS_RANK: Record<SourceStatus, number> = {
  pending: 0,
  accepted: 1,
  in_progress: 2,
  closed: 3,
  rejected: 3,
  withdrawn: 3,
};

export interface WorkOrder {
  orderId: string;
  receivedAt: Date;
  callerName: string | null;
  callerPhone: string | null;
  kind: CaseKind;
  categoryCode: string;
  content: string;
  address: string | null;
  regionId: string | null;
  urgent: boolean;
  status: SourceStatus;
  departmentId: string | null;
  result: string | null;
  satisfaction: Satisfaction | null;
  closedAt: Date | null;
}

export interface RowError {
  row: number;
  orderId: string | null;
  field: string;
  code: string;
}

/** `2024-06-12 10:00[:00]` (Beijing time) or ISO 8601 with a timezone. */
export function parseTime(s: string): Date | null {
  const local = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (local) {
    const [, y, mo, d, h, mi, se] = local;
    const t = Date.UTC(+y, +mo - 1, +d, +h - 8, +mi, +(se ?? 0));
    return Number.isNaN(t) ? null : new Date(t);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Column name (Chinese or English) → field, for a header row or a JSON object's keys. */
export function fieldOf(name: string): Field | undefined {
  const n = name.trim().replace(/^\uFEFF/, '');
  if (n in FIELDS) return n as Field;
  return (Object.keys(FIELDS) as Field[]).find((f) => (FIELDS[f] as readonly string[]).includes(n));
}

/** One row checked field by field: a work order, or every reason it cannot be one. */
/** What a batch looks up on every row, indexed once. */
export function lookups(org: OrgDirectory, countyId: string) {
  const regions = new Map(
    org
      .regions()
      .filter((r) => r.countyId === countyId)
      .map((r) => [r.code, r]),
  );
  const departments = new Map<string, string>();
  for (const d of org.departments().filter((x) => x.countyId === countyId)) {
    departments.set(d.id, d.id);
    departments.set(d.name, d.id);
  }
  return { org, regions, departments };
}
export type Lookups = ReturnType<typeof lookups>;

export function validateRow(
  raw: Partial<Record<Field, string>>,
  row: number,
  { org, regions, departments }: Lookups,
  now: Date,
): { order: WorkOrder } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const v = (f: Field) => raw[f]?.trim() || null;
  const orderId = v('order_id');
  const fail = (field: Field, code: string) => errors.push({ row, orderId, field, code });
  if (!orderId) fail('order_id', 'REQUIRED');
  else if (orderId.length > 64) fail('order_id', 'TOO_LONG');
  const receivedAt = v('received_at') ? parseTime(v('received_at')!) : null;
  if (!v('received_at')) fail('received_at', 'REQUIRED');
  else if (!receivedAt) fail('received_at', 'BAD_DATETIME');
  else if (receivedAt > now) fail('received_at', 'IN_FUTURE');
  const content = v('content');
  if (!content) fail('content', 'REQUIRED');
  else if (content.length < 5 || content.length > 4000) fail('content', 'LENGTH');
  const category = v('category_code') ? org.category(v('category_code')!) : undefined;
  if (!v('category_code')) fail('category_code', 'REQUIRED');
  else if (!category) fail('category_code', 'UNKNOWN_CATEGORY');
  const matter = v('matter_type');
  const kind = matter ? (MATTER[matter] ?? CASE_KINDS.find((k) => k === matter)) : category?.kinds[0];
  if (matter && !kind) fail('matter_type', 'UNKNOWN_MATTER_TYPE');
  const phone = v('caller_phone')?.replace(/[\s-]/g, '') ?? null;
  if (phone && !phoneSchema.safeParse(phone).success) fail('caller_phone', 'BAD_PHONE');
  const regionCode = v('region_code');
  const region = regionCode ? regions.get(regionCode) : undefined;
  if (regionCode && !region) fail('region_code', 'UNKNOWN_REGION');
  const urgency = v('urgency');
  if (urgency && !['一般', '紧急', '特急'].includes(urgency)) fail('urgency', 'UNKNOWN_URGENCY');
  const given = v('status');
  const status: SourceStatus | undefined = given
    ? (STATUS[given] ?? (given in STATUS_RANK ? (given as SourceStatus) : undefined))
    : 'pending';
  if (!status) fail('status', 'UNKNOWN_STATUS');
  const deptName = v('department');
  const deptId = deptName ? departments.get(deptName) : undefined;
  if (deptName && !deptId) fail('department', 'UNKNOWN_DEPARTMENT');
  const sat = v('satisfaction');
  if (sat && !SATISFACTION[sat]) fail('satisfaction', 'UNKNOWN_SATISFACTION');
  const closedAt = v('closed_at') ? parseTime(v('closed_at')!) : null;
  if (v('closed_at') && !closedAt) fail('closed_at', 'BAD_DATETIME');
  if (status === 'closed' && !v('closed_at')) fail('closed_at', 'REQUIRED');
  // a closed order with a caller's phone was called back: its result is part of the work order
  if (status === 'closed' && phone && !sat) fail('satisfaction', 'REQUIRED');
  if (closedAt && receivedAt && (closedAt < receivedAt || closedAt > now)) fail('closed_at', 'OUT_OF_ORDER');
  if (errors.length) return { errors };
  return {
    order: {
      orderId: orderId!,
      receivedAt: receivedAt!,
      callerName: v('caller_name'),
      callerPhone: phone,
      kind: kind as CaseKind,
      categoryCode: category!.code,
      content: content!,
      address: v('address'),
      regionId: region?.id ?? null,
      urgent: urgency === '紧急' || urgency === '特急',
      status: status!,
      departmentId: deptId ?? null,
      result: v('result'),
      satisfaction: sat ? SATISFACTION[sat] : null,
      closedAt,
    },
  };
}
