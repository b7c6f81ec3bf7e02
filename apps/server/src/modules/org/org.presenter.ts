import type { GeoProblem } from '@hewei/domain';
import { z } from 'zod';
import type { Locale } from '../../http/messages.ts';
import { maskPhone } from '../../lib/crypto.ts';
import { ORG_PERSON_PHONE_PURPOSE, type Pii } from '../../lib/pii/index.ts';
import type { GridRow, OrgDirectory, PersonRow, RegionRow, ResponsibilityRow } from './org.directory.ts';

const PROBLEMS: Record<string, [string, string]> = {
  INVALID_FEATURE: ['不是有效的 GeoJSON 要素', 'not a valid GeoJSON feature'],
  INVALID_GEOMETRY: ['几何图形无效', 'invalid geometry'],
  RING_NOT_CLOSED: [
    '多边形环未闭合（首尾坐标不同）',
    'a ring is not closed (first and last positions differ)',
  ],
  TOO_FEW_POSITIONS: ['多边形环的坐标点太少', 'a ring has too few positions'],
  SELF_INTERSECTION: ['多边形自相交', 'the polygon intersects itself'],
  COORDINATES_SWAPPED: [
    '经纬度顺序颠倒（应为 [经度, 纬度]）',
    'longitude and latitude are swapped (expected [lon, lat])',
  ],
  OUT_OF_RANGE: ['坐标超出经纬度范围', 'coordinates out of range'],
  OUTSIDE_PARENT: ['超出上级范围', 'reaches outside its parent'],
  SIBLING_OVERLAP: ['与同级相邻单元重叠', 'overlaps a sibling'],
  GAP_IN_PARENT: ['下级未覆盖全部范围，留有空白', 'its children leave land uncovered'],
  UNKNOWN_PARENT: ['上级代码不存在', 'unknown parent code'],
  UNKNOWN_REGION: ['所属行政区划代码不存在', 'unknown region code'],
  OUTSIDE_REGION: ['超出所属行政区划范围', 'reaches outside its region'],
  DUPLICATE_CODE: ['代码重复', 'duplicate code'],
  MISSING_PROPERTY: ['缺少必填属性', 'a required property is missing'],
  BAD_KIND: ['类型（kind）应为 region 或 grid', 'kind must be region or grid'],
  BAD_LEVEL: ['层级（level）不适用于该类型', 'level not valid for the kind'],
  LEVEL_MISMATCH: ['上级的层级不对', 'the parent is at the wrong level'],
  PARENT_SKIPPED: ['上级已跳过，随之跳过', 'skipped with its parent'],
};

/** One line a person can act on: which feature, which code, what is wrong, with the numbers. */
export function problemMessage(p: GeoProblem, locale: Locale): string {
  const i = locale === 'en' ? 1 : 0;
  const where =
    p.featureIndex < 0
      ? locale === 'en'
        ? 'The file'
        : '文件'
      : locale === 'en'
        ? `Feature #${p.featureIndex}${p.code ? ` (${p.code})` : ''}`
        : `第 ${p.featureIndex} 个要素${p.code ? `（${p.code}）` : ''}`;
  const details = Object.entries(p.details)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return `${where}: ${PROBLEMS[p.problem]?.[i] ?? p.problem}${details ? ` [${details}]` : ''}`;
}

export const problemSchema = z.object({
  featureIndex: z.number(),
  code: z.string().optional(),
  problem: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

export const importReportSchema = z.object({
  importId: z.string(),
  applied: z.boolean(),
  mode: z.string(),
  datum: z.string(),
  features: z.number(),
  ok: z.boolean(),
  problems: z.array(problemSchema),
  skipped: z.array(
    z.object({
      featureIndex: z.number(),
      code: z.string().optional(),
      problems: z.array(z.string()),
      message: z.string(),
    }),
  ),
  plan: z.object({
    new: z.array(z.string()),
    updated: z.array(z.string()),
    unchanged: z.array(z.string()),
    absent: z.array(z.string()),
    retired: z.array(z.string()),
  }),
});

export const unitRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
});
export const personSchema = z.object({
  id: z.string(),
  kind: z.string(),
  employment: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  userId: z.string().nullable(),
  gridId: z.string().nullable(),
  regionId: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export const responsibilitySchema = z.object({
  id: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  role: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
});

export const unitRef = (u: GridRow | RegionRow, locale: Locale) => ({
  id: u.id,
  code: u.code,
  name: 'nameEn' in u && locale === 'en' ? u.nameEn : u.name,
  level: u.level,
});

/**
 * Phones are stored sealed and shown masked: the map shows who, not their number (an admin or
 * dispatcher reveals it one at a time, audited: POST /api/v1/org/people/:id/reveal).
 */
export const presentPerson = (p: PersonRow, pii: Pii) => ({
  id: p.id,
  kind: p.kind,
  employment: p.employment,
  name: p.name,
  phone: maskPhone(pii.open(p.phone, ORG_PERSON_PHONE_PURPOSE)),
  userId: p.userId,
  gridId: p.gridId,
  regionId: p.regionId,
  validFrom: p.validFrom,
  validTo: p.validTo,
});

export function presentResponsibility(r: ResponsibilityRow, org: OrgDirectory, locale: Locale) {
  const cat = org.category(r.categoryCode);
  const region = org.region(r.regionId);
  const dept = org.department(r.departmentId);
  const en = locale === 'en';
  return {
    id: r.id,
    categoryCode: r.categoryCode,
    categoryName: cat ? (en ? cat.nameEn : cat.name) : r.categoryCode,
    regionId: r.regionId,
    regionName: region ? (en ? region.nameEn : region.name) : r.regionId,
    departmentId: r.departmentId,
    departmentName: dept ? (en ? dept.nameEn : dept.name) : r.departmentId,
    role: r.role,
    validFrom: r.validFrom,
    validTo: r.validTo,
    note: r.note,
  };
}

/** A PATCH body from a create body: every field optional, and no defaults filled in. */
export function patchSchema<T extends z.ZodRawShape>(body: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(body.shape).map(([k, f]) => [
      k,
      (f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : (f as z.ZodType)).optional(),
    ]),
  );
  return z.object(shape) as unknown as z.ZodObject<{
    [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>>;
  }>;
}
