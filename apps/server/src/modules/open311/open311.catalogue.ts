import type { CaseKind } from '@hewei/domain';
import type { Locale } from '../../http/messages.ts';
import type { CategoryRow, OrgDirectory } from '../org/org.directory.ts';

/**
 * Open311 carries the public kinds only. Disputes and petitions name people and have their own
 * procedures (portal, walk-in, letter), so they are neither offered nor listed here.
 */
export const PUBLIC_KINDS: readonly CaseKind[] = ['complaint', 'hazard', 'suggestion', 'consultation'];

const KIND_NAMES: Record<string, [string, string]> = {
  complaint: ['投诉求助', 'Complaint or request for help'],
  hazard: ['隐患/事件', 'Hazard or incident'],
  suggestion: ['建议', 'Suggestion'],
  consultation: ['咨询', 'Consultation'],
};

export const publicKindsOf = (c: CategoryRow) => PUBLIC_KINDS.filter((k) => c.kinds.includes(k));

/** The services: active leaf categories that admit a public kind. */
export function publicCategories(org: OrgDirectory): CategoryRow[] {
  return org
    .categories()
    .filter((c) => c.active && c.parentCode !== null && publicKindsOf(c).length > 0)
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function findService(org: OrgDirectory, code: string): CategoryRow | undefined {
  const c = org.category(code);
  return c?.active && c.parentCode !== null && publicKindsOf(c).length > 0 ? c : undefined;
}

const name = (c: { name: string; nameEn: string }, locale: Locale) => (locale === 'en' ? c.nameEn : c.name);

export function presentService(org: OrgDirectory, c: CategoryRow, locale: Locale) {
  const group = c.parentCode ? org.category(c.parentCode) : undefined;
  return {
    service_code: c.code,
    service_name: name(c, locale),
    description: group ? `${name(group, locale)} / ${name(c, locale)}` : name(c, locale),
    metadata: true,
    type: 'realtime',
    keywords: publicKindsOf(c).join(','),
    group: group ? name(group, locale) : '',
  };
}

export function serviceDefinition(org: OrgDirectory, c: CategoryRow, locale: Locale) {
  const en = locale === 'en';
  const kinds = publicKindsOf(c);
  const villagesAndTowns = org
    .regions()
    .filter((r) => r.level !== 'county')
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    service_code: c.code,
    attributes: [
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: en ? `Defaults to ${kinds[0]}` : `默认：${KIND_NAMES[kinds[0]][0]}`,
        order: 1,
        description: en ? 'What kind of matter this is' : '事项类型',
        values: kinds.map((k) => ({ key: k, name: KIND_NAMES[k][en ? 1 : 0] })),
      },
      {
        variable: true,
        code: 'region',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: en
          ? 'The town or village; found from lat/long when omitted'
          : '所在乡镇或村（社区）；不填时按坐标确定',
        order: 2,
        description: en ? 'Town or village' : '所在区域',
        values: villagesAndTowns.map((r) => ({ key: r.code, name: en ? r.nameEn : r.name })),
      },
      {
        variable: true,
        code: 'urgent',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: en ? 'Urgent matters are accepted within 30 minutes' : '紧急事项 30 分钟内受理',
        order: 3,
        description: en ? 'Urgent' : '是否紧急',
        values: [
          { key: 'false', name: en ? 'No' : '否' },
          { key: 'true', name: en ? 'Yes' : '是' },
        ],
      },
      {
        variable: true,
        code: 'client_token',
        datatype: 'string',
        required: false,
        datatype_description: en
          ? 'Your own id for this submission: a retry with it never makes a second request, and GET tokens/{client_token} finds it'
          : '客户端自定的提交编号：带同一编号重试不会重复立案，可用 GET tokens/{编号} 查询',
        order: 4,
        description: en ? 'Client token' : '客户端编号',
      },
    ],
  };
}
