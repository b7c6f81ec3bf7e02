import type { ErrorCode } from '@hewei/domain';

export type Locale = 'zh-CN' | 'en';

export function localeOf(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

const CODES: Record<ErrorCode, [string, string]> = {
  VALIDATION_FAILED: [
    '请求内容有误：字段 {field} 不符合要求',
    'Invalid request: field {field} is not acceptable',
  ],
  UNAUTHENTICATED: ['请先登录', 'Please sign in first'],
  FORBIDDEN: ['您没有执行此操作的权限', 'You are not allowed to do this'],
  NOT_FOUND: ['未找到该记录', 'Not found'],
  VERSION_CONFLICT: [
    '该事项已被他人更新，请刷新后重试',
    'Someone else has changed this case; reload and try again',
  ],
  CONFLICT: ['与现有数据冲突', 'Conflicts with existing data'],
  ILLEGAL_TRANSITION: [
    '事项当前状态不允许此操作（{rule}）',
    'The case’s current status does not allow this ({rule})',
  ],
  RULE_VIOLATION: ['不符合业务规则：{ruleText}', 'Breaks a rule: {ruleText}'],
  IDEMPOTENCY_KEY_REUSED: [
    '该幂等键已用于另一份不同的提交',
    'This Idempotency-Key was already used for a different submission',
  ],
  RATE_LIMITED: ['请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  PAYLOAD_TOO_LARGE: ['请求内容过大', 'The request is too large'],
  DATA_DIR_LOCKED: ['数据目录正被另一个进程使用', 'The data directory is in use by another process'],
  INTERNAL: ['服务器内部错误，请稍后再试', 'Internal error; please try again later'],
};

const RULES: Record<string, [string, string]> = {
  ORANGE_NEEDS_COMMITMENT: ['橙色事项须承诺办理时限', 'An orange case needs a committed deadline'],
  COMMITMENT_TOO_LONG: [
    '承诺时限不得超过 {max} 个工作日',
    'The committed deadline may not exceed {max} working days',
  ],
  GREEN_IS_SIMPLE: ['绿色事项只能是简易事项', 'A green case is simple'],
  YELLOW_ORANGE_ARE_COMPLEX: ['黄色、橙色事项属于复杂事项', 'Yellow and orange cases are complex'],
  ON_SPOT_GREEN_ONLY: ['只有绿色事项可以首问办结', 'Only green cases may be resolved on the spot'],
  LEAD_NOT_CO: ['主办单位不能同时作为协办单位', 'The lead department cannot also be a co-handler'],
  DUPLICATE_CO_HANDLER: ['协办单位重复', 'A co-handler is listed twice'],
  DUPLICATE_POOL_DEPARTMENT: ['抢单部门重复', 'A pool department is listed twice'],
  ASSIGNMENT_NOT_PENDING: ['该交办已签收或已处理', 'This assignment was already acknowledged or handled'],
  OBJECTION_WINDOW_CLOSED: ['已超过异议期（截至 {until}）', 'The objection window closed at {until}'],
  LEAD_ALREADY_ACKNOWLEDGED: ['主办单位已签收', 'The lead department has already acknowledged'],
  CALLBACK_REQUIRED: [
    '申请人留有联系方式，必须回访',
    'The applicant left a phone number: the callback is required',
  ],
  REOPEN_NEEDS_DISSATISFACTION: ['仅群众不满意时可重办', 'Only a dissatisfied resident reopens a case'],
  DISSATISFIED_MUST_REOPEN: [
    '群众不满意，须重办而不能结案',
    'The resident is dissatisfied: reopen, do not close',
  ],
  MERGE_INTO_SELF: ['不能与自身合并', 'A case cannot be merged into itself'],
  MERGE_TARGET_CLOSED: ['目标事项已办结，不能合并', 'The target case has ended and cannot take a duplicate'],
  MEDIATION_DISPUTES_ONLY: ['只有矛盾纠纷可以进入调解', 'Only disputes go to mediation'],
  ALREADY_AT_TOP: ['已是最高层级，无法再上报', 'Already at the top of the ladder'],
  UNKNOWN_DEPARTMENT: ['部门不存在：{id}', 'Unknown department: {id}'],
  UNKNOWN_REGION: ['区域不存在：{id}', 'Unknown region: {id}'],
  UNKNOWN_CATEGORY: ['事项分类不存在：{code}', 'Unknown category: {code}'],
  BAD_CREDENTIALS: ['用户名或密码错误', 'Wrong username or password'],
  BAD_OTP: ['验证码错误或已过期', 'The code is wrong or has expired'],
  APPLICANT_CONTACT_REQUIRED: [
    '匿名提交须留下申请人手机号，以便查询进度',
    'An anonymous submission needs the applicant’s phone number to follow it',
  ],
};

export function messageFor(
  locale: Locale,
  code: ErrorCode,
  opts: { field?: string; rule?: string; params?: Record<string, string | number> },
): string {
  const i = locale === 'en' ? 1 : 0;
  const known = opts.rule ? RULES[opts.rule]?.[i] : undefined;
  const ruleText = known ? fill(known, opts.params ?? {}) : (opts.rule ?? '');
  if (known && code !== 'RULE_VIOLATION') return ruleText;
  return fill(CODES[code][i], { ...opts.params, field: opts.field ?? '', rule: opts.rule ?? '', ruleText });
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}
